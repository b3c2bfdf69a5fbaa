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
import { podHostOf } from './network.js';
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
  /** What the claim stands for (`volume:db-data`, `bind:web:/srv/x`): another thing of the same name is a collision. */
  identity: string;
  at: At;
}

const emittedClaims = new WeakMap<TranslateContext, Map<string, Emitted>>();

/**
 * Emit the claim `name` (standing for `identity`) for `scope` once per run; whether this was the first time.
 * A later service whose settings differ gets a warning at `at` and mounts the claim as the first service
 * defined it; another thing that would have the same name is a `convert/name-collision` error.
 */
export function emitClaim(ctx: TranslateContext, scope: ServiceScope, claim: { name: string; identity: string; labels: Record<string, string>; at: At }, spec: ClaimSpec): boolean {
  const { name, labels, at } = claim;
  let seen = emittedClaims.get(ctx);
  if (!seen) {
    seen = new Map();
    emittedClaims.set(ctx, seen);
  }
  const key = JSON.stringify(spec);
  const first = seen.get(name);
  if (!first) {
    seen.set(name, { spec: key, service: scope.service.name, identity: claim.identity, at });
    ctx.emit(claimObject(name, labels, spec), at);
    return true;
  }
  if (first.identity !== claim.identity) {
    ctx.error('convert/name-collision', at, `two different PersistentVolumeClaims would be named '${name}'`, {
      object: scope.ref,
      related: [{ message: `the first claim '${name}' comes from here`, file: first.at.file, line: first.at.line, column: first.at.column }],
      hint: 'rename one of the volumes so their Kubernetes names differ',
    });
  } else if (first.spec !== key) {
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
  claim: { name: string; identity: string; labels: Record<string, string>; at: At },
  mountPath: string,
  options: MountOptions,
): void {
  const spec = claimSpecOf(ctx, scope);
  if (scope.settings.controller?.kind === 'StatefulSet') {
    pod.template(claimTemplate(claim.name, claim.labels, spec), mountPath, options);
    return;
  }
  emitClaim(ctx, scope, claim, spec);
  pod.mount({ name: claim.name, persistentVolumeClaim: { claimName: claim.name } }, mountPath, options);
  if (!isReadWriteOnce(spec)) return;
  pod.readWriteOnce(claim.name);
  warnReplicasShareClaim(ctx, scope, claim.name, claim.at);
}

/**
 * Several pods of one service on a ReadWriteOnce claim (replicas, or a DaemonSet's pod per node) can only
 * run on the node the claim is attached to: a warning at the mount, once per claim and service. The pods are
 * those of the pod's primary service (a sidecar's own replicas are dropped).
 */
export function warnReplicasShareClaim(ctx: TranslateContext, scope: ServiceScope, claim: string, at: At): void {
  // A sidecar (network_mode: service:X) runs in X's pods: their number is X's.
  const host = podHostOf(ctx, scope.service);
  const global = host.deploy?.mode === 'global';
  const replicas = host.deploy?.replicas ?? host.scale ?? 1;
  if (!global && replicas <= 1) return;
  const of = host === scope.service ? '' : ` of '${host.name}' (this service runs in its pod)`;
  const who = global ? `the pods of the DaemonSet${of} (deploy.mode: global, one per node)` : `the ${replicas} replicas${of}`;
  ctx.warn('convert/shared-volume', at, `${who} share the ReadWriteOnce claim '${claim}', which can be attached to one node at a time: they can only run on that node`, {
    object: scope.ref,
    hint: 'ask for a ReadWriteMany storage class (x-shipshape volumes.accessModes and storageClassName), or a StatefulSet for a claim per replica',
  });
}
