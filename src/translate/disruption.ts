/**
 * A PodDisruptionBudget (policy/v1) from x-shipshape `disruptionBudget`: minAvailable or maxUnavailable, a number
 * of pods or a percentage, over the workload's own selector. A budget that allows no eviction at all (node
 * drains then wait forever) is a warning; one Kubernetes cannot apply to the controller is an error.
 *
 * Contract used by index.ts: called once per service after its workload was built (`workload` describes it).
 */
import type { JsonObject, ServiceScope, TranslateContext, WorkloadRef } from './context.js';

export function translateDisruptionBudget(ctx: TranslateContext, scope: ServiceScope, workload: WorkloadRef): void {
  const b = scope.settings.disruptionBudget;
  if (!b) return;
  if (workload.kind === 'Job' || workload.kind === 'CronJob') {
    ctx.error('convert/disruption-budget-controller', b.at, `a ${workload.kind} runs to completion; a PodDisruptionBudget protects long-running pods, so none is generated`, { object: scope.ref });
    return;
  }
  if (workload.kind === 'DaemonSet' && (b.maxUnavailable !== undefined || typeof b.minAvailable === 'string')) {
    ctx.error('convert/disruption-budget-controller', b.at, 'for the pods of a DaemonSet, a PodDisruptionBudget can only give minAvailable as a number of pods; none is generated', { object: scope.ref });
    return;
  }
  if (workload.replicas !== undefined && blocksEviction(b.minAvailable, b.maxUnavailable, workload.replicas)) {
    ctx.warn('convert/disruption-budget-blocks', b.at, `with ${workload.replicas} replica${workload.replicas === 1 ? '' : 's'}, this budget allows no pod to be evicted: draining a node waits forever`, {
      object: scope.ref,
      hint: 'run more replicas, or lower minAvailable / raise maxUnavailable',
    });
  }
  const spec: JsonObject = { selector: { matchLabels: { ...workload.selector } } };
  if (b.minAvailable !== undefined) spec.minAvailable = b.minAvailable;
  if (b.maxUnavailable !== undefined) spec.maxUnavailable = b.maxUnavailable;
  ctx.emit({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: scope.name, labels: { ...workload.selector } }, spec }, b.at);
}

/** Percentages are rounded up, as the disruption controller does. */
function pods(value: number | string, replicas: number): number {
  return typeof value === 'number' ? value : Math.ceil((Number.parseInt(value, 10) * replicas) / 100);
}

export function blocksEviction(minAvailable: number | string | undefined, maxUnavailable: number | string | undefined, replicas: number): boolean {
  if (minAvailable !== undefined) return pods(minAvailable, replicas) >= replicas;
  if (maxUnavailable !== undefined) return pods(maxUnavailable, replicas) <= 0;
  return false;
}
