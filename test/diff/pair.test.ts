import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { diffManifests } from '../../src/diff/index.js';
import { identityKey, pairObjects } from '../../src/diff/pair.js';
import { objects, yamlObjects } from './diff-object.js';

const cm = (name: string, namespace?: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: namespace === undefined ? { name } : { name, namespace } });

describe('pairObjects', () => {
  test('identity is group, kind, namespace and name; the version is not part of it', () => {
    const [a] = objects({ apiVersion: 'apps/v1beta2', kind: 'Deployment', metadata: { name: 'x' } });
    const [b] = objects({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', namespace: 'default' } });
    const [c] = objects({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'x' } });
    expect(identityKey(a!)).toBe(identityKey(b!));
    expect(identityKey(a!)).not.toBe(identityKey(c!));
  });

  test('pairs by map lookups; unmatched objects stand alone', () => {
    const pairs = pairObjects(objects(cm('a'), cm('b')), objects(cm('b', 'default'), cm('c')), () => undefined);
    expect(pairs.map((p) => [p.left?.name, p.right?.name])).toEqual([
      ['a', undefined],
      ['b', 'b'],
      [undefined, 'c'],
    ]);
  });

  test('an object defined twice on a side is reported, and the later one is compared', () => {
    const left = yamlObjects('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {v: "1"}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {v: "2"}\n', 'left.yaml');
    const diagnostics: Diagnostic[] = [];
    const pairs = pairObjects(left, objects(cm('a')), (d) => diagnostics.push(d));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.left!.value.data).toEqual({ v: '2' });
    expect(diagnostics).toMatchObject([{ code: 'diff/duplicate-object', severity: 'warning', file: 'left.yaml', line: 6, column: 1, related: [{ file: 'left.yaml', line: 1 }] }]);
  });

  test('cluster-scoped objects have no namespace; custom kinds follow their CRD in the same side', () => {
    const side = yamlObjects(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gizmos.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Gizmo, plural: gizmos}
---
apiVersion: example.com/v1
kind: Gizmo
metadata: {name: g}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
`);
    expect(side.map((o) => [o.kind, o.namespace])).toEqual([
      ['CustomResourceDefinition', undefined],
      ['Gizmo', undefined],
      ['Widget', 'default'],
    ]);
  });
});

describe('diffManifests', () => {
  test('statuses, counts and order (kind, namespace, name)', () => {
    const result = diffManifests(objects(cm('b'), cm('a'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' } }), objects(cm('a'), cm('c'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { type: 'NodePort' } }));
    expect(result.objects.map((o) => [o.status, o.label])).toEqual([
      ['unchanged', 'ConfigMap default/a'],
      ['removed', 'ConfigMap default/b'],
      ['added', 'ConfigMap default/c'],
      ['changed', 'Service default/a'],
    ]);
    expect(result.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
  });

  test('two groups sharing a kind and a name are labelled with their group', () => {
    const ing = (apiVersion: string) => ({ apiVersion, kind: 'Ingress', metadata: { name: 'web' } });
    const result = diffManifests(objects(ing('extensions/v1beta1')), objects(ing('networking.k8s.io/v1')));
    expect(result.objects.map((o) => o.label).sort()).toEqual(['Ingress.extensions default/web', 'Ingress.networking.k8s.io default/web']);
  });

  test('Kustomize configuration is not an object', () => {
    const side = yamlObjects('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n');
    expect(side).toEqual([]);
  });
});
