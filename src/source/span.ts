import type { Position } from '../diagnostics.js';
import type { LineIndex } from './lines.js';

/** A fully known range in a file: 1-based, end exclusive. */
export interface Span extends Position {
  endLine: number;
  endColumn: number;
}

/** Turn [start, end) offsets of `lines.text` into a Span. */
export function spanOf(file: string, lines: LineIndex, start: number, end: number): Span {
  return lines.span(file, start, end);
}
