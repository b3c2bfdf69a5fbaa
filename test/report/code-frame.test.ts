import { describe, expect, test } from 'vitest';
import type { Position } from '../../src/diagnostics.js';
import { LineIndex } from '../../src/source/lines.js';
import { codeFrame, defaultCodeFrameOptions } from '../../src/report/code-frame.js';
import type { SourceRegion } from '../../src/report/formatter.js';
import { palette } from '../../src/report/palette.js';

const plain = palette(false);
const frame = (text: string, at: Omit<Position, 'file'>, secrets: SourceRegion[] = [], options = defaultCodeFrameOptions) =>
  codeFrame(new LineIndex(text), { file: 'f.yaml', ...at }, 'error', plain, secrets, options);

const doc = ['a: 1', 'b: 2', 'c: three', 'd: 4', 'e: 5', 'f: 6', ''].join('\n');

describe('codeFrame', () => {
  test('two lines of context, a marker and an underline from column to endColumn', () => {
    expect(frame(doc, { line: 3, column: 4, endLine: 3, endColumn: 9 })).toEqual([
      '  1 | a: 1',
      '  2 | b: 2',
      '> 3 | c: three',
      '    |    ^^^^^',
      '  4 | d: 4',
      '  5 | e: 5',
    ]);
  });

  test('a point (no end, or an end before the start) gets one caret', () => {
    for (const at of [{ line: 1, column: 4 }, { line: 1, column: 4, endLine: 1, endColumn: 2 }]) {
      expect(frame(doc, at)!.slice(0, 2)).toEqual(['> 1 | a: 1', '    |    ^']);
    }
  });

  test('a caret just past the end of a line', () => {
    expect(frame('key:\n', { line: 1, column: 5 })).toEqual(['> 1 | key:', '    |     ^']);
  });

  test('the final line break adds no empty context line; widths follow the largest line number', () => {
    const text = Array.from({ length: 10 }, (_, i) => `k${i + 1}: v`).join('\n') + '\n';
    expect(frame(text, { line: 9, column: 1 })).toEqual(['   7 | k7: v', '   8 | k8: v', '>  9 | k9: v', '     | ^', '  10 | k10: v']);
  });

  test('a span over several lines marks each of them', () => {
    expect(frame('a: |\n  one\n  two\nb: 1\n', { line: 1, column: 4, endLine: 3, endColumn: 6 })).toEqual([
      '> 1 | a: |',
      '    |    ^',
      '> 2 |   one',
      '    |   ^^^',
      '> 3 |   two',
      '    |   ^^^',
      '  4 | b: 1',
    ]);
  });

  test('a long span is cut after maxMarkedLines', () => {
    const text = Array.from({ length: 20 }, (_, i) => `line${i + 1}`).join('\n');
    const out = frame(text, { line: 2, column: 1, endLine: 18, endColumn: 3 }, [], { ...defaultCodeFrameOptions, maxMarkedLines: 2 })!;
    expect(out.filter((l) => l.startsWith('>'))).toEqual(['> 2 | line2', '> 3 | line3']);
    expect(out.at(-1)).toBe('  5 | line5');
  });

  test('tabs expand to tab stops and the caret follows them', () => {
    expect(frame('a:\n\tb: x\n', { line: 2, column: 5, endLine: 2, endColumn: 6 })).toEqual(['  1 | a:', '> 2 |     b: x', '    |        ^']);
    expect(frame('\tx\n', { line: 1, column: 1, endLine: 1, endColumn: 2 })).toEqual(['> 1 |     x', '    | ^^^^']);
  });

  test('wide characters take two columns; astral characters are one column unit pair', () => {
    expect(frame('k: 日本 v\n', { line: 1, column: 7, endLine: 1, endColumn: 8 })).toEqual(['> 1 | k: 日本 v', '    |         ^']);
    expect(frame('k: 😀x\n', { line: 1, column: 6, endLine: 1, endColumn: 7 })).toEqual(['> 1 | k: 😀x', '    |      ^']);
  });

  test('control and bidi characters are shown as escapes, which the caret covers', () => {
    expect(frame('a: \u001b[2Jb\u202Ec\n', { line: 1, column: 9, endLine: 1, endColumn: 10 })).toEqual([
      '> 1 | a: \\x1B[2Jb\\u202Ec',
      `    | ${' '.repeat(11)}^^^^^^`,
    ]);
  });

  test('CRLF line ends do not show', () => {
    expect(frame('a: 1\r\nb: 2\r\n', { line: 2, column: 1 })).toEqual(['  1 | a: 1', '> 2 | b: 2', '    | ^']);
  });

  test('secret regions show as *** and the caret moves with them', () => {
    const text = 'password: hunter2hunter2\ntoken: |\n  line-one\n  line-two\nnext: 1\n';
    const secrets: SourceRegion[] = [
      { line: 1, column: 11, endLine: 1, endColumn: 25 },
      { line: 3, column: 3, endLine: 4, endColumn: 11 },
    ];
    const out = frame(text, { line: 5, column: 1, endLine: 5, endColumn: 5 }, secrets)!;
    expect(out.join('\n')).not.toMatch(/hunter|line-one|line-two/);
    expect(out).toEqual(['  3 |   ***', '  4 | ***', '> 5 | next: 1', '    | ^^^^']);
    expect(frame(text, { line: 1, column: 11, endLine: 1, endColumn: 25 }, secrets)!.slice(0, 2)).toEqual([
      '> 1 | password: ***',
      '    |           ^^^',
    ]);
  });

  test('long lines are cut to a window around the finding, marked with …', () => {
    const long = `${'x'.repeat(200)}TARGET${'y'.repeat(200)}`;
    const out = frame(`short\n${long}\n`, { line: 2, column: 201, endLine: 2, endColumn: 207 }, [], { ...defaultCodeFrameOptions, maxWidth: 40 })!;
    expect(out).toEqual([
      '  1 | …',
      `> 2 | …${'x'.repeat(13)}TARGET${'y'.repeat(21)}…`,
      `    | ${' '.repeat(14)}^^^^^^`,
    ]);
  });

  test('no frame for a line outside the text', () => {
    expect(frame(doc, { line: 40, column: 1 })).toBeUndefined();
    expect(frame(doc, { line: 0, column: 1 })).toBeUndefined();
  });
});
