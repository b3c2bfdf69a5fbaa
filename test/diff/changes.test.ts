import { describe, expect, test } from 'vitest';
import { compareObjects, type FieldChange } from '../../src/diff/changes.js';
import { formatChangePath } from '../../src/diff/field-path.js';
import { normalizeObject } from '../../src/diff/normalize.js';
import type { JsonObject } from '../../src/k8s/object.js';
import { deployment, object } from './diff-object.js';

const canonical = (value: JsonObject) => normalizeObject(object(value), () => undefined);

function changes(left: JsonObject, right: JsonObject): { op: string; path: string; old?: unknown; new?: unknown }[] {
  return compareObjects(canonical(left), canonical(right)).map((c: FieldChange) => {
    const out: { op: string; path: string; old?: unknown; new?: unknown } = { op: c.op, path: formatChangePath(c.path) };
    if ('old' in c) out.old = c.old;
    if ('new' in c) out.new = c.new;
    return out;
  });
}

const pod = (spec: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

describe('compareObjects', () => {
  test('equal objects have no changes, whatever the order of keys and keyed items', () => {
    const a = deployment([{ name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }, { name: 'b', image: 'b:1' }]);
    const b = deployment([{ image: 'b:1', name: 'b' }, { env: [{ value: '2', name: 'Y' }, { name: 'X', value: '1' }], image: 'a:1', name: 'a' }]);
    expect(changes(a, b)).toEqual([]);
  });

  test('scalars: changed, added, removed', () => {
    expect(changes(deployment([{ name: 'a' }], { metadata: { name: 'api', namespace: 'shop', labels: { tier: 'web', old: 'x' } } }), deployment([{ name: 'a' }], { metadata: { name: 'api', namespace: 'shop', labels: { tier: 'api', new: 'y' } } }))).toEqual([
      { op: 'removed', path: 'metadata.labels.old', old: 'x' },
      { op: 'changed', path: 'metadata.labels.tier', old: 'web', new: 'api' },
      { op: 'added', path: 'metadata.labels.new', new: 'y' },
    ]);
  });

  test('map list items by key: a changed field, an added and a removed item', () => {
    const a = deployment([{ name: 'api', image: 'api:1' }, { name: 'old', image: 'o' }]);
    const b = deployment([{ name: 'api', image: 'api:2' }, { name: 'new', image: 'n' }]);
    expect(changes(a, b)).toEqual([
      { op: 'changed', path: 'spec.template.spec.containers[name=api].image', old: 'api:1', new: 'api:2' },
      { op: 'removed', path: 'spec.template.spec.containers[name=old]', old: { image: 'o', name: 'old' } },
      { op: 'added', path: 'spec.template.spec.containers[name=new]', new: { image: 'n', name: 'new' } },
    ]);
  });

  test('multi-key items: container ports by containerPort and protocol', () => {
    const a = pod({ containers: [{ name: 'c', ports: [{ containerPort: 53, protocol: 'UDP', name: 'dns' }, { containerPort: 80 }] }] });
    const b = pod({ containers: [{ name: 'c', ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 53, protocol: 'UDP', name: 'dns' }] }] });
    expect(changes(a, b)).toEqual([{ op: 'added', path: 'spec.containers[name=c].ports[containerPort=80,protocol=TCP].name', new: 'http' }]);
  });

  test('sets compare as wholes, by value', () => {
    const meta = (finalizers: string[]) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers } });
    expect(changes(meta(['b', 'a']), meta(['a', 'b']))).toEqual([]);
    expect(changes(meta(['a']), meta(['a', 'b']))).toEqual([{ op: 'changed', path: 'metadata.finalizers', old: ['a'], new: ['a', 'b'] }]);
  });

  test('atomic lists: by position when the lengths agree, else whole', () => {
    const c = (args: string[]) => pod({ containers: [{ name: 'c', args }] });
    expect(changes(c(['a', 'b']), c(['a', 'c']))).toEqual([{ op: 'changed', path: 'spec.containers[name=c].args[1]', old: 'b', new: 'c' }]);
    expect(changes(c(['a', 'b']), c(['b', 'a'])).map((x) => x.path)).toEqual(['spec.containers[name=c].args[0]', 'spec.containers[name=c].args[1]']);
    expect(changes(c(['a']), c(['a', 'b']))).toEqual([{ op: 'changed', path: 'spec.containers[name=c].args', old: ['a'], new: ['a', 'b'] }]);
  });

  test('a value of another type is a change', () => {
    expect(changes(deployment([{ name: 'a' }], { spec: { replicas: 2 } }), deployment([{ name: 'a' }], { spec: { replicas: '2' } }))).toEqual([
      { op: 'changed', path: 'spec.replicas', old: 2, new: '2' },
    ]);
  });

  test('quantities are equal by value; the right side takes the left spelling', () => {
    const a = pod({ containers: [{ name: 'c', resources: { limits: { cpu: '1000m', memory: '1Gi' }, requests: { cpu: 0.5 } } }] });
    const b = pod({ containers: [{ name: 'c', resources: { limits: { cpu: 1, memory: '1024Mi' }, requests: { cpu: '500m' } } }] });
    const left = canonical(a);
    const right = canonical(b);
    expect(compareObjects(left, right)).toEqual([]);
    expect(right).toEqual(left);
    const c = pod({ containers: [{ name: 'c', resources: { limits: { cpu: '2', memory: '1Gi' } } }] });
    expect(changes(a, c).find((x) => x.path.endsWith('limits.cpu'))).toEqual({ op: 'changed', path: 'spec.containers[name=c].resources.limits.cpu', old: '1000m', new: '2' });
  });

  test('quantity-looking strings elsewhere are compared as text', () => {
    const cm = (value: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { sizeLimit: value } });
    expect(changes(cm('1Gi'), cm('1024Mi'))).toHaveLength(1);
    const env = (value: string) => pod({ containers: [{ name: 'c', env: [{ name: 'CPU', value }] }] });
    expect(changes(env('1'), env('1000m'))).toHaveLength(1);
  });
});
