/**
 * Split a command string into words exactly as docker compose does (it uses mattn/go-shellwords with
 * environment and backtick expansion off). That splitter differs from a POSIX shell in ways users trip on:
 * - it stops at the first unquoted `;`, `&`, `|`, `<` or `>` and silently drops the rest (a `2>` also drops
 *   the `2`), so `a && b` runs only `a`;
 * - outside single quotes a backslash escapes the next character, and `\t` / `\n` become a tab / newline;
 * - an unquoted `(` is an error unless it follows `$` (`$(…)` is kept as text), a stray `)` too;
 * - unbalanced quotes are an error.
 */
export interface ShellSplit {
  /** The words; absent when the string cannot be split. */
  words?: string[];
  /** Offset in the input of the operator at which splitting stopped, when it did. */
  stoppedAt?: number;
  error?: string;
}

const enum Got {
  No,
  Single,
  Quoted,
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

export function splitShellWords(line: string): ShellSplit {
  const words: string[] = [];
  let buf = '';
  let escaped = false;
  let doubleQuoted = false;
  let singleQuoted = false;
  let backQuote = false;
  let dollarQuote = false;
  let got = Got.No;
  let stoppedAt: number | undefined;
  const chars = [...line];
  let offset = 0;
  scan: for (let k = 0; k < chars.length; offset += chars[k]!.length, k++) {
    let c = chars[k]!;
    if (escaped) {
      escaped = false;
      if (backQuote || dollarQuote) {
        buf += `\\${c}`;
        got = Got.Single;
        continue;
      }
      if (c === 't') c = '\t';
      else if (c === 'n') c = '\n';
      buf += c;
      got = Got.Single;
      continue;
    }
    if (c === '\\') {
      if (singleQuoted) buf += c;
      else escaped = true;
      continue;
    }
    if (isSpace(c)) {
      if (singleQuoted || doubleQuoted || backQuote || dollarQuote) buf += c;
      else if (got !== Got.No) {
        words.push(buf);
        buf = '';
        got = Got.No;
      }
      continue;
    }
    const quoted = singleQuoted || doubleQuoted;
    switch (c) {
      case '`':
        if (!quoted && !dollarQuote) backQuote = !backQuote;
        break;
      case ')':
        if (!quoted && !backQuote) {
          if (!dollarQuote) return { error: `an unquoted ')' at offset ${offset}` };
          buf += c;
          dollarQuote = false;
          got = Got.Single;
          continue;
        }
        break;
      case '(':
        if (!quoted && !backQuote) {
          if (!dollarQuote && buf.endsWith('$') && !buf.endsWith('\\$')) {
            dollarQuote = true;
            buf += c;
            continue;
          }
          return { error: `an unquoted '(' at offset ${offset}` };
        }
        break;
      case '"':
        if (!singleQuoted && !dollarQuote && !backQuote) {
          if (doubleQuoted) got = Got.Quoted;
          doubleQuoted = !doubleQuoted;
          continue;
        }
        break;
      case "'":
        if (!doubleQuoted && !dollarQuote && !backQuote) {
          if (singleQuoted) got = Got.Quoted;
          singleQuoted = !singleQuoted;
          continue;
        }
        break;
      case ';':
      case '&':
      case '|':
      case '<':
      case '>':
        if (!quoted && !backQuote && !dollarQuote) {
          stoppedAt = offset;
          if (c === '>' && buf !== '' && /^[0-9]+$/.test(buf)) {
            stoppedAt = offset - buf.length;
            got = Got.No;
          }
          break scan;
        }
        break;
    }
    got = Got.Single;
    buf += c;
  }
  if (got !== Got.No) words.push(buf);
  if (escaped) return { error: 'it ends with a lone backslash' };
  if (singleQuoted || doubleQuoted) return { error: 'a quote is not closed' };
  if (backQuote) return { error: 'a backquote (`) is not closed' };
  if (dollarQuote) return { error: "a '$(' is not closed" };
  return stoppedAt === undefined ? { words } : { words, stoppedAt };
}
