/**
 * STUB (owned by helper F2): named volumes → PVC (ReadWriteOnce, size from x-shipshape or --pvc-size), tmpfs and
 * shm_size → emptyDir (medium Memory, sizeLimit), bind mounts → ConfigMap / PVC / hostPath / emptyDir per
 * --bind-mounts, project-directory confinement (ctx.options.allowOutsideProject), all read through ctx.options.host.
 *
 * Contract used by index.ts:
 *   translateProjectVolumes(ctx): once per run, before any service (project-level objects, e.g. the PVC of a
 *     named volume; emit with ctx.emit — an equal object emitted twice is kept once).
 *   translateServiceVolumes(ctx, scope): once per service; returns the pod volumes, the container's
 *     volumeMounts, StatefulSet claim templates when scope.settings.controller is StatefulSet, and the
 *     ReadWriteOnce claims the pod mounts (workload.ts switches a Deployment to Recreate for those).
 *   The service keys `volumes`, `tmpfs`, `shm_size` and the top-level `volumes` are handled here: conditional
 *   drops (a bind option, `nocopy`, a driver …) are reported here; unsupported.ts lists the keys only.
 */
import type { PodContribution, ServiceScope, TranslateContext } from './context.js';

export async function translateProjectVolumes(_ctx: TranslateContext): Promise<void> {}

export async function translateServiceVolumes(_ctx: TranslateContext, _scope: ServiceScope): Promise<PodContribution> {
  return {};
}
