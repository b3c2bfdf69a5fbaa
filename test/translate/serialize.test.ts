import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { sortKeys, toJsonList, toYamlDocument, toYamlDocumentByYaml, toYamlStream } from '../../src/translate/serialize.js';
import { orderObjects } from '../../src/translate/order.js';
import type { KubeObject } from '../../src/translate/context.js';

const object = (kind: string, name: string, extra: object = {}): KubeObject => ({ kind, apiVersion: 'v1', metadata: { name }, ...extra });

describe('serialize', () => {
  test('keys sorted at every level, lists kept in order, undefined dropped', () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: { d: [3, 1], c: undefined, b: 'x' } }))).toBe('{"a":{"b":"x","d":[3,1]},"b":1}');
  });
  test('YAML stream: documents separated by ---, strings that look like numbers or booleans quoted', () => {
    const text = toYamlStream([object('ConfigMap', 'a', { data: { port: '8080', on: 'true', empty: '' } }), object('ConfigMap', 'b')]);
    expect(text.split('---\n')).toHaveLength(2);
    const first = parse(text.split('---\n')[0]!);
    expect(first.data).toEqual({ port: '8080', on: 'true', empty: '' });
    expect(text.startsWith('apiVersion: v1\n')).toBe(true);
  });
  test('strings YAML 1.1 (kubectl) would read as booleans, numbers or dates are quoted', () => {
    const text = toYamlStream([object('Pod', 'a', { args: ['yes', 'no', 'on', 'off', 'y', 'N', '1:20', '2024-01-01', 'plain'] })]);
    for (const word of ['yes', 'no', 'on', 'off', 'y', 'N', '1:20', '2024-01-01']) expect(text).toContain(`- "${word}"\n`);
    expect(text).toContain('- plain\n');
    expect(text).not.toContain('%YAML');
  });
  test('long strings are not folded', () => {
    const long = 'x '.repeat(200).trim();
    expect(toYamlStream([object('ConfigMap', 'a', { data: { long } })])).toContain(`long: ${long}\n`);
  });
  test('JSON: a v1 List', () => {
    const list = JSON.parse(toJsonList([object('Service', 'a')]));
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Service' }] });
  });
  test('no objects: empty YAML', () => expect(toYamlStream([])).toBe(''));
});

