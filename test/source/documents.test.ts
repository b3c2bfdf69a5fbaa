import { describe, expect, test } from 'vitest';
import { parseDocuments, splitDocuments } from '../../src/source/documents.js';
import type { FieldPath } from '../../src/diagnostics.js';

const lc = (s: { line: number; column: number }) => `${s.line}:${s.column}`;

describe('splitDocuments', () => {
  const cases: [string, string, string[]][] = [
    ['one document', 'a: 1\n', ['a: 1\n']],
    ['leading marker', '---\na: 1\n', ['---\na: 1\n']],
    ['two documents', 'a: 1\n---\nb: 2\n', ['a: 1\n', '---\nb: 2\n']],
    ['empty documents are skipped', '---\n---\n# only a comment\n---\nb: 2\n', ['---\nb: 2\n']],
    ['directive stays with its document', '%YAML 1.2\n---\na: 1\n', ['%YAML 1.2\n---\na: 1\n']],
    ['end marker', 'a: 1\n...\nb: 2\n', ['a: 1\n...', 'b: 2\n']],
    ['--- inside a value is content', 'a: |\n  ---\n  x\n', ['a: |\n  ---\n  x\n']],
    ['---x is not a marker', 'a: 1\n---x: 2\n', ['a: 1\n---x: 2\n']],
    ['CRLF', 'a: 1\r\n---\r\nb: 2\r\n', ['a: 1\r\n', '---\r\nb: 2\r\n']],
    ['marker with content', '--- {a: 1}\n', ['--- {a: 1}\n']],
  ];
  test.each(cases)('%s', (_name, text, expected) => {
    expect(splitDocuments(text).map((c) => text.slice(c.start, c.end))).toEqual(expected);
  });
});

