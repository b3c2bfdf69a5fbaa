/** Whether a kind lives in a namespace: the API definitions' `scope`, with a reviewed table for the gaps. */
import { groupOf } from '../object.js';
import { deprecationOf } from '../deprecations.js';
import { builtinGroups, resourceOf } from './resources.js';

/**
 * Cluster-scoped built-in kinds by API group (`''` = core), for every version: the bundle's `scope` is missing
 * for some kinds (review APIs, lists) and for versions older than v1.21 (`extensions/v1beta1`, `apps/v1beta2`).
 * Reviewed against `kubectl api-resources` (NAMESPACED = false) and the bundle's `scope: Cluster` entries
 * (test/k8s/schema/scope.test.ts checks the two agree).
 */
const CLUSTER_SCOPED: Readonly<Record<string, readonly string[]>> = {
  '': ['ComponentStatus', 'Namespace', 'Node', 'NodeProxyOptions', 'PersistentVolume'],
  'admissionregistration.k8s.io': [
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
    'MutatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'ValidatingWebhookConfiguration',
  ],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'authentication.k8s.io': ['SelfSubjectReview', 'TokenReview'],
  'authorization.k8s.io': ['SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  extensions: ['PodSecurityPolicy'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'internal.apiserver.k8s.io': ['StorageVersion'],
  'networking.k8s.io': ['ClusterCIDR', 'IPAddress', 'IngressClass', 'ServiceCIDR'],
  'node.k8s.io': ['RuntimeClass'],
  policy: ['PodSecurityPolicy'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'resource.k8s.io': ['DeviceClass', 'DeviceTaintRule', 'ResourceClass', 'ResourcePoolStatusRequest', 'ResourceSlice'],
  'scheduling.k8s.io': ['PriorityClass'],
  'storage.k8s.io': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment', 'VolumeAttributesClass'],
  'storagemigration.k8s.io': ['StorageVersionMigration'],
};

let clusterScoped: Set<string> | undefined;

function isClusterScoped(group: string, kind: string): boolean {
  clusterScoped ??= new Set(Object.entries(CLUSTER_SCOPED).flatMap(([g, kinds]) => kinds.map((k) => `${g}/${k}`)));
  return clusterScoped.has(`${group}/${kind}`);
}

/**
 * `Cluster` or `Namespaced` for a built-in kind (any version, including removed ones); `undefined` for lists
 * (`DeploymentList`), which are not stored, and for custom resources, whose scope only their CRD knows.
 */
export function resourceScope(apiVersion: string, kind: string): 'Namespaced' | 'Cluster' | undefined {
  const known = resourceOf(apiVersion, kind)?.[1];
  if (known) return known;
  const group = groupOf(apiVersion);
  if (isClusterScoped(group, kind)) return 'Cluster';
  if (kind.endsWith('List') && kind.length > 4) return undefined;
  // Another version of a built-in kind (apps/v1beta2 Deployment), or a removed API the deprecation table knows.
  if (builtinGroups().get(group)?.kinds.has(kind) || deprecationOf(apiVersion, kind)) return 'Namespaced';
  return undefined;
}

/** The reviewed table, for its consistency test. */
export const clusterScopedKinds: Readonly<Record<string, readonly string[]>> = CLUSTER_SCOPED;
