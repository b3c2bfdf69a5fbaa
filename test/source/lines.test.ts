import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../src/source/lines.js';

/** The reference: line and column by counting line breaks before the offset. */
function counted(text: string, offset: number): { line: number; column: number } {
  const o = Math.min(Math.max(offset, 0), text.length);
  const before = text.slice(0, o);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: o - lineStart + 1 };
}

describe('LineIndex', () => {
  test.each<[string, string, number, { line: number; column: number }]>([
    ['start of the text', 'ab\ncd', 0, { line: 1, column: 1 }],
    ['on a line break', 'ab\ncd', 2, { line: 1, column: 3 }],
    ['start of the next line', 'ab\ncd', 3, { line: 2, column: 1 }],
    ['end of the text', 'ab\ncd', 5, { line: 2, column: 3 }],
    ['beyond the end (clamped)', 'ab\ncd', 99, { line: 2, column: 3 }],
    ['before the start (clamped)', 'ab\ncd', -4, { line: 1, column: 1 }],
    ['CRLF: the \\r is in the line', 'a\r\nb', 1, { line: 1, column: 2 }],
    ['empty lines', '\n\n\nx', 3, { line: 4, column: 1 }],
  ])('position: %s', (_name, text, offset, expected) => expect(new LineIndex(text).position(offset)).toEqual(expected));

  test('span agrees with position at both ends, for any text and offsets (ends before starts are clamped)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a\n\r]{0,80}$/), fc.integer({ min: -3, max: 90 }), fc.integer({ min: -3, max: 90 }), (text, start, end) => {
        const lines = new LineIndex(text);
        const a = counted(text, start);
        const b = counted(text, Math.max(start, end));
        expect(lines.position(start)).toEqual(a);
        expect(lines.span('f.yaml', start, end)).toEqual({ file: 'f.yaml', line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
      }),
      { numRuns: 2000 },
    );
  });

  test('span over many lines (the end is searched, not walked)', () => {
    const text = 'x\n'.repeat(1000);
    expect(new LineIndex(text).span('f', 2, 1500)).toEqual({ file: 'f', line: 2, column: 1, endLine: 751, endColumn: 1 });
  });
});
