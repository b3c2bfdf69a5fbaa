/**
 * Deprecated and removed built-in API versions: a curated table from the Kubernetes "Deprecated API Migration
 * Guide" (kubernetes.io/docs/reference/using-api/deprecation-guide/) and, for the betas it does not list yet,
 * the API server's lifecycle metadata (`k8s:prerelease-lifecycle-gen` tags: the release whose API server warns
 * "deprecated in v1.X+, unavailable in v1.Y+"). Versions are Kubernetes minor releases, `1.25`.
 */
export interface ApiDeprecation {
  apiVersion: string;
  kind: string;
  /** The release from which the API server warns that this apiVersion is deprecated. */
  deprecatedIn: string;
  /** The first release that no longer serves it; absent when no removal is scheduled or known. */
  removedIn?: string;
  /** The apiVersion to migrate to; absent when the API has no successor (PodSecurityPolicy). */
  replacement?: string;
  /** The kind to migrate to, when it is not the same kind (v1 Endpoints → EndpointSlice). */
  replacementKind?: string;
}

type Row = readonly [apiVersion: string, kinds: readonly string[], deprecatedIn: string, removedIn: string | null, replacement: string | null];

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'];
const RBAC = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const FLOW_CONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];
const SUBJECT_ACCESS_REVIEWS = ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'];
const DRA = ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'];

