/**
 * The colours of the diff renderers, by role. Whether to colour is decided by the caller (`--color`,
 * NO_COLOR, a TTY: src/cli/), never by kleur's own look at the environment: without colour every role is
 * the identity, so no escape code can appear.
 */
import kleur from 'kleur';

type Paint = (text: string) => string;

export interface DiffPalette {
  added: Paint;
  removed: Paint;
  changed: Paint;
  unchanged: Paint;
  /** `---`/`+++` file lines. */
  fileLine: Paint;
  /** `@@ … @@` hunk headers. */
  hunk: Paint;
}

const identity: Paint = (text) => text;

/** A kleur style with colours switched on for the call, whatever kleur detected at import. */
function forced(style: Paint): Paint {
  return (text) => {
    if (text === '') return text;
    const previous = kleur.enabled;
    kleur.enabled = true;
    try {
      return style(text);
    } finally {
      kleur.enabled = previous;
    }
  };
}

const plain: DiffPalette = { added: identity, removed: identity, changed: identity, unchanged: identity, fileLine: identity, hunk: identity };

const coloured: DiffPalette = {
  added: forced((t) => kleur.green(t)),
  removed: forced((t) => kleur.red(t)),
  changed: forced((t) => kleur.yellow(t)),
  unchanged: forced((t) => kleur.gray(t)),
  fileLine: forced((t) => kleur.bold(t)),
  hunk: forced((t) => kleur.cyan(t)),
};

export function diffPalette(color: boolean): DiffPalette {
  return color ? coloured : plain;
}
