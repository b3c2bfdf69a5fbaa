/**
 * Guards that run before a YAML text is composed into nodes. Composing is recursive (in js-yaml and in
 * `yaml`): a text nested thousands of levels deep would exhaust the stack, and V8 may then abort the whole
 * process instead of throwing. So depth is measured first, without recursion, on `yaml`'s token tree.
 */
import type { CST } from 'yaml';

/** The deepest nesting any reader of source/ accepts (real manifests and Compose files stay under 30). */
export const DEFAULT_MAX_DEPTH = 1000;

export const tooDeepMessage = (max: number): string => `the YAML is nested more than ${max} levels deep`;

/**
 * A cheap upper bound check, one pass over the characters: false when `text` certainly nests no deeper
 * than `max`. A block collection nested inside another starts at a greater column, except a sequence
 * under a key (one extra level), so block depth is at most twice the widest line prefix of blanks and
 * `- `/`? `/`: ` indicators; flow depth is at most the number of `[` and `{`.
 */
export function mayNestDeeperThan(text: string, max: number): boolean {
  let openers = 0;
  let widestPrefix = 0;
  let atLineStart = true;
  let prefix = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      atLineStart = true;
      prefix = 0;
      continue;
    }
    if (c === 91 || c === 123) openers++;
    if (!atLineStart) continue;
    const next = text.charCodeAt(i + 1);
    if (c === 32 || c === 9) prefix++;
    else if ((c === 45 || c === 63 || c === 58) && (next === 32 || next === 9)) prefix++;
    else {
      atLineStart = false;
      if (prefix > widestPrefix) widestPrefix = prefix;
    }
  }
  if (atLineStart && prefix > widestPrefix) widestPrefix = prefix;
  return 2 * (widestPrefix + 1) + openers > max;
}

/** Offset of the first node nested deeper than `max` in a token stream, or undefined. Iterative. */
export function firstTooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (depth > max) return token.offset;
    for (const child of childrenOf(token)) stack.push({ token: child, depth: depth + 1 });
  }
  return undefined;
}

function childrenOf(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : [];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection': {
      const out: CST.Token[] = [];
      for (const item of token.items as { key?: CST.Token | null; value?: CST.Token }[]) {
        if (item.key) out.push(item.key);
        if (item.value) out.push(item.value);
      }
      return out;
    }
    default:
      return [];
  }
}

/**
 * Where a quoted scalar that is never closed starts: `yaml` reports the missing quote at the end of the
 * text it swallowed, which is far from the cause. Returns the offset of the last unterminated scalar
 * quoted with `quote` that starts at or before `before`.
 */
export function unterminatedQuoteStart(tokens: readonly CST.Token[], quote: '"' | "'", before: number): number | undefined {
  const type = quote === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
  let found: number | undefined;
  const stack = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop()!;
    if (token.type === type && token.offset <= before && !isClosed(token.source, quote) && (found === undefined || token.offset > found)) {
      found = token.offset;
    }
    for (const child of childrenOf(token)) stack.push(child); // no spread: a list may hold a million items
  }
  return found;
}

function isClosed(source: string, quote: string): boolean {
  if (source.length < 2 || !source.endsWith(quote)) return false;
  if (quote === "'") {
    // '' is an escaped quote: the closing quote is the odd one out of the trailing run.
    let run = 0;
    for (let i = source.length - 1; i > 0 && source[i] === "'"; i--) run++;
    return run % 2 === 1;
  }
  let backslashes = 0;
  for (let i = source.length - 2; i > 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}
