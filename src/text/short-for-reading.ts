/**
 * Messages quote user text (keys, values, names) in full, so a 100 KB key would make a 100 KB terminal line.
 * Human-readable output (stylish rows, the `file:line:column severity code message` lines on stderr) cuts it
 * for reading; the machine formats (json, sarif, junit) keep the full message.
 */

/** A quoted segment longer than this (in code points) keeps its first and last characters around an ellipsis. */
// Long enough for any Kubernetes name (63) or label value, and most annotation keys, to be shown whole.
const MAX_QUOTED_LENGTH = 128;
const QUOTED_HEAD = 96;
const QUOTED_TAIL = 24;
/** A line of a message, hint or related location longer than this (after cutting quotes) is cut at its end. */
const MAX_LINE_LENGTH = 400;
/**
 * A segment in single, double or back quotes that starts and ends at a word boundary: `'kkk…'` in
 * "unknown field 'kkk…' at the top level", not the apostrophe of "service's".
 */
const QUOTED = /(^|[^\p{L}\p{N}_])(['"`])((?:(?!\2)[^\n])*)\2(?![\p{L}\p{N}_])/gu;

/**
 * User text quoted in a message, cut for reading: a quoted segment longer than MAX_QUOTED_LENGTH keeps its
 * head and tail around `…` (keys that share a long prefix stay apart), then each line longer than
 * MAX_LINE_LENGTH ends in `…`. Lengths count code points, so a cut never splits a surrogate pair.
 */
export function shortForReading(text: string): string {
  if (text.length <= MAX_QUOTED_LENGTH) return text;
  const quotesCut = text.replace(QUOTED, (whole, before: string, quote: string, inner: string) => {
    const chars = Array.from(inner);
    if (chars.length <= MAX_QUOTED_LENGTH) return whole;
    return `${before}${quote}${chars.slice(0, QUOTED_HEAD).join('')}…${chars.slice(-QUOTED_TAIL).join('')}${quote}`;
  });
  return quotesCut
    .split('\n')
    .map((line) => {
      if (line.length <= MAX_LINE_LENGTH) return line;
      const chars = Array.from(line);
      return chars.length <= MAX_LINE_LENGTH ? line : `${chars.slice(0, MAX_LINE_LENGTH - 1).join('')}…`;
    })
    .join('\n');
}

