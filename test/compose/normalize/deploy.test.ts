import { describe, expect, test } from 'vitest';
import { parseConstraint } from '../../../src/compose/normalize/deploy.js';
import { describeTable, normalizeService } from './harness.js';

const base = { mode: 'replicated', labels: [] };

describeTable('deploy', (s) => s.deploy, [
  { name: 'empty mapping', yaml: 'deploy: {}', expected: base },
  { name: 'mode global', yaml: 'deploy:\n  mode: global', expected: { ...base, mode: 'global' } },
  { name: 'mode replicated-job', yaml: 'deploy:\n  mode: replicated-job', expected: { ...base, mode: 'replicated-job' } },
  { name: 'replicas', yaml: 'deploy:\n  replicas: 3', expected: { ...base, replicas: 3 } },
  { name: 'replicas as a string (interpolated)', yaml: 'deploy:\n  replicas: "2"', expected: { ...base, replicas: 2 } },
  { name: 'labels as a list', yaml: 'deploy:\n  labels: ["a=1", "b"]', expected: { ...base, labels: [{ key: 'a', value: '1' }, { key: 'b', value: '' }] } },
  { name: 'labels as a map', yaml: 'deploy:\n  labels:\n    a: 1', expected: { ...base, labels: [{ key: 'a', value: '1' }] } },
  {
    name: 'resources limits and reservations',
    yaml: "deploy:\n  resources:\n    limits:\n      cpus: '0.50'\n      memory: 50M\n      pids: 1\n    reservations:\n      cpus: 0.25\n      memory: 20M",
    expected: { ...base, resources: { limits: { cpus: 0.5, memory: 50 * 1024 ** 2, pids: 1 }, reservations: { cpus: 0.25, memory: 20 * 1024 ** 2, devices: [] } } },
  },
  {
    name: 'GPU device reservation',
    yaml: 'deploy:\n  resources:\n    reservations:\n      devices:\n        - driver: nvidia\n          count: 1\n          capabilities: [gpu]',
    expected: { ...base, resources: { reservations: { devices: [{ capabilities: ['gpu'], driver: 'nvidia', count: 1, deviceIds: [] }] } } },
  },
  {
    name: 'device count all, device_ids, options',
    yaml: 'deploy:\n  resources:\n    reservations:\n      devices:\n        - capabilities: [gpu, utility]\n          count: all\n          device_ids: ["0", "3"]\n          options:\n            virtualization: false',
    expected: { ...base, resources: { reservations: { devices: [{ capabilities: ['gpu', 'utility'], count: 'all', deviceIds: ['0', '3'], options: [{ key: 'virtualization', value: 'false' }] }] } } },
  },
  {
    name: 'restart_policy',
    yaml: 'deploy:\n  restart_policy:\n    condition: on-failure\n    delay: 5s\n    max_attempts: 3\n    window: 120s',
    expected: { ...base, restartPolicy: { condition: 'on-failure', delay: 5000, maxAttempts: 3, window: 120_000 } },
  },
  {
    name: 'update_config',
    yaml: 'deploy:\n  update_config:\n    parallelism: 2\n    delay: 10s\n    failure_action: rollback\n    monitor: 1m\n    max_failure_ratio: 0.3\n    order: start-first',
    expected: { ...base, updateConfig: { parallelism: 2, delay: 10_000, failureAction: 'rollback', monitor: 60_000, maxFailureRatio: 0.3, order: 'start-first' } },
  },
  { name: 'rollback_config', yaml: 'deploy:\n  rollback_config:\n    parallelism: 0\n    order: stop-first', expected: { ...base, rollbackConfig: { parallelism: 0, order: 'stop-first' } } },
  {
    name: 'placement constraints, preferences, max_replicas_per_node',
    yaml: 'deploy:\n  placement:\n    constraints:\n      - node.labels.zone == east\n      - node.role!=manager\n    preferences:\n      - spread: node.labels.zone\n    max_replicas_per_node: 1',
    expected: {
      ...base,
      placement: {
        constraints: [
          { field: 'node.labels.zone', operator: '==', value: 'east' },
          { field: 'node.role', operator: '!=', value: 'manager' },
        ],
        preferences: [{ value: { spread: 'node.labels.zone' } }],
        maxReplicasPerNode: 1,
      },
    },
  },
  { name: 'endpoint_mode', yaml: 'deploy:\n  endpoint_mode: dnsrr', expected: { ...base, endpointMode: 'dnsrr' } },
  { name: 'bad mode', yaml: 'deploy:\n  mode: daemon', expected: base, diagnostics: ['compose/invalid-value@2:9'] },
  { name: 'negative replicas', yaml: 'deploy:\n  replicas: -1', expected: base, diagnostics: ['compose/invalid-value@2:13'] },
  { name: 'fractional replicas', yaml: 'deploy:\n  replicas: 1.5', expected: base, diagnostics: ['compose/invalid-value@2:13'] },
  { name: 'bad constraint', yaml: 'deploy:\n  placement:\n    constraints: ["node.role"]', expected: { ...base, placement: { constraints: [], preferences: [] } }, diagnostics: ['compose/invalid-value@3:19'] },
  { name: 'bad memory', yaml: 'deploy:\n  resources:\n    limits:\n      memory: big', expected: { ...base, resources: { limits: {} } }, diagnostics: ['compose/invalid-value@4:15'] },
  { name: 'bad device count', yaml: 'deploy:\n  resources:\n    reservations:\n      devices:\n        - capabilities: [gpu]\n          count: some', expected: { ...base, resources: { reservations: { devices: [{ capabilities: ['gpu'], deviceIds: [] }] } } }, diagnostics: ['compose/invalid-value@6:18'] },
  { name: 'max_failure_ratio above 1', yaml: 'deploy:\n  update_config:\n    max_failure_ratio: 2', expected: { ...base, updateConfig: {} }, diagnostics: ['compose/invalid-value@3:24'] },
]);

describe('deploy: constraints and keys', () => {
  test.each([
    ['node.hostname==web-1', { field: 'node.hostname', operator: '==', value: 'web-1' }],
    ['  node.platform.os  ==  linux ', { field: 'node.platform.os', operator: '==', value: 'linux' }],
    ['engine.labels.x != y z', { field: 'engine.labels.x', operator: '!=', value: 'y z' }],
    ['node.role', undefined],
    ['==x', undefined],
    ['node.role==', undefined],
  ])('parseConstraint(%j)', (text, expected) => {
    expect(parseConstraint(text)).toEqual(expected);
  });

  test('nested elements keep their own key spans', () => {
    const { service } = normalizeService('deploy:\n  resources:\n    limits:\n      cpus: "1"\n  x-team: a');
    expect(Object.keys(service.deploy!.keys)).toEqual(['resources', 'x-team']);
    expect(Object.keys(service.deploy!.resources!.limits!.keys)).toEqual(['cpus']);
    expect(service.deploy!.extensions).toEqual({ 'x-team': { value: 'a', span: expect.any(Object) } });
  });
});
