/**
 * The contract every part of the converter works against.
 *
 * index.ts creates one TranslateContext per run and, for each Compose service, one ServiceScope. Parts are
 * plain functions of (ctx, scope) that
 *   - report through ctx.report / ctx.warn / ctx.info / ctx.error (never throw for bad input, never log),
 *   - add stand-alone objects (PVC, ConfigMap, Secret, Ingress, HPA, PDB, ServiceAccount) with ctx.emit,
 *   - and return a PodContribution for what they add to the service's pod (volumes, mounts, envFrom, …).
 * index.ts merges the contributions into the pod template (mergeContributions below); a part never edits
 * another part's output. Objects are plain JSON; namespaces are set by index.ts at the end (parts never set
 * metadata.namespace). serialize.ts decides key order, so parts may build objects in any key order.
 */
import type { Diagnostic, ObjectRef, RelatedLocation, Severity } from '../diagnostics.js';
import type { FileHost } from '../host.js';
import type { ComposeProject, Service } from '../compose/model.js';
import type { Span } from '../source/span.js';
import type { JsonObject } from '../k8s/object.js';
import type { ServiceSettings } from './extensions.js';

export type { JsonObject };

/** A generated Kubernetes object. */
export interface KubeObject extends JsonObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

export interface ObjectMeta extends JsonObject {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** `--bind-mounts`: what a bind mount that cannot become a ConfigMap turns into. */
export type BindMountPolicy = 'pvc' | 'hostpath' | 'configmap' | 'emptydir';
export const BIND_MOUNT_POLICIES: readonly BindMountPolicy[] = ['pvc', 'hostpath', 'configmap', 'emptydir'];

/** What the caller (the CLI, a library user) asks for. */
export interface TranslateOptions {
  /** Reads bind-mounted files, secret and config files (only inside the project unless allowOutsideProject). */
  host: FileHost;
  /** `--namespace`: a Namespace object, and metadata.namespace on every namespaced object. */
  namespace?: string;
  /** `--image-prefix REGISTRY/`: prefix of images of build-only services. */
  imagePrefix?: string;
  /** `--pvc-size` (a Kubernetes quantity); default `1Gi`. */
  pvcSize?: string;
  /** `--bind-mounts`; default `pvc`. */
  bindMounts?: BindMountPolicy;
  /** `--wait-for-deps`: an init container per dependency waits for its Service. */
  waitForDeps?: boolean;
  /** `--allow-outside-project`: files outside the project directory may be read. */
  allowOutsideProject?: boolean;
}

/** TranslateOptions with defaults applied. */
export interface ResolvedOptions {
  host: FileHost;
  namespace?: string;
  imagePrefix?: string;
  pvcSize: string;
  bindMounts: BindMountPolicy;
  waitForDeps: boolean;
  allowOutsideProject: boolean;
}

export const DEFAULT_PVC_SIZE = '1Gi';

/** Where something came from: a span, or any 1-based position. */
export type At = Span | Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>;

/** The optional parts of a diagnostic a part may add. */
export interface ReportExtras {
  hint?: string;
  related?: RelatedLocation[];
  object?: ObjectRef;
  path?: readonly (string | number)[];
}

export interface TranslateContext {
  readonly project: ComposeProject;
  readonly options: ResolvedOptions;
  /** Kubernetes name of every Compose service (by Compose name), assigned once by names.ts. */
  readonly serviceNames: ReadonlyMap<string, string>;
  /** Compose services by Compose name (an index: parts never scan the service list for one service). */
  readonly servicesByName: ReadonlyMap<string, Service>;
  /** Compose services that get a Kubernetes Service (`ports` or `expose`, and not a sidecar), by Compose name. */
  readonly exposedServices: ReadonlySet<string>;
  readonly diagnostics: Diagnostic[];
  report(severity: Severity, code: string, at: At, message: string, extras?: ReportExtras): void;
  error(code: string, at: At, message: string, extras?: ReportExtras): void;
  warn(code: string, at: At, message: string, extras?: ReportExtras): void;
  info(code: string, at: At, message: string, extras?: ReportExtras): void;
  /**
   * Add a stand-alone object. The same kind+name emitted twice with equal content is kept once (a PVC
   * shared by two services); with different content it is a `convert/name-collision` error naming both
   * origins, and the first one is kept.
   */
  emit(object: KubeObject, origin: At): void;
  /** Objects emitted so far, in emission order (index.ts orders them at the end). */
  readonly objects: readonly KubeObject[];
}

/** One Compose service being converted. */
export interface ServiceScope {
  readonly service: Service;
  /** Kubernetes name (a DNS-1035 label): workload, Service, container and derived object names start with it. */
  readonly name: string;
  /** The object diagnostics about this service name: `{ kind: 'ComposeService', name: <compose name> }`. */
  readonly ref: ObjectRef;
  /** x-shipshape and kompose.* settings (extensions.ts). */
  readonly settings: ServiceSettings;
}

/**
 * What one part adds to the pod of a service. Every field is optional; index.ts merges contributions in a
 * fixed part order (config objects, volumes, network, dependencies) with mergeContributions.
 */
export interface PodContribution {
  /** Pod `spec.volumes`. Names must be unique in the pod: the same name twice must be the same volume. */
  volumes?: JsonObject[];
  /** The service container's `volumeMounts`. */
  volumeMounts?: JsonObject[];
  /** The service container's `envFrom` (env_file ConfigMaps). `env` from `environment:` always wins over these. */
  envFrom?: JsonObject[];
  /** `env` entries placed before those of `environment:` (a later entry of the same name wins). */
  env?: JsonObject[];
  /** Pod `spec.initContainers`, in order. */
  initContainers?: JsonObject[];
  /**
   * Other pod spec fields (hostAliases, dnsConfig, hostNetwork, securityContext, affinity, …). Objects are merged
   * field by field across parts; a scalar or list set twice must agree.
   */
  podSpec?: JsonObject;
  /** Annotations and labels on the pod template (never used in selectors). */
  podAnnotations?: Record<string, string>;
  podLabels?: Record<string, string>;
  /** Annotations on the workload object (two members of a pod giving one key different values: joined with commas). */
  workloadAnnotations?: Record<string, string>;
  /** StatefulSet `spec.volumeClaimTemplates` (used only when the controller is a StatefulSet). */
  volumeClaimTemplates?: JsonObject[];
  /**
   * Names of ReadWriteOnce PVCs the pod mounts. A rolling update of a Deployment would start a new pod
   * that cannot attach them while the old one runs: workload.ts then uses Recreate, with a warning.
   */
  readWriteOnceClaims?: string[];
}

/** The merged pod of one workload. */
export interface PodParts {
  volumes: JsonObject[];
  initContainers: JsonObject[];
  podSpec: JsonObject;
  podAnnotations: Record<string, string>;
  podLabels: Record<string, string>;
  workloadAnnotations: Record<string, string>;
  volumeClaimTemplates: JsonObject[];
  readWriteOnceClaims: string[];
}

/** What index.ts knows about a workload after building it (for the HPA and the PDB). */
export interface WorkloadRef {
  apiVersion: string;
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
  name: string;
  /** The selector labels of its pods (labels.ts). */
  selector: Record<string, string>;
  /** Replicas written (undefined for DaemonSet, Job, CronJob). */
  replicas?: number;
  /** Whether every container has a CPU request (or limit) — what a CPU-utilisation HPA needs. */
  cpuRequests: boolean;
  memoryRequests: boolean;
}

/** The Service built for a Compose service (for the Ingress). */
export interface ExposedService {
  name: string;
  type: string;
  ports: { name: string; port: number; protocol: 'TCP' | 'UDP' | 'SCTP'; appProtocol?: string }[];
}

export function createContext(
  project: ComposeProject,
  options: ResolvedOptions,
  serviceNames: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[] = [],
): TranslateContext {
  const servicesByName = new Map(project.services.map((s) => [s.name, s] as const));
  // A sidecar (network_mode: service:X) gets no Service of its own, whatever it lists.
  const exposedServices = new Set(
    project.services.filter((s) => (s.ports.length > 0 || s.expose.length > 0) && !(s.networkMode ?? '').startsWith('service:')).map((s) => s.name),
  );
  const objects: KubeObject[] = [];
  // Canonical JSON is computed only when a kind+name comes back (it costs a serialisation per object).
  const byIdentity = new Map<string, { object: KubeObject; origin: At }>();
  const report = (severity: Severity, code: string, at: At, message: string, extras: ReportExtras = {}): void => {
    const d: Diagnostic = { code, severity, message, file: at.file, line: at.line, column: at.column };
    if (at.endLine !== undefined) d.endLine = at.endLine;
    if (at.endColumn !== undefined) d.endColumn = at.endColumn;
    if (extras.object) d.object = extras.object;
    if (extras.path) d.path = extras.path;
    if (extras.hint) d.hint = extras.hint;
    if (extras.related && extras.related.length > 0) d.related = extras.related;
    diagnostics.push(d);
  };
  return {
    project,
    options,
    serviceNames,
    servicesByName,
    exposedServices,
    diagnostics,
    report,
    error: (code, at, message, extras) => report('error', code, at, message, extras),
    warn: (code, at, message, extras) => report('warning', code, at, message, extras),
    info: (code, at, message, extras) => report('info', code, at, message, extras),
    emit(object, origin) {
      const key = `${object.kind}/${object.metadata.name}`;
      const seen = byIdentity.get(key);
      if (!seen) {
        byIdentity.set(key, { object, origin });
        objects.push(object);
        return;
      }
      if (canonicalJson(seen.object) === canonicalJson(object)) return;
      report('error', 'convert/name-collision', origin, `two different ${object.kind} objects would be named '${object.metadata.name}'`, {
        related: [{ message: `the first ${object.kind} '${object.metadata.name}' comes from here`, ...positionOf(seen.origin) }],
        hint: 'rename one of the Compose elements so their Kubernetes names differ',
      });
    },
    objects,
  };
}

export function positionOf(at: At): { file: string; line: number; column: number } {
  return { file: at.file, line: at.line, column: at.column };
}

/** Where a finding about a Compose service as a whole points: its name under `services:` (else its mapping). */
export function serviceAt(service: Service): Span {
  return service.nameSpan ?? service.span;
}

/** The diagnostic object of a Compose service. */
export function composeServiceRef(service: Service): ObjectRef {
  return { kind: 'ComposeService', name: service.name };
}

/** JSON with object keys sorted, for comparing generated objects. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as JsonObject).sort().map((k) => [k, (v as JsonObject)[k]]))
      : v,
  );
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merge pod spec fields; objects (securityContext, dnsConfig …) field by field; a field set twice must agree. */
function mergeFields(ctx: TranslateContext, at: At, into: JsonObject, from: JsonObject, prefix: string): void {
  for (const [field, value] of Object.entries(from)) {
    const seen = into[field];
    if (seen === undefined) into[field] = isPlainObject(value) ? { ...value } : value;
    else if (isPlainObject(seen) && isPlainObject(value)) mergeFields(ctx, at, seen, value, `${prefix}${field}.`);
    else if (canonicalJson(seen) !== canonicalJson(value)) {
      ctx.error('convert/pod-conflict', at, `containers of one pod need different values for the pod field '${prefix}${field}'`);
    }
  }
}

/**
 * Merge the contributions of the members of one pod (in order). Volumes with the same name are kept once
 * when equal; a different volume under a name already used, or a pod spec field set to two different
 * values (objects are merged field by field), is reported as an error on `at` (a part broke the naming
 * contract or two sidecars disagree).
 */
export function mergeContributions(ctx: TranslateContext, at: At, contributions: readonly PodContribution[]): PodParts {
  const parts: PodParts = {
    volumes: [],
    initContainers: [],
    podSpec: {},
    podAnnotations: {},
    podLabels: {},
    workloadAnnotations: {},
    volumeClaimTemplates: [],
    readWriteOnceClaims: [],
  };
  const volumeByName = new Map<string, string>();
  const initByName = new Set<string>();
  for (const c of contributions) {
    for (const volume of c.volumes ?? []) {
      const name = String(volume.name);
      const canonical = canonicalJson(volume);
      const seen = volumeByName.get(name);
      if (seen === undefined) {
        volumeByName.set(name, canonical);
        parts.volumes.push(volume);
      } else if (seen !== canonical) {
        ctx.error('convert/name-collision', at, `two different pod volumes would be named '${name}'`);
      }
    }
    for (const init of c.initContainers ?? []) {
      const name = String(init.name);
      if (initByName.has(name)) continue;
      initByName.add(name);
      parts.initContainers.push(init);
    }
    mergeFields(ctx, at, parts.podSpec, c.podSpec ?? {}, '');
    Object.assign(parts.podAnnotations, c.podAnnotations);
    Object.assign(parts.podLabels, c.podLabels);
    for (const [key, value] of Object.entries(c.workloadAnnotations ?? {})) {
      const seen = parts.workloadAnnotations[key];
      parts.workloadAnnotations[key] = seen === undefined || seen === value ? value : `${seen},${value}`;
    }
    parts.volumeClaimTemplates.push(...(c.volumeClaimTemplates ?? []));
    for (const claim of c.readWriteOnceClaims ?? []) if (!parts.readWriteOnceClaims.includes(claim)) parts.readWriteOnceClaims.push(claim);
  }
  return parts;
}
