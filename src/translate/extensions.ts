/**
 * A service's settings for what Compose cannot say: its `x-shipshape` block (x-shipshape-block.ts, validated by
 * schemas/x-shipshape.schema.json with positioned errors) merged with kompose's `kompose.*` labels
 * (kompose-labels.ts). x-shipshape wins setting by setting; a kompose label it overrides gets an info.
 *
 * Contract used by the core (index.ts, workload.ts, service.ts, container.ts, volumes.ts):
 *   readServiceSettings(ctx, service) is called once per service, before any other part, and never throws.
 *   A setting that cannot be applied is reported here (with its position) and left out; the parts that build
 *   objects (ingress.ts, autoscaling.ts, disruption.ts) report what only they can check.
 */
import type { Service } from '../compose/model.js';
import type { At, TranslateContext } from './context.js';
import { composeServiceRef } from './context.js';
import { readXShipshapeBlock, X_SHIPSHAPE } from './x-shipshape-block.js';
import { readKomposeLabels } from './kompose-labels.js';

export type ControllerKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Headless';
export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export type PathType = 'Prefix' | 'Exact' | 'ImplementationSpecific';
export type ConcurrencyPolicy = 'Allow' | 'Forbid' | 'Replace';

export interface ServiceSettings {
  /** Controller kind requested explicitly (x-shipshape `controller`, kompose.controller.type); `at` = where. */
  controller?: { kind: ControllerKind; at: At };
  /** CronJob schedule (required when controller is CronJob; workload.ts reports its absence). */
  schedule?: { value: string; at: At };
  /** CronJob `concurrencyPolicy` (x-shipshape `concurrencyPolicy`, kompose.cronjob.concurrency_policy). */
  concurrencyPolicy?: { value: ConcurrencyPolicy; at: At };
  /** Job / CronJob `backoffLimit` (x-shipshape `backoffLimit`, kompose.cronjob.backoff_limit); wins over restart's. */
  backoffLimit?: { value: number; at: At };
  /** Kubernetes Service type; `Headless` = ClusterIP with `clusterIP: None`. Default ClusterIP. */
  serviceType?: ServiceType;
  /** nodePort for the first Service port (NodePort/LoadBalancer only). */
  nodePort?: number;
  /** Extra labels/annotations: on the Service object; on the pod template (never part of selectors). */
  serviceLabels: Record<string, string>;
  serviceAnnotations: Record<string, string>;
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  /** Pod `imagePullSecrets` names. */
  imagePullSecrets: string[];
  /** Overrides the policy derived from `pull_policy`. */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** Pod `serviceAccountName`. */
  serviceAccountName?: string;
  /**
   * Claims for this service's named volumes and PVC bind mounts (x-shipshape `volumes`, kompose.volume.size,
   * kompose.volume.storage-class-name). Read by volumes.ts; `--pvc-size` and ReadWriteOnce are the defaults.
   */
  volumeClaim?: VolumeClaimSettings;
  /** An Ingress to the service's Service (ingress.ts). */
  ingress?: IngressSettings;
  /** A HorizontalPodAutoscaler for the workload (autoscaling.ts). */
  autoscaling?: AutoscalingSettings;
  /** A PodDisruptionBudget for the workload's pods (disruption.ts). */
  disruptionBudget?: DisruptionBudgetSettings;
}

export interface VolumeClaimSettings {
  size?: { value: string; at: At };
  storageClassName?: { value: string; at: At };
  accessModes?: { value: AccessMode[]; at: At };
}

export interface IngressSettings {
  /** One rule per host (`host` undefined: every host), each with its path. */
  rules: { host?: string; path: string }[];
  pathType: PathType;
  /** The Service port, by number or name; default the first TCP port. */
  port?: { value: number | string; at: At };
  tlsSecret?: string;
  className?: string;
  annotations: Record<string, string>;
  at: At;
}

export interface AutoscalingSettings {
  minReplicas?: number;
  maxReplicas: number;
  /** Target average utilisation in percent of the request. */
  cpuUtilization?: { value: number; at: At };
  memoryUtilization?: { value: number; at: At };
  /** Target average memory use per pod, a quantity (kompose.hpa.memory written as `512Mi`). */
  memoryAverage?: { value: string; at: At };
  at: At;
}

