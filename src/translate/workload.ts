/**
 * The controller of a service's pod. Deployment by default; DaemonSet for `deploy.mode: global`; Job for
 * `restart: "no"`, `restart: on-failure[:N]`, `deploy.restart_policy.condition: none|on-failure` and the job
 * modes; StatefulSet, CronJob (or any other) when x-shipshape / kompose asks. Replicas are always written for
 * Deployments and StatefulSets. update_config → rolling update parameters; a Deployment that mounts a
 * ReadWriteOnce claim uses Recreate (with a warning), since a surge pod could not attach it on another node.
 * Counts beyond what Kubernetes accepts (int32) are errors at their Compose key, and the field is left out. A retry
 * count of 0 (`on-failure:0`, `max_attempts: 0`) is unlimited to Docker: backoffLimit is left out, with a warning.
 */
import type { Service, UpdateConfig } from '../compose/model.js';
import { positionOf, serviceAt, type At, type JsonObject, type KubeObject, type PodParts, type ServiceScope, type TranslateContext, type WorkloadRef } from './context.js';
import type { ControllerKind } from './extensions.js';
import { checkedNumber, COUNT_INT32 } from './int-range.js';
import { isLabelValue, isQualifiedName, selectorLabels } from './labels.js';
import { governingServiceName, MAX_POD_OWNER_NAME, toDnsLabel } from './names.js';
import { probeSeconds } from './probes.js';
import { wantsHeadlessService } from './service.js';

export const JOB_DEFAULT_BACKOFF = 6;

export interface ControllerChoice {
  kind: ControllerKind;
  /** Job restart policy and retries, for Job and CronJob. */
  restartPolicy?: 'Never' | 'OnFailure';
  backoffLimit?: number;
  /** The Compose key that set backoffLimit, when one did (shipshape's defaults need no range check). */
  backoffFrom?: ValueSource;
  /** A retry count of 0, which Docker and Swarm read as unlimited: backoffLimit is left at Kubernetes' default. */
  unlimitedFrom?: { written: string; at: At };
  /** replicated-job: completions = parallelism = replicas. */
  completions?: number;
}

/** The Compose key a number comes from: its name as written, and where it is. */
interface ValueSource {
  key: string;
  at: At;
}

export function replicasOf(service: Service): number {
  return service.deploy?.replicas ?? service.scale ?? 1;
}

/** The replica count for `field`, or undefined (with an error) when Kubernetes cannot hold it. */
function checkedReplicas(ctx: TranslateContext, scope: ServiceScope, field: string): number | undefined {
  const { service } = scope;
  const fromDeploy = service.deploy?.replicas !== undefined;
  const at = (fromDeploy ? service.deploy?.keys.replicas : service.keys.scale) ?? service.span;
  return checkedNumber(ctx, scope, { key: fromDeploy ? 'deploy.replicas' : 'scale', at, field, value: replicasOf(service), range: COUNT_INT32 });
}

/** Which controller runs the service, and the job parameters when it is a Job. */
export function chooseController(ctx: TranslateContext, scope: ServiceScope): ControllerChoice {
  const { service, settings } = scope;
  const job = jobPolicyOf(service);
  const mode = service.deploy?.mode ?? 'replicated';
  const requested = settings.controller?.kind;
  if (requested !== undefined) {
    if ((requested === 'Job' || requested === 'CronJob') && job === undefined) return { kind: requested, restartPolicy: 'OnFailure', backoffLimit: JOB_DEFAULT_BACKOFF };
    if (requested !== 'Job' && requested !== 'CronJob' && job !== undefined) {
      const policy = service.deploy?.restartPolicy;
      const at = (policy?.condition !== undefined ? (policy.keys.condition ?? service.deploy?.keys.restart_policy) : service.keys.restart) ?? serviceAt(service);
      ctx.warn('convert/restart-policy', at, `a ${requested} always restarts its containers; the service's restart policy is dropped`, { object: scope.ref });
    }
    return { kind: requested, ...job };
  }
  if (mode === 'global') return { kind: 'DaemonSet' };
  const jobDefaults = { restartPolicy: 'OnFailure', backoffLimit: JOB_DEFAULT_BACKOFF, ...job } as const;
  if (mode === 'replicated-job') return { kind: 'Job', ...jobDefaults, completions: replicasOf(service) };
  if (mode === 'global-job') {
    ctx.warn('convert/global-job', service.deploy?.keys.mode ?? service.span, "'mode: global-job' runs once per node in Swarm; a Kubernetes Job runs it once", { object: scope.ref });
    return { kind: 'Job', ...jobDefaults };
  }
  if (job !== undefined) return { kind: 'Job', ...job };
  const maxAttempts = service.deploy?.restartPolicy?.keys.max_attempts;
  if (maxAttempts) ctx.warn('convert/dropped-key', maxAttempts, "'max_attempts' is dropped: the pods of a Deployment are always restarted", { object: scope.ref });
  return { kind: 'Deployment' };
}

