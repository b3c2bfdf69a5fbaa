/**
 * Properties of the diff on generated objects (seeded, bounded): an object equals itself and any reordering
 * the API allows (keys, keyed list items, sets); comparing the other way round swaps added and removed;
 * nothing throws, and every renderer handles every result.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffManifests } from '../../src/diff/index.js';
import { listItemKeys, listSemantics } from '../../src/diff/list-semantics.js';
import { DIFF_OUTPUTS, renderers } from '../../src/diff/render/index.js';
import type { JsonObject } from '../../src/k8s/object.js';
import { objects } from './diff-object.js';

const SETTINGS = { numRuns: 150, seed: 424242 };

const kinds = [
  ['apps/v1', 'Deployment'],
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['v1', 'Secret'],
  ['v1', 'ConfigMap'],
  ['example.com/v1', 'Widget'],
] as const;

/** JSON values whose keys are often real field names, so list semantics and quantities come into play. */
const fieldNames = fc.constantFrom('template', 'spec', 'containers', 'name', 'image', 'ports', 'containerPort', 'protocol', 'env', 'value', 'resources', 'limits', 'cpu', 'finalizers', 'data', 'args', '__proto__');
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'b', '1', '1000m', '1Gi', '1024Mi', 'TCP', 'UDP'), fc.string({ maxLength: 4 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fieldNames, fc.string({ maxLength: 3 })), tie('value'), { maxKeys: 5 }),
})).map;

/** Pod specs shaped as the API has them, so keyed lists (containers, ports, env) are common. */
const quantity = fc.constantFrom('1', '1000m', '500m', 0.5, '1Gi', '1024Mi', '2');
const podSpec = fc.record({
  containers: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom('api', 'web', 'sidecar', 'init'),
      image: fc.constantFrom('a:1', 'a:2'),
      ports: fc.uniqueArray(fc.record({ containerPort: fc.constantFrom(80, 443, 8080), protocol: fc.constantFrom('TCP', 'UDP') }), { selector: (p) => `${p.containerPort}/${p.protocol}`, maxLength: 3 }),
      env: fc.uniqueArray(fc.record({ name: fc.constantFrom('A', 'B', 'C'), value: fc.constantFrom('1', '2') }), { selector: (e) => e.name, maxLength: 3 }),
      args: fc.array(fc.constantFrom('x', 'y'), { maxLength: 3 }),
      resources: fc.record({ limits: fc.record({ cpu: quantity, memory: quantity }) }),
    }),
    { selector: (c) => c.name, maxLength: 3 },
  ),
});
const spec = (kind: string) => (kind === 'Pod' ? fc.oneof(podSpec, json) : kind === 'Deployment' ? fc.oneof(podSpec.map((s) => ({ template: { spec: s } })), json) : json);

const manifest = fc
  .constantFrom(...kinds)
  .chain((kind) => fc.record({ kind: fc.constant(kind), name: fc.constantFrom('a', 'b'), spec: spec(kind[1]), data: json, metadata: json }))
  .map(
    ({ kind, name, spec, data, metadata }) =>
      JSON.parse(JSON.stringify({ apiVersion: kind[0], kind: kind[1], metadata: { ...(metadata as JsonObject), name }, spec, data })) as JsonObject,
  );

/** Reorder what the API says is unordered: mapping keys, keyed list items, set items. */
function shuffle(value: unknown, apiVersion: string, kind: string, fields: string[], random: () => number): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => shuffle(item, apiVersion, kind, fields, random));
    const semantics = listSemantics(apiVersion, kind, fields);
    const reorderable = semantics.type === 'set' || (semantics.type === 'map' && listItemKeys(value, semantics.keys) !== undefined);
    return reorderable ? items.map((item) => ({ item, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.item) : items;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort(() => random() - 0.5);
    const out: JsonObject = {};
    for (const key of keys) Object.defineProperty(out, key, { value: shuffle((value as JsonObject)[key], apiVersion, kind, [...fields, key], random), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

describe('diff properties', () => {
  test('an object equals itself and any allowed reordering of itself', () => {
    fc.assert(
      fc.property(manifest, fc.integer(), (object, seed) => {
        let state = seed;
        const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
        const reordered = shuffle(object, object.apiVersion as string, object.kind as string, [], random) as JsonObject;
        const result = diffManifests(objects(object), objects(reordered));
        expect(result.objects.map((o) => [o.status, o.changes])).toEqual([['unchanged', []]]);
      }),
      SETTINGS,
    );
  });

  test('comparing the other way round swaps added and removed', () => {
    fc.assert(
      fc.property(manifest, manifest, (a, b) => {
        const forward = diffManifests(objects(a), objects(b));
        const backward = diffManifests(objects(b), objects(a));
        const swap: Record<string, string> = { added: 'removed', removed: 'added', changed: 'changed', unchanged: 'unchanged' };
        expect(backward.objects.map((o) => o.status).sort()).toEqual(forward.objects.map((o) => swap[o.status]).sort());
        const ops = (r: typeof forward) => r.objects.flatMap((o) => o.changes.map((c) => c.op)).sort();
        expect(ops(backward)).toEqual(ops(forward).map((op) => swap[op]).sort());
      }),
      SETTINGS,
    );
  });

  test('every renderer handles every result; JSON output parses', () => {
    fc.assert(
      fc.property(fc.array(manifest, { maxLength: 3 }), fc.array(manifest, { maxLength: 3 }), fc.boolean(), (left, right, showSecrets) => {
        const result = diffManifests(objects(...left), objects(...right), { showSecrets });
        for (const name of DIFF_OUTPUTS) {
          const text = renderers[name](result, { color: false, context: 3 });
          if (name === 'json') expect(JSON.parse(text).counts).toEqual(result.counts);
        }
      }),
      SETTINGS,
    );
  });
});
