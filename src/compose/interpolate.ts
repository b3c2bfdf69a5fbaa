/**
 * Compose variable substitution in one string, as docker compose does it:
 *   `$$` → `$`;  `$VAR`, `${VAR}`;  `${VAR:-default}` (unset or empty), `${VAR-default}` (unset);
 *   `${VAR:?message}`, `${VAR?message}` (required);  `${VAR:+alternative}`, `${VAR+alternative}`.
 * Defaults, messages and alternatives may themselves hold substitutions (`${A:-${B:-c}}`); they are
 * substituted only when used. Problems are returned with their offset in the template, never thrown.
 */

/** The value of a variable, `undefined` when it is not set. */
export type VariableLookup = (name: string) => string | undefined;

export type TemplateProblem =
  /** `${VAR:?msg}` / `${VAR?msg}` with VAR unset (or empty): an error. */
  | { kind: 'missing'; offset: number; length: number; name: string; message: string }
  /** `$VAR` / `${VAR}` with VAR unset: a warning, the value is the empty string. */
  | { kind: 'unset'; offset: number; length: number; name: string }
  /** A `$` not followed by a name, `{` or `$`, or a malformed `${…}`: an error. */
  | { kind: 'invalid'; offset: number; length: number; reason: string };

export interface Substitution {
  value: string;
  problems: TemplateProblem[];
}

const NAME_START = /[_A-Za-z]/;
const NAME = /^[_A-Za-z][_A-Za-z0-9]*/;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;
type Operator = (typeof OPERATORS)[number];

export function substitute(template: string, lookup: VariableLookup): Substitution {
  const problems: TemplateProblem[] = [];
  const value = expand(template, 0, lookup, problems);
  return { value, problems };
}

/** Whether a string holds anything substitution would change. */
export function hasSubstitution(text: string): boolean {
  return text.includes('$');
}

function expand(text: string, base: number, lookup: VariableLookup, problems: TemplateProblem[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next !== undefined && NAME_START.test(next)) {
      const name = NAME.exec(text.slice(dollar + 1))![0];
      out += variable(name, dollar, 1 + name.length, base, lookup, problems);
      i = dollar + 1 + name.length;
    } else if (next === '{') {
      const close = closingBrace(text, dollar + 2);
      if (close === -1) {
        problems.push({ kind: 'invalid', offset: base + dollar, length: text.length - dollar, reason: "'${' is never closed by '}'" });
        return out;
      }
      out += braced(text.slice(dollar + 2, close), dollar, close + 1 - dollar, base, lookup, problems);
      i = close + 1;
    } else {
      problems.push({
        kind: 'invalid',
        offset: base + dollar,
        length: next === undefined ? 1 : 2,
        reason: "'$' must be followed by a variable name or '{'",
      });
      out += '$';
      i = dollar + 1;
    }
  }
  return out;
}

/** Index of the `}` closing a `${` whose body starts at `from`, counting nested `${ … }`; -1 if none. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === '$' && text[j + 1] === '{') {
      depth++;
      j++;
    } else if (text[j] === '}' && --depth === 0) {
      return j;
    }
  }
  return -1;
}

function variable(
  name: string,
  offset: number,
  length: number,
  base: number,
  lookup: VariableLookup,
  problems: TemplateProblem[],
): string {
  const value = lookup(name);
  if (value === undefined) problems.push({ kind: 'unset', offset: base + offset, length, name });
  return value ?? '';
}

function braced(
  body: string,
  offset: number,
  length: number,
  base: number,
  lookup: VariableLookup,
  problems: TemplateProblem[],
): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) {
    problems.push({ kind: 'invalid', offset: base + offset, length, reason: `'\${${body}}' does not start with a variable name` });
    return '';
  }
  const rest = body.slice(name.length);
  if (rest === '') return variable(name, offset, length, base, lookup, problems);
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (op === undefined) {
    problems.push({
      kind: 'invalid',
      offset: base + offset,
      length,
      reason: `'\${${body}}' has '${rest[0]}' after the name, where one of :- - :? ? :+ + is expected`,
    });
    return '';
  }
  const word = rest.slice(op.length);
  const wordBase = base + offset + 2 + name.length + op.length;
  return apply(op, name, word, wordBase, offset, length, base, lookup, problems);
}

function apply(
  op: Operator,
  name: string,
  word: string,
  wordBase: number,
  offset: number,
  length: number,
  base: number,
  lookup: VariableLookup,
  problems: TemplateProblem[],
): string {
  const value = lookup(name);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  const expandWord = () => expand(word, wordBase, lookup, problems);
  switch (op) {
    case ':-':
      return nonEmpty ? value : expandWord();
    case '-':
      return set ? value : expandWord();
    case ':+':
      return nonEmpty ? expandWord() : '';
    case '+':
      return set ? expandWord() : '';
    case ':?':
    case '?': {
      if (op === ':?' ? nonEmpty : set) return value!;
      problems.push({ kind: 'missing', offset: base + offset, length, name, message: expandWord() });
      return '';
    }
  }
}

/**
 * Where the expression at `offset` (of `length`) of a substituted string sits in the raw source text of
 * the value it came from: the same occurrence of the same expression text. `undefined` when the source
 * spells it differently (escapes in a quoted scalar, folded lines).
 */
export function rawOffsetOf(raw: string, template: string, offset: number, length: number): number | undefined {
  const expression = template.slice(offset, offset + length);
  if (expression === '') return undefined;
  let occurrence = 0;
  for (let at = template.indexOf(expression); at !== -1 && at < offset; at = template.indexOf(expression, at + expression.length)) {
    occurrence++;
  }
  let found = raw.indexOf(expression);
  while (found !== -1 && occurrence > 0) {
    found = raw.indexOf(expression, found + expression.length);
    occurrence--;
  }
  return found === -1 ? undefined : found;
}