/** A job policy when the service does not restart forever; deploy.restart_policy wins over `restart`. */
function jobPolicyOf(service: Service): Pick<ControllerChoice, 'restartPolicy' | 'backoffLimit' | 'backoffFrom' | 'unlimitedFrom'> | undefined {
  const policy = service.deploy?.restartPolicy;
  const condition = policy?.condition;
  if (condition === 'none') return { restartPolicy: 'Never', backoffLimit: 0 };
  if (condition === 'on-failure') {
    if (policy?.maxAttempts === undefined) return { restartPolicy: 'OnFailure', backoffLimit: JOB_DEFAULT_BACKOFF };
    const backoffFrom = { key: 'deploy.restart_policy.max_attempts', at: policy.keys.max_attempts ?? policy.span };
    if (policy.maxAttempts === 0) return { restartPolicy: 'OnFailure', unlimitedFrom: { written: 'max_attempts: 0', at: backoffFrom.at } };
    return { restartPolicy: 'OnFailure', backoffLimit: policy.maxAttempts, backoffFrom };
  }
  if (condition === 'any') return undefined;
  const restart = service.restart;
  if (restart?.policy === 'no') return { restartPolicy: 'Never', backoffLimit: 0 };
  if (restart?.policy === 'on-failure') {
    if (restart.maxRetries === undefined) return { restartPolicy: 'OnFailure', backoffLimit: JOB_DEFAULT_BACKOFF };
    if (restart.maxRetries === 0) return { restartPolicy: 'OnFailure', unlimitedFrom: { written: 'restart: on-failure:0', at: restart.span } };
    return { restartPolicy: 'OnFailure', backoffLimit: restart.maxRetries, backoffFrom: { key: 'restart', at: service.keys.restart ?? restart.span } };
  }
  return undefined;
}

/** backoffLimit, or undefined (with an error) when the Compose value that set it is out of range. */
function checkedBackoff(ctx: TranslateContext, scope: ServiceScope, choice: ControllerChoice): number | undefined {
  // x-shipshape backoffLimit / kompose.cronjob.backoff_limit wins over restart's (already range-checked).
  if (scope.settings.backoffLimit !== undefined) return scope.settings.backoffLimit.value;
  if (choice.unlimitedFrom) {
    const { written, at } = choice.unlimitedFrom;
    ctx.warn('convert/unlimited-retries', at, `'${written}' means unlimited retries to Docker, which a Job cannot express: backoffLimit is left out, Kubernetes' default (${JOB_DEFAULT_BACKOFF} retries)`, {
      object: scope.ref,
      hint: 'give the number of retries (x-shipshape backoffLimit sets the Job\'s), or run it as a Deployment (restart: always) if it must never give up',
    });
    return undefined;
  }
  const value = choice.backoffLimit ?? JOB_DEFAULT_BACKOFF;
  if (!choice.backoffFrom) return value;
  return checkedNumber(ctx, scope, { ...choice.backoffFrom, field: 'backoffLimit', value, range: COUNT_INT32 });
}

