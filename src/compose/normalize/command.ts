/** `command` / `entrypoint`: a list as written, or a string split into words the way docker compose does. */
import type { CommandLine } from '../model.js';
import type { Located } from '../../source/located.js';
import { IGNORED_VALUE, report, type Scope } from './context.js';
import { fieldName, readString, wrongType } from './scalars.js';
import { splitShellWords } from './shell-words.js';

/** Undefined for `null` (not set); an empty string or list is an explicit empty command. */
export function readCommandLine(node: Located, scope: Scope): CommandLine | undefined {
  if (node.kind === 'seq') {
    const argv: string[] = [];
    node.items.forEach((item, i) => {
      if (item.kind !== 'scalar' || item.value === null) {
        if (item.kind !== 'scalar') wrongType(item, { ...scope, path: [...scope.path, i] }, 'a string');
        else argv.push('');
        return;
      }
      argv.push(String(item.value));
    });
    return { argv, form: 'list', span: node.span };
  }
  if (node.kind === 'map') {
    wrongType(node, scope, 'a string or a list of strings');
    return undefined;
  }
  const text = readString(node, scope);
  if (text === undefined) return undefined;
  const split = splitShellWords(text);
  if (!split.words) {
    report(scope, node.span, {
      message: `docker compose cannot split ${fieldName(scope)} into words: ${split.error}`,
      hint: 'Write it as a list (["sh", "-c", "…"]), or quote the characters a shell would treat specially.',
    });
    return undefined;
  }
  if (split.stoppedAt !== undefined) {
    const rest = text.slice(split.stoppedAt).trim();
    report(scope, node.span, {
      severity: 'warning',
      code: IGNORED_VALUE,
      message: `docker compose stops reading ${fieldName(scope)} at ${JSON.stringify(rest.slice(0, 2).trim())} and ignores ${JSON.stringify(rest)}`,
      hint: 'Compose splits the string into words without a shell; to run a shell command line, write ["sh", "-c", "…"].',
    });
  }
  return { argv: split.words, form: 'string', span: node.span };
}
