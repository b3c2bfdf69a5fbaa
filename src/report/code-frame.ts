/**
 * A code frame: the lines around a finding, with a `>` on the lines it covers and a caret underline at
 * column..endColumn.
 *
 *     10 |   selector:
 *   > 11 |     app: web-fronted
 *        |          ^^^^^^^^^^^
 *     12 |   ports:
 *
 * Source text is user input, so it goes through the same rules as messages: tabs expand to tab stops,
 * control and bidi characters show as visible escapes, secret regions show as `***`, and lines wider
 * than `maxWidth` are cut to a window around the finding, marked with `…`. Columns are UTF-16 code
 * units, as everywhere in shipshape; the underline is placed by terminal columns.
 */
import type { Position, Severity } from '../diagnostics.js';
import type { LineIndex } from '../source/lines.js';
import type { SourceRegion } from './formatter.js';
import type { Palette } from './palette.js';
import { codePointWidth, isUnsafeChar, visibleEscape } from '../text/terminal-text.js';

export interface CodeFrameOptions {
  /** Lines shown before and after the marked lines. */
  context: number;
  /** At most this many lines are marked; a longer span is cut. */
  maxMarkedLines: number;
  /** Terminal columns of source shown per line. */
  maxWidth: number;
  tabWidth: number;
}

export const defaultCodeFrameOptions: CodeFrameOptions = { context: 2, maxMarkedLines: 5, maxWidth: 100, tabWidth: 4 };

export const SECRET_MASK = '***';

/** One source line as terminal cells: one cell per UTF-16 code unit (trailing surrogates take 0 columns). */
interface Cells {
  pieces: string[];
  /** Terminal column where each code unit starts; one more entry for the end of the line. */
  offsets: number[];
}

function toCells(text: string, masked: (unit: number) => boolean, tabWidth: number): Cells {
  const pieces: string[] = [];
  const offsets: number[] = [];
  let column = 0;
  const push = (piece: string, width: number) => {
    pieces.push(piece);
    offsets.push(column);
    column += width;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (masked(i)) {
      if (i > 0 && masked(i - 1)) push('', 0);
      else push(SECRET_MASK, SECRET_MASK.length);
    } else if (code === 9) {
      const width = tabWidth - (column % tabWidth);
      push(' '.repeat(width), width);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && /[\uDC00-\uDFFF]/.test(text[i + 1]!)) {
      const pair = text.slice(i, i + 2);
      push(pair, codePointWidth(pair.codePointAt(0)!));
      i++;
      push('', 0);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      push('\uFFFD', 1);
    } else if (isUnsafeChar(text[i]!)) {
      const escape = visibleEscape(text[i]!);
      push(escape, escape.length);
    } else {
      push(text[i]!, codePointWidth(code));
    }
  }
  offsets.push(column);
  return { pieces, offsets };
}

/** Code-unit ranges [start, end) of `line` covered by secret regions. */
function maskedUnits(line: number, secrets: readonly SourceRegion[]): (unit: number) => boolean {
  const ranges: [number, number][] = [];
  for (const r of secrets) {
    if (line < r.line || line > r.endLine) continue;
    const start = r.line === line ? r.column - 1 : 0;
    const end = r.endLine === line ? r.endColumn - 1 : Number.POSITIVE_INFINITY;
    if (end > start) ranges.push([start, end]);
  }
  return (unit) => ranges.some(([start, end]) => unit >= start && unit < end);
}

/** The marked span, normalized: a point when the end is missing or before the start. */
function markedSpan(at: Position): { line: number; column: number; endLine: number; endColumn: number | undefined } {
  const line = at.line;
  const column = Math.max(1, at.column);
  const endLine = at.endLine ?? (at.endColumn !== undefined ? line : undefined);
  if (endLine === undefined || endLine < line) return { line, column, endLine: line, endColumn: undefined };
  const endColumn = at.endColumn;
  if (endLine === line && (endColumn === undefined || endColumn <= column)) {
    return { line, column, endLine: line, endColumn: undefined };
  }
  return { line, column, endLine, endColumn };
}

/**
 * Render the frame for `at` (its lines, without indentation), or undefined when the position is not
 * inside `lines`.
 */