/** Build and emit the workload for a pod whose first member is `scope`; `containers` are the pod's containers. */
export function buildWorkload(ctx: TranslateContext, scope: ServiceScope, containers: JsonObject[], parts: PodParts): WorkloadRef {
  const { service, settings } = scope;
  const choice = chooseController(ctx, scope);
  const selector = selectorLabels(ctx.project.name, scope.name);

  const podSpec: JsonObject = { containers };
  if (parts.initContainers.length > 0) podSpec.initContainers = parts.initContainers;
  if (parts.volumes.length > 0) podSpec.volumes = parts.volumes;
  Object.assign(podSpec, parts.podSpec);
  if (choice.restartPolicy !== undefined) podSpec.restartPolicy = choice.restartPolicy;
  // Compose injects no variables about other services; Kubernetes would add <NAME>_PORT=tcp://… ones that
  // clash with the application's own (REDIS_PORT, …). Kept only when a container refers to one (static-addresses.ts).
  podSpec.enableServiceLinks ??= false;
  if (settings.serviceAccountName !== undefined) podSpec.serviceAccountName = settings.serviceAccountName;
  else podSpec.automountServiceAccountToken = false;
  if (settings.imagePullSecrets.length > 0) podSpec.imagePullSecrets = settings.imagePullSecrets.map((name) => ({ name }));

  const templateMeta: JsonObject = { labels: { ...settings.podLabels, ...parts.podLabels, ...selector } };
  const podAnnotations = { ...parts.podAnnotations, ...settings.podAnnotations };
  if (Object.keys(podAnnotations).length > 0) templateMeta.annotations = podAnnotations;
  const template = { metadata: templateMeta, spec: podSpec };

  const name = workloadName(ctx, scope, choice.kind);
  const metadata: KubeObject['metadata'] = { name, labels: { ...selector } };
  const annotations: Record<string, string> = { ...parts.workloadAnnotations };
  for (const kv of service.deploy?.labels ?? []) {
    if (kv.key in selector) {
      ctx.warn('convert/selector-label', kv.span, `deploy label '${kv.key}' would change the selector labels and is dropped`, { object: scope.ref });
    } else if (isQualifiedName(kv.key) && isLabelValue(kv.value)) {
      metadata.labels![kv.key] = kv.value;
    } else if (isQualifiedName(kv.key)) {
      ctx.info('convert/label-as-annotation', kv.span, `the value of deploy label '${kv.key}' is not a valid label value; it becomes an annotation`, { object: scope.ref });
      annotations[kv.key] = kv.value;
    } else {
      ctx.warn('convert/invalid-label', kv.span, `'${kv.key}' is not a valid Kubernetes label key and is dropped`, { object: scope.ref });
    }
  }
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;

  const ref: WorkloadRef = {
    apiVersion: choice.kind === 'Job' || choice.kind === 'CronJob' ? 'batch/v1' : 'apps/v1',
    kind: choice.kind,
    name,
    selector,
    cpuRequests: containers.every((c) => hasResource(c, 'cpu')),
    memoryRequests: containers.every((c) => hasResource(c, 'memory')),
  };
  const spec: JsonObject = {};
  switch (choice.kind) {
    case 'Deployment':
    case 'StatefulSet': {
      const replicas = checkedReplicas(ctx, scope, 'replicas');
      if (replicas !== undefined) {
        ref.replicas = replicas;
        // With an HPA, a written replica count would reset the autoscaled count on every `kubectl apply`:
        // the count becomes the HPA's minReplicas (autoscaling.ts) instead.
        if (settings.autoscaling === undefined) spec.replicas = replicas;
        // A count of 0 does not become the minimum (autoscaling.ts warns and uses 1).
        else if (replicas > 0) reportReplicasToAutoscaler(ctx, scope);
      }
      spec.selector = { matchLabels: { ...selector } };
      if (choice.kind === 'StatefulSet') {
        // The governing Service must be headless (service.ts makes one next to the service's own).
        if (ctx.exposedServices.has(service.name)) spec.serviceName = wantsHeadlessService(scope) ? scope.name : governingServiceName(scope.name);
        if (parts.volumeClaimTemplates.length > 0) spec.volumeClaimTemplates = parts.volumeClaimTemplates;
      }
      Object.assign(spec, rolloutOf(ctx, scope, choice.kind, parts));
      spec.template = template;
      break;
    }
    case 'DaemonSet':
      reportIgnoredReplicas(ctx, scope, 'a DaemonSet runs one pod per node');
      spec.selector = { matchLabels: { ...selector } };
      Object.assign(spec, rolloutOf(ctx, scope, 'DaemonSet', parts));
      spec.template = template;
      break;
    case 'Job': {
      const backoffLimit = checkedBackoff(ctx, scope, choice);
      if (backoffLimit !== undefined) spec.backoffLimit = backoffLimit;
      if (choice.completions !== undefined) {
        const completions = checkedReplicas(ctx, scope, 'completions');
        if (completions !== undefined) {
          spec.completions = completions;
          spec.parallelism = completions;
        }
      } else reportIgnoredReplicas(ctx, scope, 'a Job runs its pod to completion once');
      reportIgnoredUpdateConfig(ctx, scope);
      spec.template = template;
      break;
    }
    case 'CronJob': {
      reportIgnoredReplicas(ctx, scope, 'a CronJob starts one Job per schedule');
      reportIgnoredUpdateConfig(ctx, scope);
      if (settings.schedule === undefined) {
        ctx.error('convert/cronjob-schedule', settings.controller?.at ?? service.span, 'a CronJob needs a schedule (x-shipshape schedule, or the kompose.cronjob.schedule label)', { object: scope.ref });
      }
      spec.schedule = settings.schedule?.value ?? '';
      if (settings.concurrencyPolicy !== undefined) spec.concurrencyPolicy = settings.concurrencyPolicy.value;
      const backoffLimit = checkedBackoff(ctx, scope, choice);
      spec.jobTemplate = { spec: { ...(backoffLimit !== undefined ? { backoffLimit } : {}), template } };
      break;
    }
  }
  ctx.emit({ apiVersion: ref.apiVersion, kind: choice.kind, metadata, spec }, serviceAt(service));
  return ref;
}