export interface DisruptionBudgetSettings {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  at: At;
}

/** Every setting either source can give, by name: what the two readers produce and the merge works on. */
export interface SettingValues {
  controller: ControllerKind;
  schedule: string;
  concurrencyPolicy: ConcurrencyPolicy;
  backoffLimit: number;
  serviceType: ServiceType;
  nodePort: number;
  ingress: IngressSettings;
  autoscaling: AutoscalingSettings;
  disruptionBudget: DisruptionBudgetSettings;
  imagePullSecrets: string[];
  imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  serviceAccountName: string;
  'volumes.size': string;
  'volumes.storageClassName': string;
  'volumes.accessModes': AccessMode[];
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  serviceLabels: Record<string, string>;
  serviceAnnotations: Record<string, string>;
}

export type SettingName = keyof SettingValues;
/** Settings read from one source, each with where it was given. */
export type SettingDraft = { [K in SettingName]?: { value: SettingValues[K]; at: At } };

export function emptySettings(): ServiceSettings {
  return { serviceLabels: {}, serviceAnnotations: {}, podLabels: {}, podAnnotations: {}, imagePullSecrets: [] };
}

/** x-shipshape + kompose.* labels of one service. Never throws; problems are diagnostics. */
export function readServiceSettings(ctx: TranslateContext, service: Service): ServiceSettings {
  const ref = composeServiceRef(service);
  const block = service.extensions[X_SHIPSHAPE];
  const fromBlock = block ? readXShipshapeBlock(ctx, block, ref) : {};
  const fromLabels = readKomposeLabels(ctx, service.labels, ref);
  const draft: SettingDraft = { ...fromBlock };
  for (const source of fromLabels.sources) {
    const winner = fromBlock[source.setting];
    if (winner) {
      ctx.info('kompose/overridden', source.at, `label '${source.label}' is ignored: x-shipshape ${source.setting} wins`, {
        object: ref,
        related: [{ message: `x-shipshape ${source.setting} is set here`, file: winner.at.file, line: winner.at.line, column: winner.at.column }],
      });
    }
  }
  for (const name of Object.keys(fromLabels.draft) as SettingName[]) {
    if (draft[name] === undefined) (draft as Record<string, unknown>)[name] = fromLabels.draft[name];
  }
  checkCombinations(ctx, service, draft);
  return settingsOf(draft);
}

function settingsOf(d: SettingDraft): ServiceSettings {
  const s = emptySettings();
  if (d.controller) s.controller = { kind: d.controller.value, at: d.controller.at };
  if (d.schedule) s.schedule = { ...d.schedule };
  if (d.concurrencyPolicy) s.concurrencyPolicy = { ...d.concurrencyPolicy };
  if (d.backoffLimit) s.backoffLimit = { ...d.backoffLimit };
  if (d.serviceType) s.serviceType = d.serviceType.value;
  if (d.nodePort) s.nodePort = d.nodePort.value;
  if (d.ingress) s.ingress = d.ingress.value;
  if (d.autoscaling) s.autoscaling = d.autoscaling.value;
  if (d.disruptionBudget) s.disruptionBudget = d.disruptionBudget.value;
  if (d.imagePullSecrets) s.imagePullSecrets = [...d.imagePullSecrets.value];
  if (d.imagePullPolicy) s.imagePullPolicy = d.imagePullPolicy.value;
  if (d.serviceAccountName) s.serviceAccountName = d.serviceAccountName.value;
  if (d.podLabels) s.podLabels = { ...d.podLabels.value };
  if (d.podAnnotations) s.podAnnotations = { ...d.podAnnotations.value };
  if (d.serviceLabels) s.serviceLabels = { ...d.serviceLabels.value };
  if (d.serviceAnnotations) s.serviceAnnotations = { ...d.serviceAnnotations.value };
  const claim: VolumeClaimSettings = {};
  if (d['volumes.size']) claim.size = { ...d['volumes.size'] };
  if (d['volumes.storageClassName']) claim.storageClassName = { ...d['volumes.storageClassName'] };
  if (d['volumes.accessModes']) claim.accessModes = { ...d['volumes.accessModes'] };
  if (Object.keys(claim).length > 0) s.volumeClaim = claim;
  return s;
}