describe('parseDocuments', () => {
  test('values and document indexes', () => {
    const s = parseDocuments({ path: 'f.yaml', text: 'a: 1\n---\nb: [1, 2]\n---\n{"c": true}\n' });
    expect(s.diagnostics).toEqual([]);
    expect(s.documents.map((d) => [d.index, d.value])).toEqual([
      [0, { a: 1 }],
      [1, { b: [1, 2] }],
      [2, { c: true }],
    ]);
  });

  test('core schema: no timestamps, merge keys resolved', () => {
    const s = parseDocuments({ path: 'f.yaml', text: 'd: 2001-12-14\nbase: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n' });
    expect(s.documents[0]!.value).toEqual({ d: '2001-12-14', base: { x: 1 }, m: { x: 1, y: 2 } });
  });

  const text = [
    '# leading comment', // 1
    'apiVersion: v1', // 2
    'kind: Service', // 3
    'metadata:', // 4
    '  name: "web"   # trailing', // 5
    '  labels: {app: web, "tier": front}', // 6
    'spec:', // 7
    '  ports:', // 8
    '  - port: 80', // 9
    '    targetPort:', // 10
    '      http', // 11
    '  selector:', // 12
    '  note: |', // 13
    '    multi', // 14
    '    line', // 15
    '---', // 16
    'kind: ConfigMap', // 17
    'data:', // 18
    '  k: v', // 19
    '',
  ].join('\n');
  const located: [string, number, FieldPath, boolean, string][] = [
    ['a top-level value', 0, ['kind'], false, '3:7'],
    ['a top-level key', 0, ['kind'], true, '3:1'],
    ['a quoted value with a trailing comment', 0, ['metadata', 'name'], false, '5:9'],
    ['a flow-mapping value', 0, ['metadata', 'labels', 'app'], false, '6:17'],
    ['a quoted flow-mapping key', 0, ['metadata', 'labels', 'tier'], true, '6:22'],
    ['a sequence item', 0, ['spec', 'ports', 0], false, '9:5'],
    ['a value on the next line', 0, ['spec', 'ports', 0, 'targetPort'], false, '11:7'],
    ['an empty value points at its key', 0, ['spec', 'selector'], false, '12:3'],
    ['a block scalar', 0, ['spec', 'note'], false, '13:9'],
    ['a missing field points at its nearest ancestor key', 0, ['spec', 'ports', 0, 'protocol'], false, '9:5'],
    ['a missing index', 0, ['spec', 'ports', 3], false, '8:3'],
    ['the second document', 1, ['data', 'k'], false, '19:6'],
  ];
  test.each(located)('locate: %s', (_name, index, path, key, expected) => {
    const doc = parseDocuments({ path: 'f.yaml', text }).documents.find((d) => d.index === index)!;
    expect(lc(doc.locate(path, { key }))).toBe(expected);
  });

  test('document start skips comments and the marker', () => {
    const s = parseDocuments({ path: 'f.yaml', text });
    expect(s.documents.map((d) => lc(d.start))).toEqual(['2:1', '17:1']);
  });

  test('a broken document is reported at its position; the others are still read', () => {
    const s = parseDocuments({ path: 'f.yaml', text: 'a: 1\n---\nb: [1,\nc: 2\n---\nd: 4\n' });
    expect(s.documents.map((d) => d.value)).toEqual([{ a: 1 }, { d: 4 }]);
    expect(s.diagnostics).toHaveLength(1);
    expect(s.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', file: 'f.yaml' });
    expect(s.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  test('duplicate keys are an error naming both positions', () => {
    const s = parseDocuments({ path: 'f.yaml', text: 'x: 0\n---\na: 1\nb: 2\na: 3\n' });
    expect(s.documents.map((d) => d.value)).toEqual([{ x: 0 }]);
    expect(s.diagnostics).toMatchObject([
      { code: 'yaml-syntax', messageId: 'duplicateKey', line: 5, column: 1, related: [{ line: 3, column: 1 }] },
    ]);
  });

  test('documents with anchors take the bounded parser and keep exact positions', () => {
    const s = parseDocuments({ path: 'f.yaml', text: 'x: 0\n---\nbase: &b {x: 1}\nuse: *b\n' });
    expect(s.documents[1]!.value).toEqual({ base: { x: 1 }, use: { x: 1 } });
    expect(lc(s.documents[1]!.locate(['use'], { key: true }))).toBe('4:1');
  });

  test('an alias bomb is refused with a diagnostic', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const s = parseDocuments({ path: 'bomb.yaml', text: bomb.join('\n') });
    expect(s.documents).toEqual([]);
    expect(s.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
  });

  test.each([
    ['flow', `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['block', Array.from({ length: 1200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n'],
  ])('%s nesting deeper than the limit: one tooDeep diagnostic, no document, no crash', (_name, text) => {
    const s = parseDocuments({ path: 'deep.yaml', text });
    expect(s.documents).toEqual([]);
    expect(s.diagnostics).toHaveLength(1);
    expect(s.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', messageId: 'tooDeep' });
  });

  test('thousands of shallow flow mappings are not deep: read by the fast parser, positions exact', () => {
    const ports = Array.from({ length: 3000 }, (_, i) => `    - {name: p${i}, port: ${i + 1}}`).join('\n');
    const s = parseDocuments({ path: 'svc.yaml', text: `kind: Service\nspec:\n  ports:\n${ports}\n` });
    expect(s.diagnostics).toEqual([]);
    expect(s.documents[0]!.locate(['spec', 'ports', 2999, 'port'])).toMatchObject({ line: 3003, column: 27 });
  });
});

describe('.json files must be JSON (kubectl reads them as JSON)', () => {
  test.each<[string, string, number, number]>([
    ['a trailing comma', '{"apiVersion": "v1", "kind": "ConfigMap",\n "data": {"a": "b",}}', 2, 20],
    ['a comment', '{"apiVersion": "v1", # note\n "kind": "ConfigMap"}', 1, 22],
    ['an unquoted key', '{apiVersion: "v1", "kind": "ConfigMap"}', 1, 2],
  ])('%s: an error where JSON stops; the object is still read', (_name, text, line, column) => {
    const stream = parseDocuments({ path: 'cm.json', text });
    expect(stream.diagnostics).toMatchObject([{ code: 'yaml-syntax', severity: 'error', line, column }]);
    expect(stream.diagnostics[0]!.message).toMatch(/^not valid JSON \(.+\): kubectl reads a \.json file as JSON and refuses it$/);
    expect(stream.documents).toHaveLength(1);
  });

  test('valid JSON, and the same text in a .yaml file, are fine', () => {
    expect(parseDocuments({ path: 'cm.json', text: '{"apiVersion": "v1", "kind": "ConfigMap"}\n' }).diagnostics).toEqual([]);
    expect(parseDocuments({ path: 'cm.yaml', text: '{"apiVersion": "v1", "kind": "ConfigMap", "data": {"a": "b",}}' }).diagnostics).toEqual([]);
  });
});
