import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { sortKeys, toJsonList, toYamlStream } from '../../src/translate/serialize.js';
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
