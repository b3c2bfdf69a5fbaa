import jsYaml from 'js-yaml';
import type { Diagnostic, FieldPath, Position } from '../diagnostics.js';
import type { SourceFile } from './file.js';
import { LineIndex } from './lines.js';
import { duplicateKeyMessage, locateIn, parseLocatedStream, toPlain, type Located } from './located.js';
import { DEFAULT_MAX_DEPTH } from './nesting.js';
import { spanOf, type Span } from './span.js';
import { buildPositionTree, coreWithMerge, type PositionTree } from './fast-locate.js';
import { YAML_SYNTAX } from './yaml-errors.js';

/**
 * One document of a YAML (or JSON) stream, parsed for reading: its plain value, and positions resolved
 * on demand. Linting reads every document but reports on few fields, so exact positions are computed
 * only for the fields a diagnostic names (see docs/performance.md).
 */
export interface ParsedDocument {
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** Where the document starts. */
  start: Position;
  /** The span of a field: its value, or its key with `key: true`; the nearest existing ancestor if missing. */
  locate(path: FieldPath, options?: { key?: boolean }): Span;
}

export interface DocumentStream {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
  lines: LineIndex;
}

interface Chunk {
  start: number;
  end: number;
}


/** Parse every document of a stream; documents that fail are reported and left out. Never throws. */
export function parseDocuments(file: SourceFile): DocumentStream {
  const lines = new LineIndex(file.text);
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let index = -1;
  for (const chunk of splitDocuments(file.text)) {
    index++;
    const text = file.text.slice(chunk.start, chunk.end);
    const fast = fastLoad(text);
    if (fast.ok) {
      if (fast.value === null || fast.value === undefined) continue;
      documents.push(new LazyDocument(file.path, index, fast.value, text, chunk.start, lines));
      continue;
    }
    // The fast parser refused (or the text uses anchors): the full parser says exactly why, where.
    const slow = parseLocatedStream({ path: file.path, text });
    for (const d of slow.diagnostics) diagnostics.push(shift(d, chunk.start, lines));
    const root = slow.documents.find((d): d is Located => d !== null);
    if (!root || slow.diagnostics.some((d) => d.severity === 'error')) continue;
    documents.push(new LocatedDocument(file.path, index, root, chunk.start, lines, text));
  }
  if (/\.json$/i.test(file.path) && !diagnostics.some((d) => d.severity === 'error')) {
    const notJson = jsonProblem(file, lines);
    if (notJson) diagnostics.push(notJson);
  }
  return { documents, diagnostics, lines };
}

/**
 * A `.json` file is read as YAML (JSON is YAML), which also accepts what JSON does not — a trailing comma,
 * comments, unquoted keys — and what kubectl, reading the file as JSON, then refuses: an error where the JSON
 * parser stops. The objects are still linted.
 */
