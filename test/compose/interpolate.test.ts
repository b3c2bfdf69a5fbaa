import { describe, expect, test } from 'vitest';
import { rawOffsetOf, substitute, type TemplateProblem } from '../../src/compose/interpolate.js';

const vars: Record<string, string> = { NAME: 'web', EMPTY: '', PORT: '8080', HOST: 'db', NESTED: 'nested' };
const lookup = (n: string) => (Object.prototype.hasOwnProperty.call(vars, n) ? vars[n] : undefined);

interface Row {
  name: string;
  template: string;
  value: string;
  problems?: Partial<TemplateProblem>[];
}

/** One row per syntax form; `problems` lists the kind (and offset/length when it matters). */
const rows: Row[] = [
  { name: 'no variable', template: 'plain text', value: 'plain text' },
  { name: '$VAR', template: 'image-$NAME', value: 'image-web' },
  { name: '$VAR ends at a non-name character', template: '$NAME.example:$PORT/x', value: 'web.example:8080/x' },
  { name: '${VAR}', template: '${NAME}_suffix', value: 'web_suffix' },
  { name: '$$ escapes a dollar', template: 'cost $$5 and $${NAME}', value: 'cost $5 and ${NAME}' },
  { name: '$$$VAR: an escaped dollar then a variable', template: '$$$NAME', value: '$web' },
  { name: '${VAR:-default} with VAR set', template: '${NAME:-x}', value: 'web' },
  { name: '${VAR:-default} with VAR empty', template: '${EMPTY:-x}', value: 'x' },
  { name: '${VAR:-default} with VAR unset', template: '${UNSET:-x}', value: 'x' },
  { name: '${VAR-default} with VAR empty keeps empty', template: '[${EMPTY-x}]', value: '[]' },
  { name: '${VAR-default} with VAR unset', template: '${UNSET-x}', value: 'x' },
  { name: 'a default may be empty', template: '[${UNSET:-}]', value: '[]' },
  { name: 'a default may hold spaces and colons', template: '${UNSET:-a b:c}', value: 'a b:c' },
  { name: '${VAR:+alt} with VAR set', template: '${NAME:+on}', value: 'on' },
  { name: '${VAR:+alt} with VAR empty', template: '[${EMPTY:+on}]', value: '[]' },
  { name: '${VAR:+alt} with VAR unset', template: '[${UNSET:+on}]', value: '[]' },
  { name: '${VAR+alt} with VAR empty', template: '${EMPTY+on}', value: 'on' },
  { name: '${VAR+alt} with VAR unset', template: '[${UNSET+on}]', value: '[]' },
  { name: '${VAR:?msg} with VAR set', template: '${NAME:?need it}', value: 'web' },
  {
    name: '${VAR:?msg} with VAR empty',
    template: 'x ${EMPTY:?need it}',
    value: 'x ',
    problems: [{ kind: 'missing', name: 'EMPTY', message: 'need it', offset: 2, length: 17 }],
  },
  { name: '${VAR:?msg} with VAR unset', template: '${UNSET:?need it}', value: '', problems: [{ kind: 'missing', name: 'UNSET', message: 'need it' }] },
  { name: '${VAR?msg} with VAR empty is fine', template: '[${EMPTY?need it}]', value: '[]' },
  { name: '${VAR?msg} with VAR unset', template: '${UNSET?}', value: '', problems: [{ kind: 'missing', name: 'UNSET', message: '' }] },
  { name: 'nested default', template: '${UNSET:-${ALSO_UNSET:-${NAME}}}', value: 'web' },
  { name: 'nested default with text around', template: 'a${UNSET:-b${NESTED}c}d', value: 'abnestedcd' },
  { name: 'nested default is not evaluated when unused', template: '${NAME:-${UNSET}}', value: 'web' },
  { name: 'a message may hold a variable', template: '${UNSET:?set ${NAME} first}', value: '', problems: [{ kind: 'missing', message: 'set web first' }] },
  { name: 'several variables', template: '${HOST}:${PORT}', value: 'db:8080' },
  { name: 'unset $VAR', template: 'a-$UNSET-b', value: 'a--b', problems: [{ kind: 'unset', name: 'UNSET', offset: 2, length: 6 }] },
  { name: 'unset ${VAR}', template: 'a-${UNSET}', value: 'a-', problems: [{ kind: 'unset', name: 'UNSET', offset: 2, length: 8 }] },
  { name: 'unset variable inside a used default', template: '${A:-x${B}y}', value: 'xy', problems: [{ kind: 'unset', name: 'B', offset: 6, length: 4 }] },
  { name: 'lower-case names', template: '${lower_case:-ok}', value: 'ok' },
  { name: 'a dollar before a digit', template: 'price $5', value: 'price $5', problems: [{ kind: 'invalid', offset: 6 }] },
  { name: 'a dollar at the end', template: 'trailing $', value: 'trailing $', problems: [{ kind: 'invalid', offset: 9, length: 1 }] },
  { name: 'an unclosed ${', template: 'x ${NAME', value: 'x ', problems: [{ kind: 'invalid', offset: 2 }] },
  { name: '${} has no name', template: '${}', value: '', problems: [{ kind: 'invalid' }] },
  { name: 'an unknown operator', template: '${NAME/x/y}', value: '', problems: [{ kind: 'invalid' }] },
  { name: 'a name starting with a digit', template: '${1X}', value: '', problems: [{ kind: 'invalid' }] },
];

describe('substitute: every interpolation form', () => {
  test('table has no duplicate names', () => {
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  test.each(rows)('$name', (row) => {
    const result = substitute(row.template, lookup);
    expect(result.value).toBe(row.value);
    expect(result.problems).toHaveLength(row.problems?.length ?? 0);
    row.problems?.forEach((p, i) => expect(result.problems[i]).toMatchObject(p));
  });
});

describe('rawOffsetOf: the position of an expression in the source text', () => {
  test('the same text in a plain scalar', () => {
    expect(rawOffsetOf('a ${X} b', 'a ${X} b', 2, 4)).toBe(2);
  });
  test('the second of two identical expressions', () => {
    expect(rawOffsetOf('"${X}-${X}"', '${X}-${X}', 5, 4)).toBe(6);
  });
  test('a source that spells it otherwise gives undefined', () => {
    expect(rawOffsetOf('"\\u0024{X}"', '${X}', 0, 4)).toBeUndefined();
  });
});
