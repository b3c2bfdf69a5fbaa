/**
 * A service's `volumes`, `tmpfs` and `shm_size`, and the top-level `volumes`:
 *   - a named volume → one PersistentVolumeClaim (volume-claims.ts) named after the volume, shared by the
 *     services that mount it (a warning when it is ReadWriteOnce: their pods must share a node); `external`
 *     → the claim of that name is referenced, not created (info); under a StatefulSet, a volume only that
 *     service mounts → a volumeClaimTemplate (one claim per replica);
 *   - an anonymous volume → an emptyDir (info: it lives as long as the pod);
 *   - tmpfs (service `tmpfs:` and long-syntax mounts) and `shm_size` → emptyDir with `medium: Memory` and a
 *     `sizeLimit` (canonical quantity), shm at /dev/shm;
 *   - bind mounts → bind-mounts.ts;
 *   - npipe, cluster and image mounts → dropped with a warning.
 * What Kubernetes has no field for (driver, driver_opts, labels, consistency, tmpfs mode and options …) is
 * reported with its position.
 *
 * Contract used by index.ts:
 *   translateProjectVolumes(ctx): once per run, before any service: reports about the top-level volumes
 *     (dropped keys, external, unused). Claims are emitted by the first service that mounts them, with that
 *     service's settings (scope.settings.volumeClaim, else --pvc-size and ReadWriteOnce).
 *   translateServiceVolumes(ctx, scope): once per service; returns the pod volumes, the container's
 *     volumeMounts, StatefulSet claim templates when scope.settings.controller is StatefulSet, and the
 *     ReadWriteOnce claims the pod mounts (workload.ts switches a Deployment to Recreate for those).
 */
import type { Service, TmpfsMount, VolumeDefinition, VolumeMount } from '../compose/model.js';
import type { ObjectRef } from '../diagnostics.js';
import type { PodContribution, ServiceScope, TranslateContext } from './context.js';
import { projectLabels } from './labels.js';
import { toDnsLabel } from './names.js';
import { podHostOf } from './network.js';
import { memoryQuantity } from './resources.js';
import { translateBindMount } from './bind-mounts.js';
import { claimSpecOf, claimTemplate, emitClaim, isReadWriteOnce, warnReplicasShareClaim } from './volume-claims.js';
import { externalName, pathSuffix, volumeNamesOf } from './volume-names.js';
import { PodVolumes } from './volume-pod.js';

interface VolumeUse {
  service: Service;
  mount: VolumeMount;
}

interface ProjectVolumes {
  byKey: Map<string, VolumeDefinition>;
  /** Services that mount each named volume, in project order (a service once). */
  users: Map<string, VolumeUse[]>;
  /** Names external claims are referenced by (set once, with their warning, by translateProjectVolumes). */
  externalClaims: Map<string, string>;
}

const projectVolumes = new WeakMap<TranslateContext, ProjectVolumes>();

function volumesOf(ctx: TranslateContext): ProjectVolumes {
  let known = projectVolumes.get(ctx);
  if (known) return known;
  known = { byKey: new Map(ctx.project.volumes.map((v) => [v.key, v])), users: new Map(), externalClaims: new Map() };
  for (const service of ctx.project.services) {
    for (const mount of service.volumes) {
      if (mount.type !== 'volume' || mount.source === undefined) continue;
      const list = known.users.get(mount.source) ?? [];
      if (!list.some((u) => u.service === service)) list.push({ service, mount });
      known.users.set(mount.source, list);
    }
  }
  projectVolumes.set(ctx, known);
  return known;
}

/**
 * The claim name of a named volume: its `name:` when given, else its key, as a DNS label (which is also the
 * pod volume's name); an external one's name as it is, when it is a valid object name.
 */
function claimNameOf(ctx: TranslateContext, volume: VolumeDefinition): string {
  return volumesOf(ctx).externalClaims.get(volume.key) ?? toDnsLabel(volume.name ?? volume.key);
}

