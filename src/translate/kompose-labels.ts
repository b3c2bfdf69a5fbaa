/**
 * kompose's `kompose.*` service labels read as settings, so a project written for kompose converts without
 * edits. extensions.ts merges them under x-shipshape (which wins setting by setting).
 *
 * Contract used by the core: isKomposeLabel(key) says whether a Compose label is a kompose directive.
 * Directives are consumed here and are NOT copied onto the pod as annotations. A label whose value cannot be
 * used is an error at the label; a kompose label shipshape does not honour, or an unknown `kompose.*` label, a
 * warning at the label.
 */
import type { KeyValue } from '../compose/model.js';
import type { ObjectRef } from '../diagnostics.js';
import { didYouMeanSuffix } from '../compose/did-you-mean.js';
import type { At, TranslateContext } from './context.js';
import type { AutoscalingSettings, ControllerKind, IngressSettings, ServiceType, SettingDraft, SettingName, SettingValues } from './extensions.js';
import { hostProblem, ingressPathProblem, scheduleProblem, STORAGE_QUANTITY, storageSizeProblem, subdomainProblem } from './settings-values.js';

export function isKomposeLabel(key: string): boolean {
  return key.startsWith('kompose.');
}

/** kompose's default maxReplicas when only other kompose.hpa.* labels are given. */
export const KOMPOSE_DEFAULT_MAX_REPLICAS = 3;

export interface KomposeSource {
  setting: SettingName;
  label: string;
  at: At;
}

export interface KomposeSettings {
  draft: SettingDraft;
  /** Which label gave which setting (for "x-shipshape wins" notes). */
  sources: KomposeSource[];
}

type Reader = (value: string, label: KeyValue, r: LabelReading) => void;

interface LabelReading {
  ctx: TranslateContext;
  object: ObjectRef;
  set<K extends SettingName>(name: K, value: SettingValues[K], label: KeyValue): void;
  invalid(label: KeyValue, why: string): void;
  /** The Ingress and HPA labels are gathered first and combined at the end. */
  ingress: Map<string, KeyValue>;
  hpa: Map<string, KeyValue>;
}

const lower = (v: string): string => v.trim().toLowerCase();

function oneOf<T extends string>(choices: Record<string, T>, setting: SettingName, words: string): Reader {
  return (value, label, r) => {
    const chosen = choices[lower(value)];
    if (chosen === undefined) r.invalid(label, `must be ${words}${didYouMeanSuffix(lower(value), Object.keys(choices))}`);
    else r.set(setting, chosen as never, label);
  };
}

