import { expect, test } from 'vitest';
import { LimitRangeDefaults } from '../../../src/lint/checks/limit-range-defaults.js';
import type { ManifestObject } from '../../../src/k8s/object.js';

const limitRange = (namespace: string | undefined, limits: unknown) =>
  ({ kind: 'LimitRange', namespace, value: { spec: { limits } } }) as unknown as ManifestObject;

test('a default limit falls back to max; a default request to defaultRequest, default, max or min', () => {
  const defaults = new LimitRangeDefaults([
    limitRange('a', [
      { type: 'Container', default: { memory: '1Gi' }, max: { cpu: '2' }, min: { 'ephemeral-storage': '1Gi' }, defaultRequest: { 'nvidia.com/gpu': 1 } },
      { type: 'Pod', max: { 'hugepages-2Mi': '1Gi' } },
    ]),
  ]);
  const a = defaults.of('a');
  expect([...a.limits].sort()).toEqual(['cpu', 'memory']);
  expect([...a.requests].sort()).toEqual(['cpu', 'ephemeral-storage', 'memory', 'nvidia.com/gpu']);
});

test('namespaces are separate; malformed LimitRanges and cluster scope give nothing', () => {
  const defaults = new LimitRangeDefaults([
    limitRange('a', [{ type: 'Container', default: { memory: '1Gi' } }]),
    limitRange('b', 'not a list'),
    limitRange(undefined, [{ type: 'Container', default: { cpu: '1' } }]),
    limitRange('c', [null, { type: 'Container', default: 'nope' }]),
  ]);
  expect([...defaults.of('a').limits]).toEqual(['memory']);
  for (const ns of ['b', 'c', 'other', undefined]) {
    expect(defaults.of(ns).limits.size).toBe(0);
    expect(defaults.of(ns).requests.size).toBe(0);
  }
});