describe('order', () => {
  test('kinds in apply order, unknown kinds last, then names', () => {
    const ordered = orderObjects([object('Deployment', 'b'), object('Widget', 'a'), object('Service', 'z'), object('Deployment', 'a'), object('Namespace', 'ns'), object('ConfigMap', 'c')]);
    expect(ordered.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/ns', 'ConfigMap/c', 'Service/z', 'Deployment/a', 'Deployment/b', 'Widget/a']);
  });
});

describe('the direct YAML writer matches yaml.stringify byte for byte', () => {
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const same = (value: object) => expect(toYamlDocument(value as Record<string, unknown>)).toBe(toYamlDocumentByYaml(value as Record<string, unknown>));

  test('every golden conversion output', () => {
    let documents = 0;
    for (const name of readdirSync('fixtures/convert')) {
      const expected = join('fixtures/convert', name, 'expected.yaml');
      if (!existsSync(expected)) continue;
      for (const doc of parseAllDocuments(readFileSync(expected, 'utf8'))) {
        const value = doc.toJS() as object | null;
        if (value === null) continue;
        same(value);
        documents++;
      }
    }
    expect(documents).toBeGreaterThan(50);
  });

  test.each<[string, object]>([
    ['nesting: maps in lists in lists, empty collections', { a: [[], {}, [[1, 2], { x: { y: 1 } }], [{ p: [] }]], b: {}, c: [] }],
    ['numbers, booleans, null', { i: 0, n: -3, big: 1e21, f: 0.5, neg0: -0, nan: NaN, inf: -Infinity, t: true, f2: false, z: null }],
    ['image references, URLs, quantities', { v: ['nginx:1.27', 'registry.example.com:5000/a/b:1.0.4', 'http://svc1:8000', 'a:b:c', 'a:', 'a::b', 'a: b', 'user@host:path', '500m', '256Mi', '1Gi', '0m', '1e3', '10E', '1Ei', '07Mi', '1k', '1_000m'] }],
    ['YAML 1.1 words and look-alikes', { v: ['y', 'n', 'Y', 'yes', 'No', 'ON', 'off', 'null', '~', 'true', 'yesno', 'nope', 'onion', '1:20', '0x1F', '0o7', '1_000', '.5', '.inf', '2024-01-01', '1e3', '+1', '-'] }],
    ['special characters', { v: ['a: b', 'a #b', '#a', '- a', '? a', '@a', '`a', '%a', '&a', '*a', '!a', '|a', '>a', "'a", '"a', '{a}', '[a]', 'a,b', 'é', 'a\tb', ' lead', 'trail ', '', ' ', 'a\u0085b', 'a\u2028b'] }],
    ['multi-line strings at every depth', { a: 'x\ny', b: { c: 'x\ny\n', d: [['p\nq\n\n'], { e: '\nlead', f: '  indented\nmore' }] }, g: ['x\r\ny', 'trailing\n\n\n'] }],
    ['keys a JavaScript object orders by number, undefined values, __proto__', JSON.parse('{"b": 1, "10": 2, "9": 3, "01": 4, "4294967295": 5, "4294967294": 6, "__proto__": {"x": 1}, "a": {"u": null}}')],
    ['maps with undefined values only', { a: { b: undefined }, c: [{ d: undefined }], e: 1 }],
    ['integers with base prefixes that Go reads (YAML 1.2 octal, upper-case prefixes)', { v: ['0o17', '0O17', '0X1F', '0B11', '-0o7', '+0x1f', '0b1_0', '0o', '0xg', '0o8'], ['0o17']: 1 }],
    ['command-line flags and assignments', { v: ['-f', '--config=/etc/app.conf', '-y', '-n', '-e5', '-E5', '-e', '--e1', '-.inf', '-Infinity', '--', '-=', '=', 'a=b', '==', '-1', '--1', '---a', 'a\n', 'name=svc0\n', ' lead\n', 'x \n'], [`-f`]: 1, '--flag': 2 }],
    ['keys that need quotes', { 'a b': 1, 'x: y': 2, '': 3, 'multi\nline': 4, y: 5, '8080': 6, '10': 7, '9': 8, 'app.kubernetes.io/name': 9, ['k'.repeat(1100)]: 10 }],
  ])('%s', (_name, value) => same(value));

  test('random strings and keys from a YAML-hostile alphabet (seeded)', () => {
    const random = seeded(6);
    const alphabet = 'aZy9_./- :#\'"\\\n\t{}[],&*!|>%@`?=~0e+:::/mMiKx';
    const word = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const value: Record<string, unknown> = {};
      for (let j = 0; j < 4; j++) value[word()] = random() < 0.3 ? [word(), { [word()]: word() }] : word();
      same({ data: value, list: [word(), [word()]] });
    }
  });

  test('random multi-line strings (seeded)', () => {
    const random = seeded(8);
    const alphabet = 'ab #:-|>"\'{}=/\n\n\n \t~é';
    const text = () => Array.from({ length: 1 + Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const values = Array.from({ length: 2000 }, text);
    same({ top: values.slice(0, 500), nested: { deeper: { list: values.slice(500, 1000), map: Object.fromEntries(values.slice(1000).map((v, i) => [`k${i}`, v])) } } });
  });

  test('random strings from the characters the writer keeps plain (seeded)', () => {
    const random = seeded(7);
    const alphabet = 'aZnyoE09_./@-:mMiK/=-';
    const words = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 9) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    same({ values: words, keys: Object.fromEntries(words.map((w, i) => [w, i])) });
  });
});

test('strings Go would read as integers are quoted (kubectl and kustomize keep them strings)', () => {
  const text = toYamlDocument({ v: ['0o17', '0O17', '0X1F', '0B11', '-0o7'] });
  expect(text).toBe('v:\n  - "0o17"\n  - "0O17"\n  - "0X1F"\n  - "0B11"\n  - "-0o7"\n');
});
