import type { Position } from '../diagnostics.js';
import type { LineIndex } from './lines.js';

/** A fully known range in a file: 1-based, end exclusive. */
export interface Span extends Position {
  endLine: number;
  endColumn: number;
}

/** Turn [start, end) offsets of `lines.text` into a Span. */
export function spanOf(file: string, lines: LineIndex, start: number, end: number): Span {
  const a = lines.position(start);
  const b = lines.position(Math.max(start, end));
  return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
