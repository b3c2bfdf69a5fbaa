/**
 * The `.env` / `env_file` syntax docker compose accepts, one statement after another:
 *   `# comment` lines and blank lines;  an optional `export ` prefix;  `KEY=value` or `KEY: value`;
 *   a bare `KEY` (the value is taken from the environment, and the entry skipped when it is not set there);
 *   unquoted values end at the line end or at ` #`, trailing blanks trimmed, variables substituted;
 *   'single-quoted' values are literal;  "double-quoted" values take \n \r \t \\ \" \$ … escapes and
 *   substitution; quoted values may span several lines.
 * `format: raw` files are `KEY=value` lines taken literally. Never throws: problems are positioned in the file.
 */
import type { Diagnostic, DiagnosticSink } from '../diagnostics.js';
import type { LineIndex } from '../source/lines.js';
import { spanOf, type Span } from '../source/span.js';
import { rawOffsetOf, substitute, type VariableLookup } from './interpolate.js';
import { interpolationDiagnostic } from './interpolation-diagnostics.js';

export interface DotenvEntry {
  name: string;
  value: string;
  /** From the key to the end of the value. */
  span: Span;
}

export const DOTENV_SYNTAX = 'compose/dotenv-syntax';

const KEY_CHAR = /[\p{L}\p{N}_.\-[\]]/u;
const BLANK = /[ \t\v\f\r\u0085\u00a0]/;

export interface DotenvOptions {
  /** Variables from outside the file (they win over nothing: the file's own earlier entries are used after them). */
  lookup: VariableLookup;
  report: DiagnosticSink;
  /** `raw`: no quotes, escapes or substitution. */
  format?: 'raw';
}

/** Parse a dotenv file. `lines` indexes its text; `file` is the path diagnostics name. */
export function parseDotenv(file: string, lines: LineIndex, options: DotenvOptions): DotenvEntry[] {
  return new DotenvParser(file, lines, options).parse();
}

class DotenvParser {
  private readonly text: string;
  private pos = 0;
  private readonly entries: DotenvEntry[] = [];
  private readonly own = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly options: DotenvOptions,
  ) {
    this.text = lines.text;
  }

  parse(): DotenvEntry[] {
    while (this.skipBlankAndComments()) {
      const start = this.pos;
      if (!this.statement()) this.pos = this.lineEnd(start);
    }
    return this.entries;
  }

  /** Moves to the next statement; false at the end of the text. */
  private skipBlankAndComments(): boolean {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === '\n' || BLANK.test(c) || c === ' ') this.pos++;
      else if (c === '#') this.pos = this.lineEnd(this.pos);
      else return true;
    }
    return false;
  }

  private lineEnd(from: number): number {
    const nl = this.text.indexOf('\n', from);
    return nl === -1 ? this.text.length : nl;
  }

  /** One statement from `this.pos`; false (after reporting) when it is malformed. */
  private statement(): boolean {
    const t = this.text;
    const exported = /^export[ \t]+/.exec(t.slice(this.pos, this.pos + 16));
    if (exported) this.pos += exported[0].length;
    const keyStart = this.pos;
    let i = this.pos;
    while (i < t.length && KEY_CHAR.test(t[i]!)) i++;
    const name = t.slice(keyStart, i);
    while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
    const sep = t[i];
    if (name === '' || (sep !== '=' && sep !== ':' && sep !== '\n' && sep !== '\r' && sep !== undefined)) {
      const bad = name === '' ? keyStart : i;
      this.problem(bad, bad + 1, `unexpected character ${JSON.stringify(t[bad] ?? '')} in a variable name`, 'Write NAME=value; names use letters, digits, _ . - [ ].');
      return false;
    }
    if (sep === '\n' || sep === '\r' || sep === undefined) {
      // A bare name: the value comes from the environment.
      const value = this.lookup(name);
      if (value !== undefined) this.add(name, value, keyStart, i);
      this.pos = i;
      return true;
    }
    i++;
    while (i < t.length && BLANK.test(t[i]!) && t[i] !== '\n') i++;
    const quote = this.options.format === 'raw' ? undefined : t[i] === '"' || t[i] === "'" ? t[i] : undefined;
    return quote ? this.quoted(name, keyStart, i, quote) : this.unquoted(name, keyStart, i);
  }

  private unquoted(name: string, keyStart: number, from: number): boolean {
    const end = this.lineEnd(from);
    let raw = this.text.slice(from, end);
    if (this.options.format !== 'raw') {
      const comment = raw.indexOf(' #');
      if (comment !== -1) raw = raw.slice(0, comment);
    }
    raw = raw.replace(/[\s\u0085\u00a0]+$/u, '');
    const value = this.options.format === 'raw' ? raw : this.substituted(raw, from, raw);
    this.add(name, value, keyStart, from + raw.length);
    this.pos = end;
    return true;
  }

  private quoted(name: string, keyStart: number, open: number, quote: string): boolean {
    const t = this.text;
    let chars = '';
    let i = open + 1;
    for (; i < t.length; i++) {
      const c = t[i]!;
      if (c === '\\' && i + 1 < t.length) {
        const next = t[i + 1]!;
        chars += next === quote ? next : `\\${next}`;
        i++;
      } else if (c === quote) {
        break;
      } else {
        chars += c;
      }
    }
    if (i >= t.length) {
      this.problem(open, this.lineEnd(open), `the value of ${name} opens a ${quote === '"' ? 'double' : 'single'} quote that is never closed`, `Close it with ${quote}.`);
      this.pos = t.length;
      return true;
    }
    const raw = t.slice(open + 1, i);
    const value = quote === '"' ? this.substituted(expandEscapes(chars), open + 1, raw) : chars;
    this.add(name, value, keyStart, i + 1);
    this.pos = i + 1;
    return true;
  }

  /** Substitute variables in `template`, whose source text `raw` starts at offset `rawStart`. */
  private substituted(template: string, rawStart: number, raw: string): string {
    if (!template.includes('$')) return template;
    const result = substitute(template, (n) => this.lookup(n));
    for (const p of result.problems) {
      const at = rawOffsetOf(raw, template, p.offset, p.length);
      const start = rawStart + (at ?? 0);
      const span = spanOf(this.file, this.lines, start, start + (at === undefined ? raw.length : p.length));
      this.options.report(interpolationDiagnostic(p, span));
    }
    return result.value;
  }

  private lookup(name: string): string | undefined {
    return this.options.lookup(name) ?? this.own.get(name);
  }

  private add(name: string, value: string, start: number, end: number): void {
    this.own.set(name, value);
    const span = spanOf(this.file, this.lines, start, end);
    const at = this.entries.findIndex((e) => e.name === name);
    if (at !== -1) this.entries.splice(at, 1);
    this.entries.push({ name, value, span });
  }

  private problem(start: number, end: number, message: string, hint: string): void {
    const d: Diagnostic = { code: DOTENV_SYNTAX, severity: 'error', message, hint, ...spanOf(this.file, this.lines, start, Math.max(end, start + 1)) };
    this.options.report(d);
  }
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', $: '$$' };

/** Backslash escapes of a double-quoted value; `\$` stays a literal `$` through substitution. Others are kept. */
function expandEscapes(text: string): string {
  return text.replace(/\\(0[0-7]{0,3}|[abfnrtv\\"$])/g, (match, c: string) => {
    if (c.startsWith('0')) return c.length === 1 ? '\0' : String.fromCharCode(parseInt(c.slice(1), 8));
    return ESCAPES[c] ?? match;
  });
}
