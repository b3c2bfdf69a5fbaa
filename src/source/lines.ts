/**
 * Offset → 1-based line and column for one text. Columns count UTF-16 code units (as SARIF's default
 * `utf16CodeUnits` and editors do). Line starts are computed once, lookups are binary searches.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    const end = next > start && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    return this.text.slice(start, Math.max(start, end));
  }

  position(offset: number): { line: number; column: number } {
    const o = this.clamp(offset);
    const line = this.lineAt(o, 0);
    return { line: line + 1, column: o - this.starts[line]! + 1 };
  }

  /**
   * The span of [start, end) in `file` (end clamped to at least start): one binary search for the start, and the
   * end found from there (it is nearly always on the same line or a few after).
   */
  span(file: string, start: number, end: number): { file: string; line: number; column: number; endLine: number; endColumn: number } {
    const a = this.clamp(start);
    const b = this.clamp(Math.max(start, end));
    const line = this.lineAt(a, 0);
    let endLine = line;
    const last = this.starts.length - 1;
    for (let steps = 0; endLine < last && this.starts[endLine + 1]! <= b; steps++) {
      if (steps === 8) {
        endLine = this.lineAt(b, endLine);
        break;
      }
      endLine++;
    }
    return { file, line: line + 1, column: a - this.starts[line]! + 1, endLine: endLine + 1, endColumn: b - this.starts[endLine]! + 1 };
  }

  private clamp(offset: number): number {
    return Math.min(Math.max(offset, 0), this.text.length);
  }

  /** The 0-based line of offset `o`, searching from line `from` on. */
  private lineAt(o: number, from: number): number {
    let lo = from;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
