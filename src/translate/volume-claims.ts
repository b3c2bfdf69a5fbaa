/**
 * PersistentVolumeClaims: of named volumes (one per volume, shared by the services that mount it) and of
 * bind mounts turned into claims (`--bind-mounts pvc`). Size, storage class and access modes come from the
 * mounting service's settings (x-shipshape `volumes`, kompose.volume.* labels: scope.settings.volumeClaim),
 * else `--pvc-size` (default 1Gi) and ReadWriteOnce.
 *
 * A claim mounted by several services keeps the settings of the first one; another service that asks for
 * different ones gets a warning (two claims of one name cannot both be written). Under a StatefulSet
 * (x-shipshape / kompose controller) a claim only that service uses becomes a volumeClaimTemplate instead:
 * each replica then gets its own claim, which is what a StatefulSet is asked for.
 */
import type { AccessMode } from './extensions.js';
import type { At, JsonObject, KubeObject, ServiceScope, TranslateContext } from './context.js';
import type { MountOptions, PodVolumes } from './volume-pod.js';

export interface ClaimSpec {
  accessModes: AccessMode[];
  size: string;
  storageClassName?: string;
}

/** The claim settings of a service. */
export function claimSpecOf(ctx: TranslateContext, scope: ServiceScope): ClaimSpec {
  const settings = scope.settings.volumeClaim;
  const spec: ClaimSpec = {
    accessModes: settings?.accessModes?.value ?? ['ReadWriteOnce'],
    size: settings?.size?.value ?? ctx.options.pvcSize,
  };
  if (settings?.storageClassName) spec.storageClassName = settings.storageClassName.value;
  return spec;
}

function claimSpecFields(spec: ClaimSpec): JsonObject {
  const out: JsonObject = { accessModes: [...spec.accessModes], resources: { requests: { storage: spec.size } } };
  if (spec.storageClassName !== undefined) out.storageClassName = spec.storageClassName;
  return out;
}

export function claimObject(name: string, labels: Record<string, string>, spec: ClaimSpec): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, labels: { ...labels } }, spec: claimSpecFields(spec) };
}

/** A StatefulSet `volumeClaimTemplates` entry. */
export function claimTemplate(name: string, labels: Record<string, string>, spec: ClaimSpec): JsonObject {
  return { metadata: { name, labels: { ...labels } }, spec: claimSpecFields(spec) };
}

/** Whether the claim can be attached to one node only (a Deployment then updates with Recreate). */
export function isReadWriteOnce(spec: ClaimSpec): boolean {
  return spec.accessModes.every((m) => m === 'ReadWriteOnce' || m === 'ReadWriteOncePod');
}

interface Emitted {
  spec: string;
  service: string;
}

const emittedClaims = new WeakMap<TranslateContext, Map<string, Emitted>>();

/**
 * Emit the claim `name` for `scope` once per run; whether this was the first time. A later service whose
 * settings differ gets a warning at `at` and mounts the claim as the first service defined it.
 */
export function emitClaim(ctx: TranslateContext, scope: ServiceScope, name: string, labels: Record<string, string>, spec: ClaimSpec, at: At): boolean {
  let seen = emittedClaims.get(ctx);
  if (!seen) {
    seen = new Map();
    emittedClaims.set(ctx, seen);
  }
  const key = JSON.stringify(spec);
  const first = seen.get(name);
  if (!first) {
    seen.set(name, { spec: key, service: scope.service.name });
    ctx.emit(claimObject(name, labels, spec), at);
    return true;
  }
  if (first.spec !== key) {
    ctx.warn('convert/claim-settings', at, `the claim '${name}' is also mounted by '${first.service}', whose volume settings it keeps; the settings of '${scope.service.name}' (size ${spec.size}, ${spec.accessModes.join(', ')}) are not applied to it`, {
      object: scope.ref,
      hint: 'give every service that mounts the volume the same x-shipshape volumes settings',
    });
  }
  return false;
}

/**
 * Mount the claim `name` (created for this service: a bind mount's) at `mountPath`: a claim template under a
 * StatefulSet, else a PVC emitted once and a pod volume (a ReadWriteOnce one is listed for workload.ts).
 */
export function mountOwnClaim(
  ctx: TranslateContext,
  scope: ServiceScope,
  pod: PodVolumes,
  claim: { name: string; labels: Record<string, string>; at: At },
  mountPath: string,
  options: MountOptions,
): void {
  const spec = claimSpecOf(ctx, scope);
  if (scope.settings.controller?.kind === 'StatefulSet') {
    pod.template(claimTemplate(claim.name, claim.labels, spec), mountPath, options);
    return;
  }
  emitClaim(ctx, scope, claim.name, claim.labels, spec, claim.at);
  pod.mount({ name: claim.name, persistentVolumeClaim: { claimName: claim.name } }, mountPath, options);
  if (isReadWriteOnce(spec)) pod.readWriteOnce(claim.name);
}