/** The workload's name: the service's, shortened (with a hash) where the kind allows fewer characters. */
function workloadName(ctx: TranslateContext, scope: ServiceScope, kind: ControllerKind): string {
  if ((kind !== 'StatefulSet' && kind !== 'CronJob') || scope.name.length <= MAX_POD_OWNER_NAME) return scope.name;
  const name = toDnsLabel(scope.name, { startWithLetter: true, maxLength: MAX_POD_OWNER_NAME });
  ctx.warn('convert/name-shortened', serviceAt(scope.service), `the ${kind} is named '${name}': a ${kind} name has at most ${MAX_POD_OWNER_NAME} characters (its ${kind === 'CronJob' ? 'Jobs' : "pods' revision label"} add 11)${ctx.exposedServices.has(scope.service.name) ? `; its Service keeps the name '${scope.name}'` : ''}`, {
    object: scope.ref,
    hint: 'give the service a shorter name to keep one name for everything',
  });
  return name;
}

function reportReplicasToAutoscaler(ctx: TranslateContext, scope: ServiceScope): void {
  const { service } = scope;
  const at = service.deploy?.keys.replicas ?? service.keys.scale;
  if (at) ctx.info('convert/replicas-to-autoscaler', at, 'the replica count is not written on the workload: its HorizontalPodAutoscaler owns it (the count is the HPA minimum unless x-shipshape autoscaling sets one)', { object: scope.ref });
}

function hasResource(container: JsonObject, resource: string): boolean {
  const r = container.resources as { requests?: Record<string, string>; limits?: Record<string, string> } | undefined;
  return r?.requests?.[resource] !== undefined || r?.limits?.[resource] !== undefined;
}

function reportIgnoredReplicas(ctx: TranslateContext, scope: ServiceScope, why: string): void {
  const { service } = scope;
  const at = service.deploy?.keys.replicas ?? service.keys.scale;
  if (at && replicasOf(service) !== 1) ctx.warn('convert/dropped-key', at, `the replica count is dropped: ${why}`, { object: scope.ref });
}

