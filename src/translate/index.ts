/**
 * translate/: a loaded Compose project → Kubernetes objects, plus diagnostics for everything that could not be
 * carried over. Pure: files are read only through options.host; nothing here logs, exits or throws on input.
 *
 * Order of work (each step a module; see context.ts for the contract between them):
 *   names        Kubernetes name of every service (collisions are errors)
 *   unsupported  every key of the model nobody handles → a warning naming file:line:column and why
 *   project      project-level objects: PVCs of named volumes, Secrets/ConfigMaps of secrets/configs (F2)
 *   per pod      a service and its `network_mode: service:X` sidecars: settings (extensions), container,
 *                config objects, volumes, network, dependencies → pod template → workload → Service →
 *                Ingress, HPA, PDB
 *   namespace    `--namespace`: a Namespace and metadata.namespace everywhere
 *   order        kubectl-apply order
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { ComposeProject } from '../compose/model.js';
import type { Span } from '../source/span.js';
import { translateAutoscaling } from './autoscaling.js';
import { translateProjectConfigObjects, translateServiceConfigObjects } from './config-objects.js';
import { buildContainer } from './container.js';
import {
  composeServiceRef,
  createContext,
  DEFAULT_PVC_SIZE,
  mergeContributions,
  serviceAt,
  type KubeObject,
  type PodContribution,
  type ResolvedOptions,
  type ServiceScope,
  type TranslateContext,
  type TranslateOptions,
} from './context.js';
import { translateDependencies } from './dependencies.js';
import { translateDisruptionBudget } from './disruption.js';
import { readServiceSettings } from './extensions.js';
import { translateIngress } from './ingress.js';
import { projectLabels } from './labels.js';
import { assignServiceNames } from './names.js';
import { groupPods, translateNetwork } from './network.js';
import { orderObjects } from './order.js';
import { buildService, planPorts } from './service.js';
import { reportUnhandledKeys } from './unsupported.js';
import { translateProjectVolumes, translateServiceVolumes } from './volumes.js';
import { storageSizeProblem } from './settings-values.js';
import { buildWorkload } from './workload.js';

export type { TranslateOptions, KubeObject } from './context.js';

export interface TranslateResult {
  /** In `kubectl apply` order. */
  objects: KubeObject[];
  /** Sorted (file, line, column). */
  diagnostics: Diagnostic[];
}

/**
 * The options with their defaults. An invalid option is the caller's bug (the CLI checks its flags first,
 * src/cli/convert-options.ts): a RangeError, not a diagnostic, since it has no place in a file.
 */
export function resolveOptions(options: TranslateOptions): ResolvedOptions {
  const sizeProblem = options.pvcSize === undefined ? undefined : storageSizeProblem(options.pvcSize);
  if (sizeProblem !== undefined) throw new RangeError(`translateProject: pvcSize '${options.pvcSize}' ${sizeProblem}`);
  const resolved: ResolvedOptions = {
    host: options.host,
    pvcSize: options.pvcSize ?? DEFAULT_PVC_SIZE,
    bindMounts: options.bindMounts ?? 'pvc',
    waitForDeps: options.waitForDeps ?? false,
    allowOutsideProject: options.allowOutsideProject ?? false,
  };
  if (options.namespace !== undefined) resolved.namespace = options.namespace;
  if (options.imagePrefix !== undefined) resolved.imagePrefix = options.imagePrefix;
  return resolved;
}

export async function translateProject(project: ComposeProject, options: TranslateOptions): Promise<TranslateResult> {
  const diagnostics: Diagnostic[] = [];
  const serviceNames = assignServiceNames(project.services, {
    error: (code, at, message, extras) => diagnostics.push({ code, severity: 'error', message, ...position(at), ...extras }),
    info: (code, at, message, extras) => diagnostics.push({ code, severity: 'info', message, ...position(at), ...extras }),
  });
  const ctx = createContext(project, resolveOptions(options), serviceNames, diagnostics);

  reportUnhandledKeys(ctx);
  await translateProjectVolumes(ctx);
  await translateProjectConfigObjects(ctx);

  const scopes = new Map<string, ServiceScope>();
  for (const service of project.services) {
    scopes.set(service.name, {
      service,
      name: serviceNames.get(service.name)!,
      ref: composeServiceRef(service),
      settings: readServiceSettings(ctx, service),
    });
  }
  for (const pod of groupPods(ctx, project.services)) {
    await translatePod(
      ctx,
      pod.map((s) => scopes.get(s.name)!),
    );
  }

  const objects = applyNamespace(ctx, [...ctx.objects]);
  return { objects: orderObjects(objects), diagnostics: sortDiagnostics(ctx.diagnostics) };
}

