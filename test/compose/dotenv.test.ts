import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseDotenv } from '../../src/compose/dotenv.js';
import { LineIndex } from '../../src/source/index.js';

const outside: Record<string, string> = { FROM_OUTSIDE: 'outer', SHARED: 'outer-wins' };

function parse(text: string, format?: 'raw') {
  const diagnostics: Diagnostic[] = [];
  const entries = parseDotenv('x.env', new LineIndex(text), {
    lookup: (n) => (Object.prototype.hasOwnProperty.call(outside, n) ? outside[n] : undefined),
    report: (d) => diagnostics.push(d),
    ...(format ? { format } : {}),
  });
  return { vars: Object.fromEntries(entries.map((e) => [e.name, e.value])), entries, diagnostics };
}

interface Row {
  name: string;
  text: string;
  vars: Record<string, string>;
  format?: 'raw';
}

/** One row per piece of the syntax docker compose accepts. */
const rows: Row[] = [
  { name: 'KEY=value', text: 'A=1\nB=two words\n', vars: { A: '1', B: 'two words' } },
  { name: 'no trailing newline', text: 'A=1', vars: { A: '1' } },
  { name: 'CRLF line ends', text: 'A=1\r\nB=2\r\n', vars: { A: '1', B: '2' } },
  { name: 'comments and blank lines', text: '# comment\n\n   # indented comment\nA=1\n\n', vars: { A: '1' } },
  { name: 'export prefix', text: 'export A=1\nexport  B=2\n', vars: { A: '1', B: '2' } },
  { name: 'a name starting with export', text: 'exported=1\n', vars: { exported: '1' } },
  { name: 'YAML-style KEY: value', text: 'A: 1\n', vars: { A: '1' } },
  { name: 'spaces around =', text: 'A = spaced  \n', vars: { A: 'spaced' } },
  { name: 'leading indentation', text: '   A=1\n', vars: { A: '1' } },
  { name: 'empty value', text: 'A=\nB=""\n', vars: { A: '', B: '' } },
  { name: 'inline comment after a space', text: 'A=value # comment\nB=va#lue\n', vars: { A: 'value', B: 'va#lue' } },
  { name: 'single quotes are literal', text: "A='a ${FROM_OUTSIDE} \\n b'\n", vars: { A: 'a ${FROM_OUTSIDE} \\n b' } },
  { name: 'escaped single quote', text: "A='it\\'s'\n", vars: { A: "it's" } },
  { name: 'double quotes take escapes', text: 'A="a\\tb\\nc\\\\d\\"e"\n', vars: { A: 'a\tb\nc\\d"e' } },
  { name: 'double quotes keep a # ', text: 'A="x # not a comment"\n', vars: { A: 'x # not a comment' } },
  { name: 'comment after a quoted value', text: 'A="x" # comment\nB=2\n', vars: { A: 'x', B: '2' } },
  { name: 'multi-line double-quoted value', text: 'A="line one\nline two"\nB=2\n', vars: { A: 'line one\nline two', B: '2' } },
  { name: 'multi-line single-quoted value', text: "A='one\ntwo'\n", vars: { A: 'one\ntwo' } },
  { name: 'substitution in an unquoted value', text: 'A=${FROM_OUTSIDE}-x\n', vars: { A: 'outer-x' } },
  { name: 'substitution in a double-quoted value', text: 'A="${FROM_OUTSIDE} x"\n', vars: { A: 'outer x' } },
  { name: 'a value refers to an earlier entry', text: 'A=1\nB=${A}2\n', vars: { A: '1', B: '12' } },
  { name: 'outside variables win over earlier entries', text: 'SHARED=file\nB=${SHARED}\n', vars: { SHARED: 'file', B: 'outer-wins' } },
  { name: 'defaults in substitution', text: 'A=${MISSING:-dflt}\n', vars: { A: 'dflt' } },
  { name: '\\$ and $$ are literal dollars', text: 'A="\\$X"\nB=$$Y\n', vars: { A: '$X', B: '$Y' } },
  { name: 'a bare name takes the outside value', text: 'FROM_OUTSIDE\n', vars: { FROM_OUTSIDE: 'outer' } },
  { name: 'a bare name that is not set is skipped', text: 'NOT_SET\nA=1\n', vars: { A: '1' } },
  { name: 'a later entry wins', text: 'A=1\nA=2\n', vars: { A: '2' } },
  { name: 'names with dots and dashes', text: 'a.b-c=1\n', vars: { 'a.b-c': '1' } },
  { name: 'raw format takes values literally', text: 'A="${X}" # c\n', vars: { A: '"${X}" # c' }, format: 'raw' },
];

describe('parseDotenv: the dotenv syntax', () => {
  test('table has no duplicate names', () => {
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  test.each(rows)('$name', (row) => {
    const r = parse(row.text, row.format);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.vars).toEqual(row.vars);
  });
});

describe('parseDotenv: positions and problems', () => {
  test('each entry spans its key to the end of its value', () => {
    const { entries } = parse('# c\n  A=one\nB="x\ny"\n');
    expect(entries.map((e) => [e.name, e.span.line, e.span.column, e.span.endLine, e.span.endColumn])).toEqual([
      ['A', 2, 3, 2, 8],
      ['B', 3, 1, 4, 3],
    ]);
  });

  test('a space inside a name is an error at the offending character', () => {
    const { diagnostics, vars } = parse('MY KEY=1\nB=2\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['compose/dotenv-syntax', 1, 4]]);
    expect(vars).toEqual({ B: '2' });
  });

  test('an invalid character in a name is an error', () => {
    const { diagnostics } = parse('A=1\nB$=2\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['compose/dotenv-syntax', 2, 2]]);
  });

  test('an unclosed quote is an error at the quote', () => {
    const { diagnostics } = parse('A=1\nB="never closed\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['compose/dotenv-syntax', 2, 3]]);
  });

  test('a missing required variable is an error at the ${…} in the file', () => {
    const { diagnostics } = parse('A=1\nB=x ${NOPE:?needed}\n');
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.endColumn])).toEqual([['compose/missing-variable', 'error', 2, 5, 20]]);
  });

  test('an unset variable is a warning at its position inside double quotes', () => {
    const { diagnostics } = parse('A="a ${NOPE}"\n');
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['compose/unset-variable', 'warning', 1, 6]]);
  });
});