function jsonProblem(file: SourceFile, lines: LineIndex): Diagnostic | undefined {
  try {
    JSON.parse(file.text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : file.text.trimEnd().length;
    const { line, column } = lines.position(offset);
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    return {
      code: YAML_SYNTAX,
      severity: 'error',
      message: `not valid JSON (${reason}): kubectl reads a .json file as JSON and refuses it`,
      file: file.path,
      line,
      column,
      hint: 'Fix the JSON (a trailing comma, a comment, an unquoted key), or rename the file to .yaml.',
    };
  }
}

type FastResult = { ok: true; value: unknown } | { ok: false };

function fastLoad(text: string): FastResult {
  // Aliases can expand exponentially in a plain value; let the bounded full parser handle them.
  // (includes() first: most documents hold neither character, and the regexes cost a scan each.)
  if (text.includes('&') && text.includes('*') && /(^|[\s[{,])&[^\s]/.test(text) && /(^|[\s[{,:])\*[^\s]/.test(text)) {
    return { ok: false };
  }
  try {
    // Deep nesting could exhaust js-yaml's recursion (or V8 itself): js-yaml parses with a listener that gives
    // up as soon as the depth passes the limit; then the full parser measures and reports it. (Cheaper than a
    // scan of every character first, and exact: thousands of shallow `{port: …}` entries are not deep.)
    return { ok: true, value: jsYaml.load(text, { schema: coreWithMerge, listener: depthGuard(DEFAULT_MAX_DEPTH) }) };
  } catch {
    return { ok: false };
  }
}

/** A js-yaml listener that throws when nodes nest deeper than `max` (before the recursion goes further). */
function depthGuard(max: number): (event: 'open' | 'close') => void {
  let depth = 0;
  return (event) => {
    if (event === 'close') depth--;
    else if (++depth > max) throw new RangeError(`nested deeper than ${max}`);
  };
}

/**
 * Split a stream at document markers. A line starting with `---` or `...` (followed by a space or the
 * end of the line) can never be content (YAML 1.2, c-forbidden), so this needs no parse. Directives
 * and comments before a marker stay with the document that follows them.
 */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let hasContent = false;
  let sawMarker = false;
  let pos = 0;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    const c = text.charCodeAt(pos);
    if ((c === 45 || c === 46) && isMarker(text, pos, eol)) {
      if (c === 45) {
        // `---` starts a document: what came before is one if it held content; an empty one is dropped.
        if (hasContent) chunks.push({ start, end: pos });
        if (hasContent || sawMarker) start = pos;
        sawMarker = true;
        hasContent = isContentLine(text, pos + 3, eol);
      } else {
        // `...` ends a document.
        if (hasContent) chunks.push({ start, end: eol });
        start = Math.min(eol + 1, text.length);
        hasContent = false;
        sawMarker = false;
      }
    } else if (!hasContent && isContentLine(text, pos, eol)) {
      hasContent = true;
    }
    pos = eol + 1;
  }
  if (hasContent) chunks.push({ start, end: text.length });
  return chunks;
}

function isMarker(text: string, pos: number, eol: number): boolean {
  const c = text.charCodeAt(pos);
  if (text.charCodeAt(pos + 1) !== c || text.charCodeAt(pos + 2) !== c) return false;
  const after = text.charCodeAt(pos + 3);
  return pos + 3 >= eol || after === 32 || after === 9 || after === 13 || after === 10;
}

/** A line that is not blank, not a comment and not a directive. */
function isContentLine(text: string, pos: number, eol: number): boolean {
  for (let i = pos; i < eol; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    if (c === 35) return false; // '#'
    if (c === 37 && i === pos) return false; // '%' directive at the start of a line
    return true;
  }
  return false;
}

function shift(d: Diagnostic, base: number, lines: LineIndex): Diagnostic {
  if (base === 0) return d;
  const startLine = lines.position(base).line - 1;
  const moved: Diagnostic = { ...d, line: d.line + startLine };
  if (d.endLine !== undefined) moved.endLine = d.endLine + startLine;
  if (d.related) moved.related = d.related.map((r) => ({ ...r, line: r.line + startLine, endLine: r.endLine === undefined ? undefined : r.endLine + startLine }));
  const first = moved.related?.[0];
  const key = d.messageId === 'duplicateKey' ? /^duplicate key '(.*)' \(first at/.exec(d.message)?.[1] : undefined;
  if (first && key !== undefined) moved.message = duplicateKeyMessage(key, first);
  return moved;
}

/** Column shifts are not needed: chunks always start at the beginning of a line. */
function shiftSpan(span: Span, base: number, lines: LineIndex): Span {
  const startLine = lines.position(base).line - 1;
  return { ...span, line: span.line + startLine, endLine: span.endLine + startLine };
}

class LocatedDocument implements ParsedDocument {
  readonly value: unknown;
  readonly start: Position;

  constructor(
    readonly file: string,
    readonly index: number,
    private readonly root: Located,
    private readonly base: number,
    private readonly lines: LineIndex,
    text: string,
  ) {
    this.value = toPlain(root);
    this.start = startOf(file, lines, base, text);
  }

  locate(path: FieldPath, options?: { key?: boolean }): Span {
    return shiftSpan(locateIn(this.root, path, options), this.base, this.lines);
  }
}

class LazyDocument implements ParsedDocument {
  readonly start: Position;
  private tree: PositionTree | null | undefined;

  constructor(
    readonly file: string,
    readonly index: number,
    readonly value: unknown,
    private readonly text: string,
    private readonly base: number,
    private readonly lines: LineIndex,
  ) {
    this.start = startOf(file, lines, base, text);
  }

  locate(path: FieldPath, options?: { key?: boolean }): Span {
    if (this.tree === undefined) this.tree = buildPositionTree(this.text) ?? null;
    if (!this.tree) {
      const { line, column } = this.start;
      return { file: this.file, line, column, endLine: line, endColumn: column };
    }
    const { start, end } = this.tree.locate(path, options);
    return spanOf(this.file, this.lines, this.base + start, this.base + end);
  }
}

/** The first content line of a document (skipping comments, directives and the `---` marker). */
function startOf(file: string, lines: LineIndex, base: number, text: string): Position {
  const m = /^(?:(?:[ \t]*(?:#.*)?|%.*|---[ \t]*)\r?\n)*/.exec(text);
  const offset = base + (m ? m[0].length : 0);
  const { line, column } = lines.position(offset);
  return { file, line, column };
}