export async function translateProjectVolumes(ctx: TranslateContext): Promise<void> {
  const { users } = volumesOf(ctx);
  for (const volume of ctx.project.volumes) {
    const object: ObjectRef = { kind: 'ComposeVolume', name: volume.key };
    if (volume.driver !== undefined) {
      ctx.warn('convert/dropped-key', volume.keys.driver ?? volume.span, `the driver '${volume.driver}' of volume '${volume.key}' is dropped: in Kubernetes the storage class decides how a claim is provisioned`, {
        object,
        hint: 'choose a storage class with x-shipshape volumes.storageClassName (or the label kompose.volume.storage-class-name)',
      });
    }
    if (volume.driverOpts.length > 0) {
      ctx.warn('convert/dropped-key', volume.keys.driver_opts ?? volume.span, `the driver_opts of volume '${volume.key}' (${volume.driverOpts.map((o) => o.key).join(', ')}) are dropped: a PersistentVolume or storage class carries such settings (an NFS share, a device)`, { object });
    }
    if (volume.labels.length > 0) {
      ctx.info('convert/dropped-key', volume.keys.labels ?? volume.span, `the labels of volume '${volume.key}' are not put on its claim`, { object });
    }
    for (const [key, raw] of Object.entries(volume.other ?? {})) {
      ctx.warn('convert/unknown-key', volume.keys[key] ?? raw.span, `'volumes.${volume.key}.${key}' is not converted: shipshape does not know this key`, { object });
    }
    const used = users.get(volume.key) ?? [];
    if (volume.external) {
      if (used.length > 0) {
        const claim = externalName(ctx, volume.name ?? volume.key, volume.keys.name ?? volume.keys.external ?? volume.span, 'claim', object);
        volumesOf(ctx).externalClaims.set(volume.key, claim);
        ctx.info('convert/external-volume', volume.keys.external ?? volume.span, `volume '${volume.key}' is external: its claim '${claim}' is referenced, not created; it must exist in the namespace`, { object });
      }
    } else if (used.length === 0) {
      ctx.info('convert/unused-volume', volume.span, `volume '${volume.key}' is not mounted by any service: no claim is created for it`, { object });
    }
  }
}

export async function translateServiceVolumes(ctx: TranslateContext, scope: ServiceScope): Promise<PodContribution> {
  const pod = new PodVolumes();
  const names = volumeNamesOf(scope);
  // Named volumes' pod volumes are named after their claims: no other volume of the pod may take those names.
  for (const mount of scope.service.volumes) {
    const volume = mount.type === 'volume' && mount.source !== undefined ? volumesOf(ctx).byKey.get(mount.source) : undefined;
    if (volume) names.reserve(toDnsLabel(claimNameOf(ctx, volume)));
  }
  for (const mount of scope.service.volumes) {
    if (mount.consistency !== undefined) {
      ctx.info('convert/dropped-key', mount.keys.consistency ?? mount.span, `'consistency: ${mount.consistency}' of the mount at ${mount.target} is dropped: it only tunes file sharing on macOS`, { object: scope.ref });
    }
    switch (mount.type) {
      case 'volume':
        if (mount.source === undefined) anonymousVolume(ctx, scope, mount, pod);
        else namedVolume(ctx, scope, mount, mount.source, pod);
        break;
      case 'bind':
        await translateBindMount(ctx, scope, mount, pod, names);
        break;
      case 'tmpfs':
        tmpfsVolume(ctx, scope, mount, pod);
        break;
      default:
        ctx.warn('convert/dropped-key', mount.span, `the ${mount.type} mount at ${mount.target} is dropped: ${OTHER_MOUNTS[mount.type]}`, { object: scope.ref });
    }
  }
  for (const mount of scope.service.tmpfs) tmpfsVolume(ctx, scope, mount, pod);
  const shm = scope.service.shmSize === undefined ? undefined : memoryQuantity(scope.service.shmSize);
  const shmMounted = [...scope.service.volumes, ...scope.service.tmpfs].some((m) => m.target === '/dev/shm');
  if (shm !== undefined && shmMounted) {
    ctx.info('convert/dropped-key', scope.service.keys.shm_size ?? scope.service.span, "'shm_size' is dropped: a volume is mounted at /dev/shm already", { object: scope.ref });
  } else if (shm !== undefined) {
    pod.mount({ name: names.name('shm'), emptyDir: { medium: 'Memory', sizeLimit: shm } }, '/dev/shm');
  }
  return pod.contribution();
}

const OTHER_MOUNTS: Record<string, string> = {
  npipe: 'named pipes are a Windows host feature',
  cluster: 'Swarm cluster volumes have no equivalent; use a PersistentVolumeClaim',
  image: "image volumes are not generated (Kubernetes' image volume source needs a feature gate); copy the files in an init container",
};

