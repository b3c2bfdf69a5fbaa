import { describe, expect, test } from 'vitest';
import type { Resources } from '../../src/compose/model.js';
import { validateObject } from '../../src/k8s/schema/index.js';
import { cpuQuantity, memoryQuantity } from '../../src/translate/resources.js';
import { QUANTITY_PATTERN } from '../../scripts/schemas/kubernetes/strict.mjs';
import { at, containerOf, convert, deploy, find, keysOf, project, service, span } from './model-builder.js';

/** deploy.resources with the given amounts, each key on its own line. */
function resources(limits: { cpus?: number; memory?: number }, reservations: { cpus?: number; memory?: number } = {}): Resources {
  return {
    span: span(),
    keys: keysOf('limits', 'reservations'),
    limits: { span: span(), keys: keysOf(...Object.keys(limits)), ...limits },
    reservations: { span: span(), keys: keysOf(...Object.keys(reservations)), devices: [], ...reservations },
  };
}

describe('amounts too large to represent (cpus: "1e309"): an error at the key, the amount left out', () => {
  test.each([
    ['deploy limits cpus', () => service('w', { image: 'x:1', deploy: deploy({ resources: resources({ cpus: Infinity, memory: 2 ** 30 }) }) }), (s: any) => at(s.deploy.resources.limits, 'cpus'), { limits: { memory: '1Gi' } }],
    ['deploy limits memory', () => service('w', { image: 'x:1', deploy: deploy({ resources: resources({ cpus: 1, memory: Infinity }) }) }), (s: any) => at(s.deploy.resources.limits, 'memory'), { limits: { cpu: '1' } }],
    ['deploy reservations cpus', () => service('w', { image: 'x:1', deploy: deploy({ resources: resources({}, { cpus: Infinity }) }) }), (s: any) => at(s.deploy.resources.reservations, 'cpus'), undefined],
    ['deploy reservations memory', () => service('w', { image: 'x:1', deploy: deploy({ resources: resources({}, { memory: Infinity }) }) }), (s: any) => at(s.deploy.resources.reservations, 'memory'), undefined],
    ['cpus', () => service('w', { image: 'x:1', cpus: Infinity, memLimit: 2 ** 20 }), (s: any) => at(s, 'cpus'), { limits: { memory: '1Mi' } }],
    ['mem_limit', () => service('w', { image: 'x:1', memLimit: Infinity }), (s: any) => at(s, 'mem_limit'), undefined],
    ['mem_reservation', () => service('w', { image: 'x:1', memReservation: Infinity }), (s: any) => at(s, 'mem_reservation'), undefined],
  ])('%s', async (_name, make, where, expected) => {
    const s = make();
    const result = await convert(project([s]));
    const workload = find(result.objects, 'Deployment', 'w');
    expect(containerOf(workload).resources).toEqual(expected);
    expect(result.diagnostics).toMatchObject([{ code: 'convert/out-of-range', severity: 'error', ...where(s), message: /a number too large to represent/ }]);
    expect(validateObject(workload)).toEqual({ status: 'valid' });
  });

  test.each([
    ['a huge but finite CPU count', { cpus: 1e20 }, { limits: { cpu: '100000000000000000000' } }],
    ['10^20 GB of memory (a valid quantity)', { memory: 1e29 }, undefined],
  ])('%s is written, without an error', async (_name, limits, expected) => {
    const s = service('w', { image: 'x:1', deploy: deploy({ resources: resources(limits) }) });
    const result = await convert(project([s]));
    const workload = find(result.objects, 'Deployment', 'w');
    if (expected) expect(containerOf(workload).resources).toEqual(expected);
    expect(result.diagnostics).toEqual([]);
    expect(validateObject(workload)).toEqual({ status: 'valid' });
  });
});

describe('quantities of huge amounts are written in plain digits (`1e+21Ei` would be no quantity)', () => {
  const quantity = new RegExp(QUANTITY_PATTERN, 'u');
  test.each([
    ['cpu', cpuQuantity(1e20), '100000000000000000000'],
    ['cpu beyond exact millicores: whole cores, rounded up', cpuQuantity(2 ** 53 / 1000 + 0.5), '9007199254742'],
    ['cpu 1e300', cpuQuantity(1e300), BigInt(1e300).toString()],
    ['memory 2^80 bytes', memoryQuantity(2 ** 80), '1048576Ei'],
    ['memory 1e40 bytes', memoryQuantity(1e40), `${BigInt(1e40) / 2n ** 60n}Ei`],
    ['memory 10^22 bytes (2^22 · 5^22)', memoryQuantity(1e22), `${10n ** 22n / 2n ** 20n}Mi`],
  ])('%s → %s', (_name, written, expected) => {
    expect(written).toBe(expected);
    expect(quantity.test(written!)).toBe(true);
  });
});

describe('a reservation above its limit: the request is lowered, a warning at the reservation, the limit related', () => {
  test.each([
    ['mem_reservation above mem_limit', () => service('b', { image: 'x:1', memLimit: 2 ** 20, memReservation: 2 ** 21 }), (s: any) => at(s, 'mem_reservation'), (s: any) => at(s, 'mem_limit'), { limits: { memory: '1Mi' }, requests: { memory: '1Mi' } }],
    [
      'deploy reservations memory above deploy limits memory',
      () => service('b', { image: 'x:1', deploy: deploy({ resources: resources({ memory: 2 ** 20 }, { memory: 2 ** 30 }) }) }),
      (s: any) => at(s.deploy.resources.reservations, 'memory'),
      (s: any) => at(s.deploy.resources.limits, 'memory'),
      { limits: { memory: '1Mi' }, requests: { memory: '1Mi' } },
    ],
    [
      'deploy reservations cpus above cpus',
      () => service('b', { image: 'x:1', cpus: 0.5, deploy: deploy({ resources: resources({}, { cpus: 2 }) }) }),
      (s: any) => at(s.deploy.resources.reservations, 'cpus'),
      (s: any) => at(s, 'cpus'),
      { limits: { cpu: '500m' }, requests: { cpu: '500m' } },
    ],
    [
      'mem_reservation above deploy limits memory',
      () => service('b', { image: 'x:1', memReservation: 2 ** 30, deploy: deploy({ resources: resources({ memory: 2 ** 20 }) }) }),
      (s: any) => at(s, 'mem_reservation'),
      (s: any) => at(s.deploy.resources.limits, 'memory'),
      { limits: { memory: '1Mi' }, requests: { memory: '1Mi' } },
    ],
  ])('%s', async (_name, make, where, limit, expected) => {
    const s = make();
    const result = await convert(project([s]));
    expect(containerOf(find(result.objects, 'Deployment', 'b')).resources).toEqual(expected);
    expect(result.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, related: d.related?.map((r) => ({ line: r.line, column: r.column })) }))).toEqual([
      { code: 'convert/request-above-limit', ...where(s), related: [limit(s)] },
    ]);
  });
});
