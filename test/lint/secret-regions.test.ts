import { describe, expect, test } from 'vitest';
import { lint, ruleDescriptors } from '../../src/lint/index.js';
import { formatNames, formatters } from '../../src/report/index.js';

test('the regions of Secret values, per file, for masking in reports', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: not-secret}
data: {a: visible}
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"aHVudGVyMg=="}}'
data:
  password: aHVudGVyMg==
stringData:
  token: s3cr3t
`;
  const result = lint([{ path: 's.yaml', text }], { rules: [] });
  const lines = text.split('\n');
  const shown = result.secretRegions('s.yaml').map((r) => lines[r.line - 1]!.slice(r.column - 1, r.endLine === r.line ? r.endColumn - 1 : undefined));
  expect(shown).toEqual(['aHVudGVyMg==', 's3cr3t', `'{"data":{"password":"aHVudGVyMg=="}}'`]);
  expect(result.secretRegions('other.yaml')).toEqual([]);
});

/** The text each region covers (one line each for unparsed documents). */
const covered = (text: string, regions: readonly { line: number; column: number; endLine: number; endColumn: number }[]) => {
  const lines = text.split('\n');
  return regions.map((r) => lines[r.line - 1]!.slice(r.column - 1, r.endLine === r.line ? r.endColumn - 1 : undefined));
};

describe('a Secret document that gives no Secret object is masked from its text', () => {
  test.each([
    [
      'an unterminated quote in stringData',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: broken\nstringData:\n  password: "PLANTED\n  other: [PLANTED\n',
      ['password: "PLANTED', 'other: [PLANTED'],
    ],
    [
      'block style with a nested block scalar, then a key outside data',
      'kind: Secret\napiVersion: v1\ndata:\n  a: PLANTED\n  b: |\n    PLANTED\n\n    PLANTED\nmetadata: {name: [x}\n',
      ['a: PLANTED', 'b: |', 'PLANTED', 'PLANTED'],
    ],
    ['flow style on one line', '{apiVersion: v1, kind: Secret, stringData: {p: PLANTED}, metadata: {name: x}\n', [' {p: PLANTED}, metadata: {name: x}']],
    ['JSON', '{\n  "kind": "Secret",\n  "data": {\n    "p": "PLANTED"\n  },\n  "x": [\n}\n', [' {', '"p": "PLANTED"']],
    ['a List item', 'apiVersion: v1\nkind: List\nitems:\n  - kind: Secret\n    data:\n      p: PLANTED\n  - [\n', ['p: PLANTED']],
    [
      'the last-applied annotation',
      "kind: Secret\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '{\"p\":\"PLANTED\"}'\n  name: [\n",
      [` '{"p":"PLANTED"}'`],
    ],
    ['no apiVersion (parses, but no object)', 'kind: Secret\nmetadata: {name: x}\nstringData:\n  p: PLANTED\n', ['p: PLANTED']],
  ])('%s', (_name, text, expected) => {
    const result = lint([{ path: 'b.yaml', text }], { rules: [] });
    expect(covered(text, result.secretRegions('b.yaml'))).toEqual(expected);
  });

  test('only documents that say kind: Secret; a parsed Secret next to a broken one keeps its exact regions', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: [visible\n---\n' +
      'apiVersion: v1\nkind: Secret\nmetadata: {name: ok}\nstringData:\n  p: PARSED\n---\n' +
      'apiVersion: v1\nkind: Secret\nmetadata: {name: broken}\nstringData:\n  p: "BROKEN\n';
    const result = lint([{ path: 'm.yaml', text }], { rules: [] });
    const regions = result.secretRegions('m.yaml');
    expect(covered(text, regions)).toEqual(['PARSED', 'p: "BROKEN']);
    expect(regions.map((r) => r.line)).toEqual([11, 17]);
  });
});

describe('a planted value in a broken Secret appears in no format', () => {
  const PLANTED = 'PLANTED-broken-7f3a';
  const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: broken\nstringData:\n  password: "${PLANTED}\n  other: [${PLANTED}\n`;
  const files = [{ path: 'broken.yaml', text }];
  const result = lint(files);
  const input = (masked: boolean) => ({
    diagnostics: result.diagnostics,
    rules: ruleDescriptors(),
    objects: result.objects,
    files: ['broken.yaml'],
    source: (file: string) => (file === 'broken.yaml' ? text : undefined),
    ...(masked ? { secretRegions: (file: string) => result.secretRegions(file) } : {}),
    tool: { name: 'shipshape', version: '0.0.0' },
  });

  test('the document is reported (a yaml-syntax error on the value line)', () => {
    expect(result.diagnostics.map((d) => `${d.code}:${d.line}`)).toContain('yaml-syntax:6');
  });

  test.each(formatNames)('%s', (format) => {
    for (const color of [false, true]) {
      expect(formatters[format](input(true), { color })).not.toContain(PLANTED);
    }
  });

  test('the search can fail: unmasked, the stylish code frame shows the value', () => {
    expect(formatters.stylish(input(false), { color: false })).toContain(PLANTED);
  });
});