export function codeFrame(
  lines: LineIndex,
  at: Position,
  severity: Severity,
  paint: Palette,
  secrets: readonly SourceRegion[] = [],
  options: CodeFrameOptions = defaultCodeFrameOptions,
): string[] | undefined {
  if (!Number.isInteger(at.line) || at.line < 1 || at.line > lines.lineCount) return undefined;
  const span = markedSpan(at);
  const lastMarked = Math.min(span.endLine, span.line + options.maxMarkedLines - 1, lines.lineCount);
  // A final line break does not start a line worth showing as context.
  const lastLine = lines.text.endsWith('\n') && lines.lineCount > 1 ? lines.lineCount - 1 : lines.lineCount;
  const first = Math.max(1, span.line - options.context);
  const last = Math.max(lastMarked, Math.min(lastLine, lastMarked + options.context));

  const rendered = new Map<number, { text: string; cells: Cells }>();
  for (let n = first; n <= last; n++) {
    const text = lines.lineText(n);
    rendered.set(n, { text, cells: toCells(text, maskedUnits(n, secrets), options.tabWidth) });
  }

  // Underlines in terminal columns [from, to) per marked line.
  const underlines = new Map<number, [number, number]>();
  for (let n = span.line; n <= lastMarked; n++) {
    const { text, cells } = rendered.get(n)!;
    const length = text.length;
    const startUnit = n === span.line ? span.column - 1 : text.search(/\S|$/);
    const endUnit =
      span.endColumn === undefined && span.endLine === span.line
        ? startUnit
        : n === span.endLine && span.endColumn !== undefined
          ? span.endColumn - 1
          : length;
    const from = cells.offsets[Math.min(Math.max(startUnit, 0), length)]!;
    let to = cells.offsets[Math.min(Math.max(endUnit, 0), length)]!;
    if (to <= from) {
      if (n !== span.line) continue;
      to = from + 1;
    }
    underlines.set(n, [from, to]);
  }

  // One window for every line of the frame, so that they stay aligned.
  const widest = Math.max(...[...rendered.values()].map((r) => r.cells.offsets.at(-1)!));
  const caretAt = underlines.get(span.line)?.[0] ?? 0;
  const windowStart = widest <= options.maxWidth ? 0 : Math.max(0, Math.min(caretAt - Math.floor(options.maxWidth / 3), widest - options.maxWidth));
  const windowEnd = windowStart + options.maxWidth;
  const prefixWidth = windowStart > 0 ? 1 : 0;

  const gutterWidth = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const { cells } = rendered.get(n)!;
    const code = clip(cells, windowStart, windowEnd);
    const marked = n >= span.line && n <= lastMarked;
    const mark = marked ? paint.marker(severity, '>') : ' ';
    const gutter = paint.dim(`${String(n).padStart(gutterWidth)} |`);
    out.push(`${mark} ${gutter}${code === '' ? '' : ` ${code}`}`);
    const underline = underlines.get(n);
    if (underline) {
      const from = Math.max(underline[0], windowStart);
      const to = Math.max(from + 1, Math.min(underline[1], windowEnd));
      const pad = ' '.repeat(from - windowStart + prefixWidth);
      out.push(`  ${paint.dim(`${' '.repeat(gutterWidth)} |`)} ${pad}${paint.marker(severity, '^'.repeat(to - from))}`);
    }
  }
  return out;
}

/** The cells of a line that fit in terminal columns [start, end), with `…` where text was cut. */
function clip(cells: Cells, start: number, end: number): string {
  const total = cells.offsets.at(-1)!;
  if (start === 0 && total <= end) return cells.pieces.join('');
  let out = '';
  let column = start;
  let cutBefore = false;
  for (let i = 0; i < cells.pieces.length; i++) {
    const offset = cells.offsets[i]!;
    const width = cells.offsets[i + 1]! - offset;
    if (offset < start) {
      if (width > 0) cutBefore = true;
      continue;
    }
    if (offset + width > end) break;
    if (offset > column) out += ' '.repeat(offset - column);
    out += cells.pieces[i];
    column = offset + width;
  }
  const prefix = start > 0 ? (cutBefore ? '…' : ' ') : '';
  const suffix = total > end ? '…' : '';
  const line = prefix + out + suffix;
  return line.trim() === '' ? '' : line;
}
