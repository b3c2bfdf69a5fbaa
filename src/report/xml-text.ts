/**
 * Escaping for XML 1.0 text and attribute values. Characters XML 1.0 cannot carry at all (C0 controls
 * but tab/LF/CR, U+FFFE, U+FFFF, lone surrogates) are not even allowed as character references, so
 * they are written as visible escapes (`\x1B`, `\uFFFE`) or U+FFFD instead of breaking the document.
 */
import { visibleEscape } from '../text/terminal-text.js';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function representable(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(FORBIDDEN, visibleEscape);
}

/** Element content: `&`, `<`, `>` (so `]]>` cannot appear); CR kept as a reference so it survives parsing. */
export function escapeXmlText(text: string): string {
  return representable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values (double-quoted): also quotes, and tab/LF/CR as references, which attribute-value normalization would otherwise turn into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