const ROWS: readonly Row[] = [
  // Removed in v1.14 (alpha, no successor).
  ['admissionregistration.k8s.io/v1alpha1', ['InitializerConfiguration'], '1.14', '1.14', null],
  // Removed in v1.16.
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.9', '1.16', 'apps/v1'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.9', '1.16', 'networking.k8s.io/v1'],
  ['extensions/v1beta1', ['PodSecurityPolicy'], '1.10', '1.16', 'policy/v1beta1'],
  ['apps/v1beta1', WORKLOADS, '1.9', '1.16', 'apps/v1'],
  ['apps/v1beta2', WORKLOADS, '1.9', '1.16', 'apps/v1'],
  // Removed in v1.21 (alpha).
  ['batch/v2alpha1', ['CronJob'], '1.8', '1.21', 'batch/v1'],
  // Removed in v1.22.
  ['extensions/v1beta1', ['Ingress'], '1.14', '1.22', 'networking.k8s.io/v1'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.19', '1.22', 'networking.k8s.io/v1'],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.16', '1.22', 'admissionregistration.k8s.io/v1'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.16', '1.22', 'apiextensions.k8s.io/v1'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.19', '1.22', 'apiregistration.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.19', '1.22', 'authentication.k8s.io/v1'],
  ['authorization.k8s.io/v1beta1', SUBJECT_ACCESS_REVIEWS, '1.19', '1.22', 'authorization.k8s.io/v1'],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.19', '1.22', 'certificates.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.19', '1.22', 'coordination.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1alpha1', RBAC, '1.17', '1.22', 'rbac.authorization.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', RBAC, '1.17', '1.22', 'rbac.authorization.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.14', '1.22', 'scheduling.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'StorageClass', 'VolumeAttachment'], '1.19', '1.22', 'storage.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSINode'], '1.17', '1.22', 'storage.k8s.io/v1'],
  // Removed in v1.25.
  ['batch/v1beta1', ['CronJob'], '1.21', '1.25', 'batch/v1'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.21', '1.25', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', ['Event'], '1.22', '1.25', 'events.k8s.io/v1'],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.22', '1.25', 'autoscaling/v2'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.21', '1.25', 'policy/v1'],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.21', '1.25', null],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.22', '1.25', 'node.k8s.io/v1'],
  // Removed in v1.26, v1.27. Dynamic resource allocation alphas were redesigned: no kind-for-kind successor.
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.23', '1.26', 'autoscaling/v2'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', FLOW_CONTROL, '1.23', '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.24', '1.27', 'storage.k8s.io/v1'],
  ['resource.k8s.io/v1alpha1', ['PodScheduling', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceClass'], '1.27', '1.27', null],
  // Removed in v1.29, v1.32.
  ['flowcontrol.apiserver.k8s.io/v1beta2', FLOW_CONTROL, '1.26', '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
  ['networking.k8s.io/v1alpha1', ['ClusterCIDR'], '1.29', '1.29', null],
  ['flowcontrol.apiserver.k8s.io/v1beta3', FLOW_CONTROL, '1.29', '1.32', 'flowcontrol.apiserver.k8s.io/v1'],
  [
    'resource.k8s.io/v1alpha2',
    ['PodSchedulingContext', 'ResourceClaim', 'ResourceClaimParameters', 'ResourceClaimTemplate', 'ResourceClass', 'ResourceClassParameters', 'ResourceSlice'],
    '1.31',
    '1.31',
    null,
  ],
  // Deprecated, removal scheduled or not yet known (alphas superseded by a stable version included).
  ['scheduling.k8s.io/v1alpha1', ['PriorityClass'], '1.14', null, 'scheduling.k8s.io/v1'],
  ['node.k8s.io/v1alpha1', ['RuntimeClass'], '1.20', null, 'node.k8s.io/v1'],
  ['storage.k8s.io/v1alpha1', ['VolumeAttachment'], '1.13', null, 'storage.k8s.io/v1'],
  ['admissionregistration.k8s.io/v1beta1', ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'], '1.31', null, 'admissionregistration.k8s.io/v1'],
  ['v1', ['ComponentStatus'], '1.19', null, null],
  ['storage.k8s.io/v1beta1', ['VolumeAttributesClass'], '1.34', null, 'storage.k8s.io/v1'],
  ['networking.k8s.io/v1beta1', ['IPAddress', 'ServiceCIDR'], '1.34', null, 'networking.k8s.io/v1'],
  ['resource.k8s.io/v1beta1', DRA, '1.35', '1.38', 'resource.k8s.io/v1'],
  ['resource.k8s.io/v1beta2', DRA, '1.36', '1.39', 'resource.k8s.io/v1'],
];

/** Deprecations whose successor is another kind. */
const OTHER_KIND: readonly ApiDeprecation[] = [
  { apiVersion: 'v1', kind: 'Endpoints', deprecatedIn: '1.33', replacement: 'discovery.k8s.io/v1', replacementKind: 'EndpointSlice' },
];

/** Review kinds are requests, never stored: they have no list kind. */
const WITHOUT_LIST = new Set(['TokenReview', ...SUBJECT_ACCESS_REVIEWS]);

let table: Map<string, ApiDeprecation> | undefined;

function build(): Map<string, ApiDeprecation> {
  const out = new Map<string, ApiDeprecation>();
  const add = (d: ApiDeprecation) => {
    out.set(`${d.apiVersion} ${d.kind}`, d);
    // A list of a deprecated kind (`CronJobList`) goes with it.
    if (WITHOUT_LIST.has(d.kind)) return;
    out.set(`${d.apiVersion} ${d.kind}List`, { ...d, kind: `${d.kind}List`, ...(d.replacementKind ? { replacementKind: `${d.replacementKind}List` } : {}) });
  };
  for (const [apiVersion, kinds, deprecatedIn, removedIn, replacement] of ROWS) {
    for (const kind of kinds) {
      const d: ApiDeprecation = { apiVersion, kind, deprecatedIn };
      if (removedIn !== null) d.removedIn = removedIn;
      if (replacement !== null) d.replacement = replacement;
      add(d);
    }
  }
  for (const d of OTHER_KIND) add(d);
  return out;
}

/** The deprecation of apiVersion/kind, or `undefined` when it is current (or not a built-in API). */
export function deprecationOf(apiVersion: string, kind: string): ApiDeprecation | undefined {
  table ??= build();
  return table.get(`${apiVersion} ${kind}`);
}

/** Every entry of the table, for documentation and tests. */
export function allDeprecations(): ApiDeprecation[] {
  table ??= build();
  return [...table.values()];
}

/**
 * Where a deprecation stands in a target Kubernetes release (`1.36`, `v1.36.2`): `removed` (no longer served),
 * `deprecated` (served, with a warning), or `upcoming` (deprecated only in a later release).
 */
export function deprecationStatus(deprecation: ApiDeprecation, kubeVersion: string): 'removed' | 'deprecated' | 'upcoming' {
  if (deprecation.removedIn !== undefined && compareMinor(kubeVersion, deprecation.removedIn) >= 0) return 'removed';
  return compareMinor(kubeVersion, deprecation.deprecatedIn) >= 0 ? 'deprecated' : 'upcoming';
}

/** Compare Kubernetes releases by major and minor (`v1.25.3` vs `1.26`); unparsable versions sort first. */
export function compareMinor(a: string, b: string): number {
  const [am, an] = minorOf(a);
  const [bm, bn] = minorOf(b);
  return am - bm || an - bn;
}

function minorOf(version: string): [number, number] {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : [-1, -1];
}

/** The Kubernetes releases the table knows: from the first release it names to the last (both included). */
export function knownKubeVersions(): { min: string; max: string } {
  const releases = new Set<string>();
  for (const d of allDeprecations()) {
    releases.add(d.deprecatedIn);
    if (d.removedIn !== undefined) releases.add(d.removedIn);
  }
  const sorted = [...releases].sort(compareMinor);
  return { min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/**
 * Why a target Kubernetes version cannot be used, or `undefined` when it can: it must be a release
 * `1.MINOR` (a leading `v` is allowed) within the releases the table knows.
 */
export function kubeVersionProblem(version: string): string | undefined {
  const { min, max } = knownKubeVersions();
  if (!/^v?1\.(0|[1-9]\d?)$/.test(version)) return `expects a Kubernetes release 1.MINOR such as ${max}, not '${version}'`;
  if (compareMinor(version, min) < 0 || compareMinor(version, max) > 0) {
    return `'${version}' is outside the releases shipshape knows deprecations for (${min} to ${max})`;
  }
  return undefined;
}
