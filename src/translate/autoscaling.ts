/**
 * STUB (owned by helper F2): a HorizontalPodAutoscaler (autoscaling/v2) from x-shipshape / kompose.hpa.* settings.
 *
 * Contract used by index.ts: called once per service after its workload was built (`workload` describes it).
 */
import type { ServiceScope, TranslateContext, WorkloadRef } from './context.js';

export function translateAutoscaling(_ctx: TranslateContext, _scope: ServiceScope, _workload: WorkloadRef): void {}
