/**
 * A HorizontalPodAutoscaler (autoscaling/v2) from x-shipshape `autoscaling` or kompose.hpa.* labels, targeting
 * the service's Deployment or StatefulSet. Targets: average CPU and memory utilisation (percent of the request),
 * or an average memory value; none given: 80% CPU, Kubernetes' own default, written out. A utilisation target
 * needs every container to request that resource: a warning says so when one does not. minReplicas is at least 1
 * (the API server refuses 0): a replica count of 0 as the default minimum becomes 1, with a warning at the count.
 *
 * Contract used by index.ts: called once per service after its workload was built (`workload` describes it).
 */
import type { JsonObject, ServiceScope, TranslateContext, WorkloadRef } from './context.js';

/** Kubernetes' target when an autoscaler names no metric. */
export const DEFAULT_CPU_UTILIZATION = 80;

export function translateAutoscaling(ctx: TranslateContext, scope: ServiceScope, workload: WorkloadRef): void {
  const a = scope.settings.autoscaling;
  if (!a) return;
  if (workload.kind !== 'Deployment' && workload.kind !== 'StatefulSet') {
    ctx.error('convert/autoscaling-controller', a.at, `a ${workload.kind} cannot be scaled by a HorizontalPodAutoscaler (only a Deployment or StatefulSet); none is generated`, {
      object: scope.ref,
      hint: workload.kind === 'DaemonSet' ? 'a DaemonSet runs one pod per node; remove the autoscaling settings' : 'a Job runs to completion; remove the autoscaling settings',
    });
    return;
  }
  const replicas = workload.replicas ?? 1;
  let min = a.minReplicas ?? Math.min(replicas, a.maxReplicas);
  if (min < 1) {
    // Only a replica count of 0 gets here: an explicit minReplicas of 0 is refused where it is read.
    const service = scope.service;
    const at = (service.deploy?.replicas !== undefined ? service.deploy.keys.replicas : service.keys.scale) ?? a.at;
    ctx.warn('convert/autoscaling-min-replicas', at, `the service asks for 0 replicas, but a HorizontalPodAutoscaler's minReplicas must be at least 1 (Kubernetes refuses 0): the autoscaler keeps at least 1 replica`, {
      object: scope.ref,
      hint: 'an autoscaled workload runs at least 1 replica; remove the autoscaling settings to keep it at 0',
    });
    min = 1;
  } else if (replicas < min || replicas > a.maxReplicas) {
    ctx.info('convert/autoscaling-replicas', a.at, `the service asks for ${replicas} replica${replicas === 1 ? '' : 's'}, outside the autoscaler's range: it keeps the ${workload.kind} between ${min} and ${a.maxReplicas}`, { object: scope.ref });
  }
  const metrics: JsonObject[] = [];
  const utilization = (resource: 'cpu' | 'memory', value: number): JsonObject => ({
    type: 'Resource',
    resource: { name: resource, target: { type: 'Utilization', averageUtilization: value } },
  });
  const cpu = a.cpuUtilization?.value ?? (a.memoryUtilization || a.memoryAverage ? undefined : DEFAULT_CPU_UTILIZATION);
  if (cpu !== undefined) metrics.push(utilization('cpu', cpu));
  if (a.memoryUtilization) metrics.push(utilization('memory', a.memoryUtilization.value));
  if (a.memoryAverage) metrics.push({ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: a.memoryAverage.value } } });
  const missing = (resource: string, at: typeof a.at, field: string): void =>
    ctx.warn('convert/autoscaling-requests', at, `a ${resource} utilisation target is a percentage of the containers' ${resource} requests, and not every container of '${scope.service.name}' has one: the autoscaler cannot compute it and does not scale`, {
      object: scope.ref,
      hint: `set deploy.resources.reservations.${field} (or limits) on every container of the pod`,
    });
  if (cpu !== undefined && !workload.cpuRequests) missing('CPU', a.cpuUtilization?.at ?? a.at, 'cpus');
  if (a.memoryUtilization && !workload.memoryRequests) missing('memory', a.memoryUtilization.at, 'memory');
  const spec: JsonObject = {
    scaleTargetRef: { apiVersion: workload.apiVersion, kind: workload.kind, name: workload.name },
    minReplicas: min,
    maxReplicas: a.maxReplicas,
    metrics,
  };
  ctx.emit({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: scope.name, labels: { ...workload.selector } }, spec }, a.at);
}
