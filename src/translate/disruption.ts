/**
 * STUB (owned by helper F2): a PodDisruptionBudget (policy/v1) from x-shipshape settings.
 *
 * Contract used by index.ts: called once per service after its workload was built (`workload` describes it).
 */
import type { ServiceScope, TranslateContext, WorkloadRef } from './context.js';

export function translateDisruptionBudget(_ctx: TranslateContext, _scope: ServiceScope, _workload: WorkloadRef): void {}
