/**
 * JSON text for the machine-readable formats: two-space indented, one trailing newline. Characters that
 * JSON allows raw but that can reorder or hide text when the report is shown in a terminal or an editor
 * (DEL, C1 controls, bidi controls, line/paragraph separators) are written as `\uXXXX` escapes, which
 * parse back to the same string.
 */
const DISPLAY_UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    DISPLAY_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `${text}\n`;
}