/** One pod: a service (first) and the services that join its network namespace as sidecars. */
async function translatePod(ctx: TranslateContext, members: ServiceScope[]): Promise<void> {
  const primary = members[0]!;
  const containers = [];
  const contributions: PodContribution[] = [];
  const plans = new Map<string, ReturnType<typeof planPorts>>();
  const memberNames = new Set(members.map((m) => m.service.name));
  for (const scope of members) {
    const ports = planPorts(ctx, scope);
    plans.set(scope.service.name, ports);
    const config = await translateServiceConfigObjects(ctx, scope);
    const volumes = await translateServiceVolumes(ctx, scope);
    const network = translateNetwork(ctx, scope, scope === primary);
    const dependencies = translateDependencies(ctx, scope, memberNames);
    const built = buildContainer(ctx, scope, ports, [config, volumes]);
    containers.push(built.container);
    contributions.push(config, volumes, network, dependencies, built.pod);
  }
  const parts = mergeContributions(ctx, serviceAt(primary.service), contributions);
  const workload = buildWorkload(ctx, primary, containers, parts);
  const exposed = buildService(ctx, primary, plans.get(primary.service.name)!, workload);
  for (const scope of members.slice(1)) {
    ctx.info('convert/sidecar', scope.service.keys.network_mode ?? scope.service.span, `service '${scope.service.name}' runs as a second container in the pod of '${primary.service.name}' (network_mode: service:${primary.service.name})`, { object: scope.ref });
    reportSidecarScaling(ctx, scope, primary);
    if (workload.kind === 'Job' || workload.kind === 'CronJob') {
      ctx.warn('convert/sidecar-in-job', scope.service.keys.network_mode ?? scope.service.span, `service '${scope.service.name}' runs in the pod of ${workload.kind} '${workload.name}', which completes only when every container has exited: '${scope.service.name}' must exit on its own too`, {
        object: scope.ref,
        hint: 'make the sidecar exit when the job is done, or give it a pod of its own (remove network_mode: service:…)',
      });
    }
    // A sidecar's ports are served by the pod's Service only in Compose's own terms: report, do not expose.
    if (plans.get(scope.service.name)!.servicePorts.length > 0) {
      ctx.warn('convert/sidecar-ports', scope.service.keys.ports ?? scope.service.span, `service '${scope.service.name}' joins the pod of '${primary.service.name}' (network_mode: service:${primary.service.name}); its ports are not given a Service of their own`, { object: scope.ref });
    }
  }
  translateIngress(ctx, primary, exposed);
  translateAutoscaling(ctx, primary, workload);
  translateDisruptionBudget(ctx, primary, workload);
}

/**
 * A sidecar's `deploy.replicas`, `scale` and `deploy.mode` are dropped: the pod, and so its count and
 * controller, is the primary's. A warning at each key that asks for something else; an info when it agrees.
 */
function reportSidecarScaling(ctx: TranslateContext, scope: ServiceScope, primary: ServiceScope): void {
  const { service } = scope;
  const host = primary.service;
  const hostReplicas = host.deploy?.replicas ?? host.scale ?? 1;
  const hostMode = host.deploy?.mode ?? 'replicated';
  const asked: { at: Span | undefined; key: string; value: string | number; hostValue: string | number }[] = [
    { at: service.deploy?.keys.replicas, key: 'deploy.replicas', value: service.deploy?.replicas ?? 1, hostValue: hostReplicas },
    { at: service.keys.scale, key: 'scale', value: service.scale ?? 1, hostValue: hostReplicas },
    { at: service.deploy?.keys.mode, key: 'deploy.mode', value: service.deploy?.mode ?? 'replicated', hostValue: hostMode },
  ];
  for (const { at, key, value, hostValue } of asked) {
    if (at === undefined) continue;
    const same = value === hostValue;
    const what = key === 'deploy.mode' ? `the pod's controller comes from '${host.name}' (deploy.mode: ${hostMode})` : `the pod's replicas come from '${host.name}' (${hostReplicas})`;
    ctx.report(same ? 'info' : 'warning', 'convert/sidecar-replicas', at, `'${key}: ${value}' of '${service.name}' is dropped: it runs in the pod of '${host.name}' (network_mode: service:${host.name}), and ${what}`, {
      object: scope.ref,
      ...(same ? {} : { hint: `set it on '${host.name}', or give '${service.name}' a pod of its own (no network_mode: service:)` }),
    });
  }
}

/** `--namespace`: a Namespace object first, and the namespace on every (namespaced) generated object. */
function applyNamespace(ctx: TranslateContext, objects: KubeObject[]): KubeObject[] {
  const namespace = ctx.options.namespace;
  if (namespace === undefined) return objects;
  for (const object of objects) if (object.kind !== 'Namespace') object.metadata.namespace = namespace;
  return [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: projectLabels(ctx.project.name) } }, ...objects];
}

function position(at: { file: string; line: number; column: number; endLine?: number; endColumn?: number }) {
  const out: { file: string; line: number; column: number; endLine?: number; endColumn?: number } = { file: at.file, line: at.line, column: at.column };
  if (at.endLine !== undefined) out.endLine = at.endLine;
  if (at.endColumn !== undefined) out.endColumn = at.endColumn;
  return out;
}
