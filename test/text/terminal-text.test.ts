import { describe, expect, test } from 'vitest';
import { displayWidth, terminalSafeLine, terminalSafeLines } from '../../src/text/terminal-text.js';

describe('terminalSafeLine', () => {
  const table: [string, string, string][] = [
    ['plain text is unchanged', "Service 'web' — ok ✓", "Service 'web' — ok ✓"],
    ['escape sequences', '\u001b[31mred', '\\x1B[31mred'],
    ['carriage return (could overwrite the line)', 'a\rb', 'a\\x0Db'],
    ['NUL, DEL and C1 controls', '\u0000\u007f\u0085', '\\x00\\x7F\\x85'],
    ['bidi overrides and isolates', '\u202Eabc\u2066', '\\u202Eabc\\u2066'],
    ['a tab becomes a space', 'a\tb', 'a b'],
    ['a line feed is escaped', 'a\nb', 'a\\x0Ab'],
    ['lone surrogates', 'a\uD800b\uDFFF', 'a\uFFFDb\uFFFD'],
    ['surrogate pairs stay', '😀', '😀'],
  ];
  test.each(table)('%s', (_name, input, expected) => {
    expect(terminalSafeLine(input)).toBe(expected);
  });
});

describe('terminalSafeLines', () => {
  test('splits at LF and CRLF and drops trailing line breaks', () => {
    expect(terminalSafeLines('a\r\nb\nc\n\n')).toEqual(['a', 'b', 'c']);
    expect(terminalSafeLines('')).toEqual(['']);
  });
});

describe('displayWidth', () => {
  const table: [string, number][] = [
    ['abc', 3],
    ['日本', 4],
    ['한국', 4],
    ['ｆｕｌｌ', 8],
    ['😀', 2],
    ['e\u0301', 1],
    ['\uFEFFx', 1],
  ];
  test.each(table)('%j', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
