import { describe, expect, test } from 'vitest';
import { isBuiltinKind, resourceScope } from '../../../src/k8s/schema/index.js';
import { clusterScopedKinds } from '../../../src/k8s/schema/scope.js';
import { resourceTable } from '../../../src/k8s/schema/generated.js';
import { groupOf } from '../../../src/k8s/object.js';

describe('resourceScope', () => {
  test.each([
    ['v1', 'Namespace', 'Cluster'],
    ['v1', 'Node', 'Cluster'],
    ['v1', 'PersistentVolume', 'Cluster'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'Cluster'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'Cluster'],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'Cluster'],
    ['storage.k8s.io/v1', 'StorageClass', 'Cluster'],
    ['networking.k8s.io/v1', 'IngressClass', 'Cluster'],
    ['authorization.k8s.io/v1', 'SubjectAccessReview', 'Cluster'],
    ['extensions/v1beta1', 'PodSecurityPolicy', 'Cluster'],
    ['apps/v1', 'Deployment', 'Namespaced'],
    ['v1', 'Service', 'Namespaced'],
    ['v1', 'PersistentVolumeClaim', 'Namespaced'],
    ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'Namespaced'],
    ['authorization.k8s.io/v1', 'LocalSubjectAccessReview', 'Namespaced'],
    ['policy/v1', 'Eviction', 'Namespaced'],
    ['apps/v1beta2', 'Deployment', 'Namespaced'],
    ['extensions/v1beta1', 'Deployment', 'Namespaced'],
    ['apps/v1', 'DeploymentList', undefined],
    ['cert-manager.io/v1', 'ClusterIssuer', undefined],
    ['apps/v1', 'NoSuchKind', undefined],
  ])('%s %s → %s', (apiVersion, kind, scope) => {
    expect(resourceScope(apiVersion, kind)).toBe(scope);
  });

  test("the reviewed table agrees with every scope the API definitions state", () => {
    const disagreements: string[] = [];
    for (const [apiVersion, byKind] of Object.entries(resourceTable())) {
      for (const [kind, [, scope]] of Object.entries(byKind)) {
        const listed = clusterScopedKinds[groupOf(apiVersion)]?.includes(kind) ?? false;
        if ((scope === 'Cluster') !== listed && scope !== '') disagreements.push(`${apiVersion} ${kind}: ${scope}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('isBuiltinKind', () => {
  test.each([
    ['apps/v1', 'Deployment', true],
    ['v1', 'ConfigMap', true],
    ['batch/v1beta1', 'CronJob', true],
    ['apps/v1', 'Deploymnet', false],
    ['argoproj.io/v1alpha1', 'Rollout', false],
    ['v1', 'Status', false],
  ])('%s %s → %s', (apiVersion, kind, expected) => {
    expect(isBuiltinKind(apiVersion, kind)).toBe(expected);
  });
});
