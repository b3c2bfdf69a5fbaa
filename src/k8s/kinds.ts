/**
 * Kind groups and what shipshape knows about built-in kinds without the schemas: which are
 * cluster-scoped (the fallback when the schema table cannot tell), which are workloads.
 */
import type { KindGroup } from '../lint/rule.js';
import { podTemplatesOf, type ManifestObject } from './object.js';

/** Workload kinds (the `@workloads` group). */
export const workloadKinds: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Pod',
]);

/** Workloads whose `spec.selector` must select their own template (a label selector object). */
export const selectorWorkloadKinds: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** Workloads with a `spec.replicas` field that defaults to 1. */
export const replicatedKinds: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/**
 * Built-in cluster-scoped kinds (the fallback when the schema table does not know a kind). Kinds of
 * `List` wrappers, kubectl/kustomize configuration and the like are not objects and are not listed.
 */
export const clusterScopedKinds: ReadonlySet<string> = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterTrustBundle',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'DeviceClass',
  'FlowSchema',
  'IngressClass',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectReview',
  'SelfSubjectRulesReview',
  'StorageClass',
  'StorageVersion',
  'StorageVersionMigration',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
  'VolumeAttributesClass',
  // Common CRDs from well-known projects.
  'ClusterIssuer',
  'ClusterPolicy',
  'ClusterSecretStore',
  'GatewayClass',
]);

export type Scope = 'Namespaced' | 'Cluster';

/** Resolves the scope of a kind; `undefined` when unknown. */
export type ScopeResolver = (apiVersion: string, kind: string) => Scope | undefined;

/** The built-in fallback: cluster-scoped if listed above, else namespaced. */
export function fallbackScope(_apiVersion: string, kind: string): Scope {
  return clusterScopedKinds.has(kind) ? 'Cluster' : 'Namespaced';
}

/** Whether an object belongs to a kind group. */
export function inKindGroup(object: ManifestObject, group: KindGroup): boolean {
  switch (group) {
    case '@all':
      return true;
    case '@workloads':
      return workloadKinds.has(object.kind);
    case '@pod-templates':
      return podTemplatesOf(object).length > 0;
  }
}

export function isKindGroup(key: string): key is KindGroup {
  return key === '@all' || key === '@workloads' || key === '@pod-templates';
}