/** Settings of one object of the pod, meaningless on a sidecar (it joins another service's pod). */
const POD_SETTINGS: readonly SettingName[] = [
  'controller', 'schedule', 'concurrencyPolicy', 'backoffLimit', 'serviceType', 'nodePort', 'ingress', 'autoscaling',
  'disruptionBudget', 'imagePullSecrets', 'serviceAccountName', 'podLabels', 'podAnnotations', 'serviceLabels', 'serviceAnnotations',
];
const SERVICE_OBJECT_SETTINGS: readonly SettingName[] = ['serviceType', 'nodePort', 'serviceLabels', 'serviceAnnotations'];

/** Settings that only make sense together; what cannot apply is reported and removed from the draft. */
function checkCombinations(ctx: TranslateContext, service: Service, d: SettingDraft): void {
  const object = composeServiceRef(service);
  const drop = (name: SettingName, why: string): void => {
    const at = d[name]?.at;
    if (!at) return;
    ctx.warn('convert/ignored-setting', at, `${name} is ignored: ${why}`, { object });
    delete d[name];
  };
  const sidecarOf = service.networkMode?.startsWith('service:') ? service.networkMode.slice('service:'.length) : undefined;
  if (sidecarOf !== undefined) {
    for (const name of POD_SETTINGS) drop(name, `the service runs in the pod of '${sidecarOf}' (network_mode: service:${sidecarOf}); set it on '${sidecarOf}'`);
    return;
  }
  if (d.schedule && !d.controller) d.controller = { value: 'CronJob', at: d.schedule.at };
  const controller = d.controller?.value;
  if (controller !== undefined && controller !== 'CronJob') {
    drop('schedule', `only a CronJob has a schedule, and the controller is a ${controller}`);
    drop('concurrencyPolicy', `only a CronJob has a concurrency policy, and the controller is a ${controller}`);
  }
  if (controller === undefined) drop('concurrencyPolicy', 'only a CronJob has a concurrency policy (give a schedule)');
  if (controller !== undefined && controller !== 'Job' && controller !== 'CronJob') drop('backoffLimit', `only a Job or CronJob has a backoff limit, and the controller is a ${controller}`);
  if (controller === undefined && !runsAsJob(service)) drop('backoffLimit', 'only a Job or CronJob has a backoff limit, and the service runs as a long-lived workload');
  const type = d.serviceType?.value ?? 'ClusterIP';
  if (type !== 'NodePort' && type !== 'LoadBalancer') drop('nodePort', `only a NodePort or LoadBalancer Service has node ports, and the Service type is ${type}`);
  if (!ctx.exposedServices.has(service.name)) {
    for (const name of SERVICE_OBJECT_SETTINGS) drop(name, 'the service gets no Kubernetes Service (it has no ports or expose)');
  }
  if (!service.volumes.some((v) => v.type === 'volume' || v.type === 'bind')) {
    for (const name of ['volumes.size', 'volumes.storageClassName', 'volumes.accessModes'] as const) drop(name, 'the service mounts no volume that becomes a claim');
  }
  const scaling = d.autoscaling?.value;
  if (scaling?.minReplicas !== undefined && scaling.minReplicas > scaling.maxReplicas) {
    ctx.error('convert/autoscaling-range', scaling.at, `autoscaling minReplicas (${scaling.minReplicas}) is above maxReplicas (${scaling.maxReplicas}); no HorizontalPodAutoscaler is generated`, { object });
    delete d.autoscaling;
  }
  const budget = d.disruptionBudget?.value;
  if (budget && (budget.minAvailable === undefined) === (budget.maxUnavailable === undefined)) {
    ctx.error('convert/disruption-budget', budget.at, `disruptionBudget needs exactly one of minAvailable and maxUnavailable; no PodDisruptionBudget is generated`, { object });
    delete d.disruptionBudget;
  }
}

/** Whether the core makes the service a Job without being asked (restart: no / on-failure, job modes). */
function runsAsJob(service: Service): boolean {
  const mode = service.deploy?.mode;
  if (mode === 'replicated-job' || mode === 'global-job') return true;
  if (mode === 'global') return false;
  const condition = service.deploy?.restartPolicy?.condition;
  if (condition !== undefined) return condition !== 'any';
  return service.restart?.policy === 'no' || service.restart?.policy === 'on-failure';
}
