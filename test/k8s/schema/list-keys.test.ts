import { describe, expect, test } from 'vitest';
import { listMapKeys } from '../../../src/k8s/schema/index.js';

const podSpec = ['spec', 'template', 'spec'];

describe('listMapKeys', () => {
  test.each([
    ['containers by name', 'apps/v1', 'Deployment', [...podSpec, 'containers'], { type: 'map', keys: ['name'] }],
    ['init containers by name', 'apps/v1', 'StatefulSet', [...podSpec, 'initContainers'], { type: 'map', keys: ['name'] }],
    ['container ports by port and protocol', 'apps/v1', 'Deployment', [...podSpec, 'containers', 'ports'], { type: 'map', keys: ['containerPort', 'protocol'] }],
    ['env by name', 'apps/v1', 'DaemonSet', [...podSpec, 'containers', 'env'], { type: 'map', keys: ['name'] }],
    ['volumes by name', 'apps/v1', 'Deployment', [...podSpec, 'volumes'], { type: 'map', keys: ['name'] }],
    ['volume mounts by mount path', 'apps/v1', 'Deployment', [...podSpec, 'containers', 'volumeMounts'], { type: 'map', keys: ['mountPath'] }],
    ['tolerations: atomic (the definition declares nothing)', 'apps/v1', 'Deployment', [...podSpec, 'tolerations'], { type: 'atomic' }],
    ['command: atomic', 'v1', 'Pod', ['spec', 'containers', 'command'], { type: 'atomic' }],
    ['Service ports by port and protocol', 'v1', 'Service', ['spec', 'ports'], { type: 'map', keys: ['port', 'protocol'] }],
    ['CronJob containers', 'batch/v1', 'CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers'], { type: 'map', keys: ['name'] }],
    ['finalizers: a set', 'v1', 'ConfigMap', ['metadata', 'finalizers'], { type: 'set' }],
    ['owner references by uid', 'v1', 'ConfigMap', ['metadata', 'ownerReferences'], { type: 'map', keys: ['uid'] }],
    ['items of a list kind', 'apps/v1', 'DeploymentList', ['items', 'spec', 'template', 'spec', 'containers'], { type: 'map', keys: ['name'] }],
  ] as const)('%s', (_name, apiVersion, kind, path, expected) => {
    expect(listMapKeys(apiVersion, kind, path)).toEqual(expected);
  });

  test.each([
    ['not a list', 'apps/v1', 'Deployment', ['spec', 'template']],
    ['not a field', 'apps/v1', 'Deployment', ['spec', 'nope']],
    ['a custom resource', 'argoproj.io/v1alpha1', 'Rollout', ['spec', 'template', 'spec', 'containers']],
  ] as const)('undefined for %s', (_name, apiVersion, kind, path) => {
    expect(listMapKeys(apiVersion, kind, path)).toBeUndefined();
  });
});
