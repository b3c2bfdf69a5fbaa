import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildObjectGraph } from '../../src/k8s/graph.js';
import { readManifests, toManifestObject } from '../../src/k8s/manifests.js';
import { mapSelectorMatches, podTemplatesSelectedBy, readLabelSelector, selectorMatches } from '../../src/k8s/selectors.js';
import { podTemplatesOf } from '../../src/k8s/object.js';

function objectsOf(text: string) {
  return readManifests({ path: 'g.yaml', text }).manifests.map((m) => toManifestObject(m, { defaultNamespace: 'default' }));
}

const workload = (name: string, ns: string, labels: Record<string, string>) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  template:\n    metadata: {labels: ${JSON.stringify(labels)}}\n    spec: {containers: []}\n`;

describe('ObjectGraph', () => {
  const graph = buildObjectGraph(
    objectsOf(
      [
        workload('web', 'shop', { app: 'web', tier: 'front' }),
        workload('api', 'shop', { app: 'api', tier: 'back' }),
        workload('web', 'blog', { app: 'web' }),
        'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n',
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop, labels: {tier: front}}\nspec: {containers: []}\n',
      ].join('---\n'),
    ),
  );

  test('ofKind and hasKind', () => {
    expect(graph.ofKind('Deployment').map((o) => `${o.namespace}/${o.name}`)).toEqual(['shop/web', 'shop/api', 'blog/web']);
    expect(graph.hasKind('Service')).toBe(true);
    expect(graph.hasKind('Ingress')).toBe(false);
    expect(graph.ofKind('Ingress')).toEqual([]);
  });

  test('find by kind, namespace, name and group', () => {
    expect(graph.find({ kind: 'Deployment', name: 'web', namespace: 'blog' })?.namespace).toBe('blog');
    expect(graph.find({ kind: 'Deployment', name: 'web', namespace: 'none' })).toBeUndefined();
    expect(graph.find({ kind: 'Namespace', name: 'shop' })?.kind).toBe('Namespace');
    expect(graph.find({ kind: 'Deployment', name: 'web', namespace: 'shop', group: 'apps' })).toBeDefined();
    expect(graph.find({ kind: 'Deployment', name: 'web', namespace: 'shop', group: 'extensions' })).toBeUndefined();
  });

  test('pod templates by namespace and by labels', () => {
    expect(graph.podTemplates('shop')).toHaveLength(3);
    expect(graph.podTemplatesMatching('shop', { tier: 'front' }).map((t) => t.owner.name)).toEqual(['web', 'p']);
    expect(graph.podTemplatesMatching('shop', { app: 'web', tier: 'front' }).map((t) => t.owner.name)).toEqual(['web']);
    expect(graph.podTemplatesMatching('blog', { tier: 'front' })).toEqual([]);
    expect(graph.podTemplatesMatching('shop', {})).toHaveLength(3);
    expect(graph.podTemplatesMatching('nowhere', { app: 'web' })).toEqual([]);
  });

  test('the label index agrees with a scan of every template (property)', () => {
    const label = fc.constantFrom('app', 'tier', 'zone');
    const value = fc.constantFrom('a', 'b', 'c');
    const labels = fc.dictionary(label, value, { maxKeys: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('x', 'y'), labels), { maxLength: 12 }),
        labels,
        fc.array(fc.record({ key: label, operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), values: fc.array(value, { maxLength: 2 }) }), { maxLength: 2 }),
        (specs, selector, expressions) => {
          const text = specs.map(([ns, l], i) => workload(`w${i}`, ns, l)).join('---\n');
          const objects = text === '' ? [] : objectsOf(text);
          const g = buildObjectGraph(objects);
          const all = objects.flatMap((o) => podTemplatesOf(o));
          for (const ns of ['x', 'y']) {
            const scanned = all.filter((t) => t.owner.namespace === ns && mapSelectorMatches(selector, t.labels));
            expect(g.podTemplatesMatching(ns, selector)).toEqual(scanned);
            const full = readLabelSelector({ matchLabels: selector, matchExpressions: expressions })!;
            const scannedFull = all.filter((t) => t.owner.namespace === ns && selectorMatches(full, t.labels));
            expect(podTemplatesSelectedBy(g, ns, full)).toEqual(scannedFull);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
