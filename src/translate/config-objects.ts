/**
 * STUB (owned by helper F2): env_file → ConfigMap + envFrom (the service's `environment:` wins: the core writes
 * it as `env`, which Kubernetes applies over envFrom); secrets (file, environment, external) → Secret mounted at
 * the Compose target with subPath, mode → defaultMode; configs (file, content, environment) → ConfigMap.
 *
 * Contract used by index.ts:
 *   translateProjectConfigObjects(ctx): once per run, before any service: the Secret/ConfigMap objects of the
 *     top-level `secrets:`/`configs:` that services use (ctx.emit).
 *   translateServiceConfigObjects(ctx, scope): once per service: the env_file ConfigMap(s) (ctx.emit) and the
 *     pod volumes, volumeMounts and envFrom entries.
 *   Handles the service keys `env_file`, `secrets`, `configs` and the top-level `secrets`, `configs`.
 *   Secret values must never appear in diagnostics.
 */
import type { PodContribution, ServiceScope, TranslateContext } from './context.js';

export async function translateProjectConfigObjects(_ctx: TranslateContext): Promise<void> {}

export async function translateServiceConfigObjects(_ctx: TranslateContext, _scope: ServiceScope): Promise<PodContribution> {
  return {};
}