function integer(value: string, min: number, max: number): number | undefined {
  const text = value.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

function name(setting: 'serviceAccountName' | 'volumes.storageClassName', what: string): Reader {
  return (value, label, r) => {
    const problem = subdomainProblem(value.trim(), what);
    if (problem !== undefined) r.invalid(label, problem);
    else r.set(setting, value.trim(), label);
  };
}

const gather = (group: 'ingress' | 'hpa'): Reader => (_value, label, r) => void r[group].set(label.key, label);

const CONTROLLERS: Record<string, ControllerKind> = {
  deployment: 'Deployment', daemonset: 'DaemonSet', statefulset: 'StatefulSet', job: 'Job', cronjob: 'CronJob', replicationcontroller: 'Deployment',
};
const SERVICE_TYPES: Record<string, ServiceType> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', headless: 'Headless' };

/** The labels shipshape honours. */
const READERS: Readonly<Record<string, Reader>> = {
  'kompose.service.type': oneOf(SERVICE_TYPES, 'serviceType', 'clusterip, nodeport, loadbalancer or headless'),
  'kompose.service.nodeport.port': (value, label, r) => {
    const port = integer(value, 1, 65535);
    if (port === undefined) r.invalid(label, 'must be a port number (the cluster node port range is 30000-32767 by default)');
    else r.set('nodePort', port, label);
  },
  'kompose.service.expose': gather('ingress'),
  'kompose.service.expose.tls-secret': gather('ingress'),
  'kompose.service.expose.ingress-class-name': gather('ingress'),
  'kompose.controller.type': (value, label, r) => {
    oneOf(CONTROLLERS, 'controller', 'deployment, daemonset, statefulset, job or cronjob')(value, label, r);
    if (lower(value) === 'replicationcontroller') {
      r.ctx.info('kompose/replication-controller', label.span, 'a ReplicationController is a legacy controller: a Deployment is generated instead', { object: r.object });
    }
  },
  'kompose.image-pull-policy': oneOf({ always: 'Always', ifnotpresent: 'IfNotPresent', never: 'Never' }, 'imagePullPolicy', 'Always, IfNotPresent or Never'),
  'kompose.image-pull-secret': (value, label, r) => {
    const problem = subdomainProblem(value.trim(), 'a Secret name');
    if (problem !== undefined) r.invalid(label, problem);
    else r.set('imagePullSecrets', [value.trim()], label);
  },
  'kompose.serviceaccount-name': name('serviceAccountName', 'a ServiceAccount name'),
  'kompose.volume.size': (value, label, r) => {
    const problem = storageSizeProblem(value.trim());
    if (problem !== undefined) r.invalid(label, problem);
    else r.set('volumes.size', value.trim(), label);
  },
  'kompose.volume.storage-class-name': name('volumes.storageClassName', 'a StorageClass name'),
  'kompose.hpa.replicas.min': gather('hpa'),
  'kompose.hpa.replicas.max': gather('hpa'),
  'kompose.hpa.cpu': gather('hpa'),
  'kompose.hpa.memory': gather('hpa'),
  'kompose.cronjob.schedule': (value, label, r) => {
    const problem = scheduleProblem(value);
    if (problem !== undefined) r.invalid(label, problem);
    else r.set('schedule', value.trim(), label);
  },
  'kompose.cronjob.concurrency_policy': oneOf({ allow: 'Allow', forbid: 'Forbid', replace: 'Replace' }, 'concurrencyPolicy', 'Allow, Forbid or Replace'),
  'kompose.cronjob.backoff_limit': (value, label, r) => {
    const n = integer(value, 0, 2_147_483_647);
    if (n === undefined) r.invalid(label, 'must be a whole number of retries (0 or more)');
    else r.set('backoffLimit', n, label);
  },
};

/** kompose labels shipshape knows but does not honour, with what to do instead. */
const NOT_HONOURED: Readonly<Record<string, string>> = {
  'kompose.service.group': 'to run containers in one pod, use network_mode: service:<name>',
  'kompose.service.external-traffic-policy': 'set externalTrafficPolicy on the generated Service',
  'kompose.controller.port.expose': 'host ports are not generated; use a NodePort or LoadBalancer Service (x-shipshape serviceType)',
  'kompose.volume.type': 'bind mounts follow --bind-mounts, named volumes become claims',
  'kompose.volume.sub-path': 'use volume.subpath in the long volume syntax',
  'kompose.volume.subpath': 'use volume.subpath in the long volume syntax',
  'kompose.security-context.fsgroup': 'set securityContext.fsGroup on the generated pod',
  'kompose.init.containers.name': 'init containers are generated only by --wait-for-deps',
  'kompose.init.containers.image': 'init containers are generated only by --wait-for-deps',
  'kompose.init.containers.command': 'init containers are generated only by --wait-for-deps',
  'kompose.service.suffix-lb': 'one Service is generated per service',
  'kompose.service.suffix-lb-tcp': 'one Service is generated per service',
  'kompose.service.suffix-lb-udp': 'one Service is generated per service',
};
const HEALTHCHECK_LABEL = /^kompose\.service\.healthcheck\./;

const KNOWN = [...Object.keys(READERS), ...Object.keys(NOT_HONOURED)];

/** The settings given by a service's kompose.* labels. */
export function readKomposeLabels(ctx: TranslateContext, labels: readonly KeyValue[], object: ObjectRef): KomposeSettings {
  const draft: SettingDraft = {};
  const sources: KomposeSource[] = [];
  const reading: LabelReading = {
    ctx,
    object,
    set(setting, value, label) {
      // Labels that together give one setting (the Ingress, the HPA) keep the position of the first.
      (draft as Record<string, unknown>)[setting] ??= { value, at: label.span };
      sources.push({ setting, label: label.key, at: label.span });
    },
    invalid(label, why) {
      ctx.error('kompose/invalid-value', label.span, `label '${label.key}': ${JSON.stringify(label.value)} ${why}`, { object });
    },
    ingress: new Map(),
    hpa: new Map(),
  };
  for (const label of labels) {
    if (!isKomposeLabel(label.key)) continue;
    const read = READERS[label.key];
    if (read) read(label.value, label, reading);
    else if (NOT_HONOURED[label.key] !== undefined || HEALTHCHECK_LABEL.test(label.key)) {
      const instead = NOT_HONOURED[label.key] ?? 'use a Compose healthcheck: it becomes liveness and readiness probes';
      ctx.warn('kompose/unsupported-label', label.span, `kompose label '${label.key}' is not honoured by shipshape: ${instead}`, { object });
    } else {
      const suggestion = didYouMeanSuffix(label.key, KNOWN);
      ctx.warn('kompose/unknown-label', label.span, `unknown kompose label '${label.key}'${suggestion}`, {
        object,
        ...(suggestion ? {} : { hint: 'docs/extensions.md lists the kompose labels shipshape honours' }),
      });
    }
  }
  readIngressLabels(reading);
  readHpaLabels(reading);
  return { draft, sources };
}

/** kompose.service.expose: `true`, or hosts separated by commas, each optionally with a path (`example.com/api`). */
function readIngressLabels(r: LabelReading): void {
  const expose = r.ingress.get('kompose.service.expose');
  const tls = r.ingress.get('kompose.service.expose.tls-secret');
  const className = r.ingress.get('kompose.service.expose.ingress-class-name');
  if (!expose || lower(expose.value) === 'false') {
    for (const label of [tls, className]) {
      if (label) r.ctx.warn('convert/ignored-setting', label.span, `label '${label.key}' has no effect without kompose.service.expose`, { object: r.object });
    }
    return;
  }
  const value = expose.value.trim();
  const rules: IngressSettings['rules'] = [];
  for (const item of lower(value) === 'true' ? [] : value.split(',').map((h) => h.trim()).filter((h) => h !== '')) {
    const slash = item.indexOf('/');
    const host = slash === -1 ? item : item.slice(0, slash);
    const path = slash === -1 ? '/' : item.slice(slash);
    const problem = host === 'true' ? undefined : hostProblem(host);
    if (problem !== undefined) {
      r.invalid(expose, `lists host '${host}', which ${problem}`);
      return;
    }
    const pathProblem = ingressPathProblem(path, 'Prefix');
    if (pathProblem !== undefined) {
      r.invalid(expose, `lists the path '${path}', which ${pathProblem}`);
      return;
    }
    rules.push(host === 'true' ? { path } : { host, path });
  }
  const ingress: IngressSettings = { rules: rules.length > 0 ? rules : [{ path: '/' }], pathType: 'Prefix', annotations: {}, at: expose.span };
  for (const [label, key, what] of [[tls, 'tlsSecret', 'a Secret name'], [className, 'className', 'an IngressClass name']] as const) {
    if (!label) continue;
    const problem = subdomainProblem(label.value.trim(), what);
    if (problem !== undefined) r.invalid(label, problem);
    else ingress[key] = label.value.trim();
  }
  r.set('ingress', ingress, expose);
  for (const label of [tls, className]) if (label) r.set('ingress', ingress, label);
}

/** kompose.hpa.*: min/max replicas, CPU utilisation (`80` or `80%`), memory utilisation or an average (`512Mi`). */
function readHpaLabels(r: LabelReading): void {
  if (r.hpa.size === 0) return;
  const labels = [...r.hpa.values()];
  const first = labels[0]!;
  let ok = true;
  const count = (key: string): number | undefined => {
    const label = r.hpa.get(key);
    if (!label) return undefined;
    const n = integer(label.value, 1, 2_147_483_647);
    if (n === undefined) {
      ok = false;
      r.invalid(label, 'must be a whole number of replicas (1 or more)');
    }
    return n;
  };
  const percent = (key: string): { value: number; at: At } | undefined => {
    const label = r.hpa.get(key);
    if (!label) return undefined;
    const n = integer(label.value.trim().replace(/%$/, ''), 1, 2_147_483_647);
    if (n === undefined) {
      ok = false;
      r.invalid(label, `must be a utilisation in percent (such as 80 or 80%)${key.endsWith('memory') ? ' or a memory quantity (such as 512Mi)' : ''}`);
      return undefined;
    }
    return { value: n, at: label.span };
  };
  const min = count('kompose.hpa.replicas.min');
  let max = count('kompose.hpa.replicas.max');
  const cpu = percent('kompose.hpa.cpu');
  const memoryLabel = r.hpa.get('kompose.hpa.memory');
  const memoryQuantity = memoryLabel && /[A-Za-z]$/.test(memoryLabel.value.trim()) && STORAGE_QUANTITY.test(memoryLabel.value.trim()) ? memoryLabel.value.trim() : undefined;
  const memory = memoryQuantity === undefined ? percent('kompose.hpa.memory') : undefined;
  if (!ok) return;
  if (max === undefined) {
    max = Math.max(min ?? 1, KOMPOSE_DEFAULT_MAX_REPLICAS);
    r.ctx.info('kompose/hpa-default-max', first.span, `no kompose.hpa.replicas.max: the autoscaler scales up to ${max} replicas (kompose's default)`, { object: r.object });
  }
  const hpa: AutoscalingSettings = { maxReplicas: max, at: first.span };
  if (min !== undefined) hpa.minReplicas = min;
  if (cpu) hpa.cpuUtilization = cpu;
  if (memory) hpa.memoryUtilization = memory;
  if (memoryQuantity !== undefined) hpa.memoryAverage = { value: memoryQuantity, at: memoryLabel!.span };
  for (const label of labels) r.set('autoscaling', hpa, label);
}