function namedVolume(ctx: TranslateContext, scope: ServiceScope, mount: VolumeMount, key: string, pod: PodVolumes): void {
  const { byKey, users } = volumesOf(ctx);
  const volume = byKey.get(key);
  if (!volume) return; // the loader reports a volume that is not defined
  const claim = claimNameOf(ctx, volume);
  const name = toDnsLabel(claim);
  const options = { readOnly: mount.readOnly, ...(mount.subpath !== undefined ? { subPath: mount.subpath } : {}) };
  if (mount.labels && mount.labels.length > 0) {
    ctx.info('convert/dropped-key', mount.keys['volume.labels'] ?? mount.span, `the labels of the mount of '${key}' are dropped: a claim is created once, with the project's labels`, { object: scope.ref });
  }
  if (volume.external) {
    pod.mount({ name, persistentVolumeClaim: { claimName: claim } }, mount.target, options);
    return;
  }
  const spec = claimSpecOf(ctx, scope);
  // Members of one pod (network_mode: service:X) mount the pod's one volume: they share nothing across nodes.
  const sharers = (users.get(key) ?? []).filter((u) => podHostOf(ctx, u.service) !== podHostOf(ctx, scope.service));
  if (scope.settings.controller?.kind === 'StatefulSet' && sharers.length === 0) {
    pod.template(claimTemplate(name, projectLabels(ctx.project.name), spec), mount.target, options);
    return;
  }
  const first = emitClaim(ctx, scope, { name, identity: `volume:${key}`, labels: projectLabels(ctx.project.name), at: volume.span }, spec);
  pod.mount({ name, persistentVolumeClaim: { claimName: name } }, mount.target, options);
  if (!isReadWriteOnce(spec)) return;
  pod.readWriteOnce(name);
  warnReplicasShareClaim(ctx, scope, name, mount.span);
  if (first && sharers.length > 0) {
    ctx.warn('convert/shared-volume', volume.span, `volume '${key}' is mounted by ${[scope.service, ...sharers.map((u) => u.service)].map((s) => `'${s.name}'`).join(', ')}: their pods share the claim '${name}', which is ReadWriteOnce and can be attached to one node at a time, so they must run on the same node`, {
      object: { kind: 'ComposeVolume', name: key },
      related: [{ service: scope.service, mount }, ...sharers].map((u) => ({ message: `mounted by '${u.service.name}' here`, file: u.mount.span.file, line: u.mount.span.line, column: u.mount.span.column })),
      hint: 'ask for a ReadWriteMany storage class (x-shipshape volumes.accessModes and storageClassName), or share the data through a service',
    });
  }
}


function anonymousVolume(ctx: TranslateContext, scope: ServiceScope, mount: VolumeMount, pod: PodVolumes): void {
  const name = volumeNamesOf(scope).name(`anon-${pathSuffix(mount.target)}`, mount.target);
  ctx.info('convert/anonymous-volume', mount.span, `the anonymous volume at ${mount.target} becomes an emptyDir: it starts empty and lives as long as the pod (Compose keeps it until the container is removed)`, { object: scope.ref });
  pod.mount({ name, emptyDir: {} }, mount.target, { readOnly: mount.readOnly });
}

function tmpfsVolume(ctx: TranslateContext, scope: ServiceScope, mount: TmpfsMount, pod: PodVolumes): void {
  const name = volumeNamesOf(scope).name(`tmpfs-${pathSuffix(mount.target)}`, mount.target);
  const emptyDir: Record<string, string> = { medium: 'Memory' };
  const size = mount.size === undefined ? undefined : memoryQuantity(mount.size);
  if (size !== undefined) emptyDir.sizeLimit = size;
  if (mount.mode !== undefined) {
    ctx.info('convert/dropped-key', mount.keys['tmpfs.mode'] ?? mount.span, `the mode ${mount.mode.toString(8)} of the tmpfs at ${mount.target} is dropped: an emptyDir is world-writable (0777)`, { object: scope.ref });
  }
  if (mount.options && mount.options.length > 0) {
    ctx.info('convert/dropped-key', mount.span, `the tmpfs options ${mount.options.join(',')} of ${mount.target} are dropped: an emptyDir takes only a size`, { object: scope.ref });
  }
  pod.mount({ name, emptyDir }, mount.target, { readOnly: mount.readOnly });
}