function reportIgnoredUpdateConfig(ctx: TranslateContext, scope: ServiceScope): void {
  const at = scope.service.deploy?.keys.update_config;
  if (at) ctx.info('convert/dropped-key', at, "'update_config' is dropped: Jobs are not rolled out", { object: scope.ref });
}

/** `x` as an int-or-percent rollout value: 0 parallelism means "all at once". */
function amount(parallelism: number | undefined): number | string {
  const p = parallelism ?? 1;
  return p === 0 ? '100%' : p;
}

/** strategy / updateStrategy and minReadySeconds. */
function rolloutOf(ctx: TranslateContext, scope: ServiceScope, kind: 'Deployment' | 'StatefulSet' | 'DaemonSet', parts: PodParts): JsonObject {
  const update = scope.service.deploy?.updateConfig;
  const out: JsonObject = {};
  if (update?.monitor !== undefined && update.monitor > 0) {
    const at = update.keys.monitor ?? update.span;
    const seconds = checkedNumber(ctx, scope, { key: 'deploy.update_config.monitor', at, field: 'minReadySeconds', value: probeSeconds(update.monitor), range: COUNT_INT32, unit: 'seconds' });
    if (seconds !== undefined) out.minReadySeconds = seconds;
  }
  // stop-first with no surge (update_config's own default) stops an old pod before starting its
  // replacement, so a ReadWriteOnce claim is free again: that rolling update cannot hang.
  const rolling = update && (kind === 'Deployment' || kind === 'DaemonSet') ? rollingOf(ctx, scope, update) : undefined;
  if (kind === 'Deployment' && parts.readWriteOnceClaims.length > 0 && rolling?.maxSurge !== 0) {
    // At what asks for a surge pod (update_config's order), else at the mounts of the claims; the mounts related.
    const { service } = scope;
    const mounts = service.keys.volumes;
    const at = update ? (update.keys.order ?? service.deploy?.keys.update_config ?? update.span) : (mounts ?? serviceAt(service));
    ctx.warn('convert/recreate-strategy', at, `the pod mounts ReadWriteOnce claim(s) ${parts.readWriteOnceClaims.map((c) => `'${c}'`).join(', ')}: a rolling update could start the new pod on a node that cannot attach them, so the Deployment uses Recreate (the service is down during an update)`, {
      object: scope.ref,
      ...(update && mounts ? { related: [{ message: 'the volumes it mounts', ...positionOf(mounts) }] } : {}),
      hint: "give deploy.update_config with order: stop-first (a rolling update that stops an old pod first), use a StatefulSet (x-shipshape controller), or a ReadWriteMany storage class to keep rolling updates",
    });
    out.strategy = { type: 'Recreate' };
    return out;
  }
  if (!update) return out;
  if (kind === 'Deployment' || kind === 'DaemonSet') {
    const strategy = { type: 'RollingUpdate', ...(rolling ? { rollingUpdate: rolling } : {}) };
    if (kind === 'Deployment') out.strategy = strategy;
    else out.updateStrategy = strategy;
  } else if (update.parallelism !== undefined && update.parallelism !== 1) {
    ctx.info('convert/dropped-key', update.keys.parallelism ?? update.span, "'parallelism' is dropped: a StatefulSet updates one pod at a time", { object: scope.ref });
  }
  return out;
}

/**
 * start-first: surge by `parallelism`, none unavailable; stop-first (Compose's default): the reverse.
 * Undefined (Kubernetes's defaults) when `parallelism` is beyond the int32 an int-or-percent holds.
 */
function rollingOf(ctx: TranslateContext, scope: ServiceScope, update: UpdateConfig): JsonObject | undefined {
  const field = update.order === 'start-first' ? 'maxSurge' : 'maxUnavailable';
  if (update.parallelism !== undefined) {
    const at = update.keys.parallelism ?? update.span;
    if (checkedNumber(ctx, scope, { key: 'deploy.update_config.parallelism', at, field, value: update.parallelism, range: COUNT_INT32 }) === undefined) return undefined;
  }
  const n = amount(update.parallelism);
  return field === 'maxSurge' ? { maxSurge: n, maxUnavailable: 0 } : { maxSurge: 0, maxUnavailable: n };
}
