/**
 * The colours of the human-readable format, by role. Colour is decided by the caller
 * (`FormatOptions.color`, from `--color`/NO_COLOR/TTY in src/cli/), never by kleur's own detection of
 * the environment: with `color: false` every role is the identity function, so no escape code can
 * appear; with `color: true` kleur is switched on for the duration of each call.
 */
import kleur from 'kleur';
import type { Severity } from '../diagnostics.js';

type Paint = (text: string) => string;

export interface Palette {
  severity(severity: Severity, text: string): string;
  /** Secondary text: positions, rule ids, code frame gutters. */
  dim: Paint;
  /** A file name heading a group. */
  file: Paint;
  /** The caret/underline and the `>` marker of a code frame (coloured like the finding). */
  marker(severity: Severity, text: string): string;
  /** The summary line. */
  summary(worst: Severity, text: string): string;
}

const identity: Paint = (text) => text;

const plain: Palette = {
  severity: (_severity, text) => text,
  dim: identity,
  file: identity,
  marker: (_severity, text) => text,
  summary: (_severity, text) => text,
};

/** Run a kleur style with colours forced on, whatever kleur detected from process.env at import. */
function forced(style: (text: string) => string): Paint {
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

const bySeverity: Record<Severity, Paint> = {
  error: forced((t) => kleur.red(t)),
  warning: forced((t) => kleur.yellow(t)),
  info: forced((t) => kleur.blue(t)),
};

const summaryBySeverity: Record<Severity, Paint> = {
  error: forced((t) => kleur.red().bold(t)),
  warning: forced((t) => kleur.yellow().bold(t)),
  info: forced((t) => kleur.blue().bold(t)),
};

const coloured: Palette = {
  severity: (severity, text) => bySeverity[severity](text),
  dim: forced((t) => kleur.gray(t)),
  file: forced((t) => kleur.underline(t)),
  marker: (severity, text) => bySeverity[severity](text),
  summary: (worst, text) => summaryBySeverity[worst](text),
};

export function palette(color: boolean): Palette {
  return color ? coloured : plain;
}
