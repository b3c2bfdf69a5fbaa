import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { MAX_DEPTH, normalizeObject, TOO_DEEP } from '../../src/diff/normalize.js';
import type { JsonObject } from '../../src/k8s/object.js';
import { deployment, object } from './diff-object.js';

function normalize(value: JsonObject): JsonObject {
  return normalizeObject(object(value), () => {
    throw new Error('unexpected diagnostic');
  });
}

const containersOf = (o: JsonObject) => ((o.spec as JsonObject).template as { spec: { containers: JsonObject[] } }).spec.containers;

describe('normalizeObject', () => {
  test('drops what the server manages', () => {
    const value = normalize({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'c',
        namespace: 'shop',
        creationTimestamp: '2024-01-01T00:00:00Z',
        resourceVersion: '1',
        uid: 'u',
        generation: 2,
        managedFields: [{ manager: 'kubectl' }],
        selfLink: '/api/v1/x',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', keep: 'me' },
      },
      data: { a: 'b' },
      status: { phase: 'Active' },
    });
    expect(value).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop', annotations: { keep: 'me' } }, data: { a: 'b' } });
  });

  test('sorts keys, drops nulls, empty lists and empty labels/annotations/metadata, keeps other empty maps', () => {
    const value = normalize(
      deployment([{ name: 'a', image: 'x', args: [], command: null }], {
        metadata: { name: 'api', namespace: 'shop', labels: {}, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      }),
    );
    expect(Object.keys(value)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(value.metadata).toEqual({ name: 'api', namespace: 'shop' });
    expect(containersOf(value)).toEqual([{ image: 'x', name: 'a' }]);
    const pod = normalize({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { volumes: [{ name: 'v', emptyDir: {} }], containers: [{ name: 'a' }] } });
    expect((pod.spec as JsonObject).volumes).toEqual([{ emptyDir: {}, name: 'v' }]);
  });

  test('makes the namespace explicit, and removes it from cluster-scoped objects', () => {
    expect(normalize({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }).metadata).toEqual({ name: 'c', namespace: 'default' });
    expect(normalize({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', namespace: 'x' } }).metadata).toEqual({ name: 'shop' });
  });

  test('sorts map lists by their keys and defaults protocol', () => {
    const value = normalize(
      deployment([
        { name: 'b', image: 'b', ports: [{ containerPort: 9090 }, { containerPort: 80, protocol: 'UDP' }, { containerPort: 80 }] },
        { name: 'a', image: 'a', env: [{ name: 'Z', value: '1' }, { name: 'A', value: '2' }] },
      ]),
    );
    const containers = containersOf(value);
    expect(containers.map((c) => c.name)).toEqual(['a', 'b']);
    expect(containers[0]!.env).toEqual([{ name: 'A', value: '2' }, { name: 'Z', value: '1' }]);
    expect(containers[1]!.ports).toEqual([
      { containerPort: 80, protocol: 'TCP' },
      { containerPort: 80, protocol: 'UDP' },
      { containerPort: 9090, protocol: 'TCP' },
    ]);
  });

  test('keeps the order of map lists that cannot be keyed, and of atomic lists', () => {
    const value = normalize(deployment([{ name: 'b', args: ['z', 'a'] }, { name: 'b', args: ['y'] }]));
    expect(containersOf(value).map((c) => c.args)).toEqual([['z', 'a'], ['y']]);
    const tolerations = normalize({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { tolerations: [{ key: 'z' }, { key: 'a' }] } });
    expect((tolerations.spec as JsonObject).tolerations).toEqual([{ key: 'z' }, { key: 'a' }]);
  });

  test('sorts sets', () => {
    const value = normalize({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['z.example.com/x', 'a.example.com/y'] } });
    expect((value.metadata as JsonObject).finalizers).toEqual(['a.example.com/y', 'z.example.com/x']);
  });

  test("folds a Secret's stringData into data as base64", () => {
    const value = normalize({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'YQ==' }, stringData: { b: 'b', a: 'A' } });
    expect(value.data).toEqual({ a: 'QQ==', b: 'Yg==' });
    expect(value).not.toHaveProperty('stringData');
  });

  test('Secret data compares as the bytes it encodes: line-wrapped base64, and stringData, are the same value', () => {
    const long = 'x'.repeat(120);
    const b64 = Buffer.from(long).toString('base64');
    const wrapped = `${b64.slice(0, 76)}\n${b64.slice(76)}\n`;
    const a = normalize({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { k: wrapped, short: 'Yg==\n', bad: 'not base64!' } });
    const b = normalize({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { k: long, short: 'b' }, data: { bad: 'not base64!' } });
    expect(a.data).toEqual(b.data);
    expect((a.data as JsonObject).bad).toBe('not base64!');
  });

  test('leaves custom resources’ lists in order', () => {
    const value = normalize({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { containers: [{ name: 'b' }, { name: 'a' }] } });
    expect((value.spec as JsonObject).containers).toEqual([{ name: 'b' }, { name: 'a' }]);
  });

  test('a __proto__ key is a field, not a prototype', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "b"}') as JsonObject;
    const value = normalize({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data });
    expect(Object.keys(value.data as JsonObject)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((value.data as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('never modifies its input', () => {
    const input = deployment([{ name: 'b', env: [{ name: 'Z' }, { name: 'A' }] }, { name: 'a' }], { status: { replicas: 1 } });
    const copy = structuredClone(input);
    normalize(input);
    expect(input).toEqual(copy);
  });

  test(`cuts values nested deeper than ${MAX_DEPTH} levels, with a warning`, () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < MAX_DEPTH + 10; i++) deep = { d: deep };
    const diagnostics: Diagnostic[] = [];
    const value = normalizeObject(object({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: deep as JsonObject }), (d) => diagnostics.push(d));
    expect(JSON.stringify(value)).toContain(TOO_DEEP);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['diff/too-deep', 'warning']]);
  });
});
