/**
 * Text that is safe to show on a terminal, and how many columns it takes there.
 *
 * Messages and source lines come from user input: a carriage return, an escape sequence or a bidi
 * override in them could rewrite or reorder what a reader sees (or inject colours), so such characters
 * are shown as visible escapes (`\x1B`, `\u202E`) instead. Lone surrogates become U+FFFD.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional formatting characters. */
const UNSAFE_CHAR = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The visible escape for one unsafe character: `\x1B` below U+0100, `\u202E` above. */
export function visibleEscape(char: string): string {
  const code = char.charCodeAt(0);
  const hex = code.toString(16).toUpperCase();
  return code < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

export function isUnsafeChar(char: string): boolean {
  return UNSAFE_CHAR.test(char);
}

/**
 * Make one line of user text safe to print: unsafe characters escaped, tabs turned into one space,
 * lone surrogates replaced. Line feeds are escaped too: split multi-line text before calling this.
 */
export function terminalSafeLine(text: string): string {
  let out = '';
  for (const char of text.replace(LONE_SURROGATE, '\uFFFD')) {
    if (char === '\t') out += ' ';
    else if (char === '\n' || isUnsafeChar(char)) out += visibleEscape(char);
    else out += char;
  }
  return out;
}

/**
 * Split user text into display lines (at LF and CRLF; a lone CR is shown as `\x0D`), drop trailing
 * line breaks, and make each line safe.
 */
export function terminalSafeLines(text: string): string[] {
  return text.replace(/(\r?\n)+$/, '').split(/\r?\n/).map(terminalSafeLine);
}

/**
 * Columns a code point takes on a terminal: 0 for combining marks and zero-width characters, 2 for
 * East Asian wide and fullwidth characters and emoji, else 1. An approximation of Unicode's East Asian
 * Width (UAX #11) that covers the common scripts; it never needs to be exact, only good for alignment.
 */
export function codePointWidth(code: number): number {
  if (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x200b && code <= 0x200d) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    code === 0xfeff
  ) {
    return 0;
  }
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Columns a (safe, single-line) text takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char.codePointAt(0)!);
  return width;
}

/** Pad `text` with spaces to `width` terminal columns. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
