/**
 * Bind mounts. A cluster has no project directory, so:
 *   - a file or a directory of at most 1 MiB inside the project (CONFIG_DATA_LIMIT, the most a ConfigMap can
 *     hold) that is mounted read-only becomes a ConfigMap mounted at the same path (a file with `subPath`, a
 *     directory whole, sub-directories through `items`; binary files in `binaryData`); a file mounted
 *     read-write too (with a warning: it is read-only in the pod), since a claim or an emptyDir would put a
 *     directory where the file was — except with `--bind-mounts hostpath`;
 *   - any other bind mount follows `--bind-mounts` (ctx.options.bindMounts, default `pvc`): a claim that starts
 *     empty, the node's path (hostPath), an emptyDir, or a ConfigMap when it fits (else a claim); always with a
 *     warning naming the mount and why;
 *   - the file of a Compose secret never goes into a ConfigMap: bound alone it becomes a Secret, inside a
 *     mounted directory it is left out (warning);
 *   - the Docker socket and host system paths (/dev, /proc, /sys, /lib/modules, /etc/localtime …) are the
 *     node's own: hostPath, with a warning (the socket's one says why it rarely exists on a node).
 * Files are read through project-files.ts: only inside the project unless --allow-outside-project; a
 * read-only mount of a path outside it is an error (it would be read into a ConfigMap), except with
 * `--bind-mounts hostpath`, where it is the node's path; a read-write one is not read at all (no stat either).
 */
import { posix } from 'node:path';
import type { BindMount } from '../compose/model.js';
import type { BindMountPolicy, JsonObject, ServiceScope, TranslateContext } from './context.js';
import { CONFIG_DATA_LIMIT, dataFields, dataOf, describeSize } from './config-data.js';
import { selectorLabels } from './labels.js';
import { isInProject, locate, MAX_DIRECTORY_ENTRIES, readLocated, refuse, type Located, type ProjectFile } from './project-files.js';
import { IGNORE_POD_IP, reportAddressesAsWritten, staticAddressIndex } from './static-addresses.js';
import { mountOwnClaim } from './volume-claims.js';
import type { VolumeNames } from './volume-names.js';
import type { PodVolumes } from './volume-pod.js';

const DOCKER_SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);
/**
 * Paths of the host system itself (and what node agents — log shippers, monitoring — mount): a node has its
 * own, which is what such a mount wants. `/` itself too (cAdvisor's `/:/rootfs:ro`), but not what is below it.
 */
const HOST_SYSTEM_PATHS = [
  '/dev', '/proc', '/sys', '/boot', '/lib/modules', '/usr/src', '/run', '/var/run', '/var/log', '/var/lib/docker', '/var/lib/containerd',
  '/etc/localtime', '/etc/timezone', '/etc/machine-id', '/etc/os-release', '/etc/hostname',
];

export function isHostSystemPath(path: string): boolean {
  return path === '/' || HOST_SYSTEM_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

type Policy = 'pvc' | 'hostpath' | 'emptydir';

interface Bind {
  ctx: TranslateContext;
  scope: ServiceScope;
  mount: BindMount;
  pod: PodVolumes;
  names: VolumeNames;
  /** `./data:/data:ro`, as a message names the mount. */
  spec: string;
  /** Normalized absolute host path. */
  path: string;
}

export async function translateBindMount(ctx: TranslateContext, scope: ServiceScope, mount: BindMount, pod: PodVolumes, names: VolumeNames): Promise<void> {
  const path = posix.normalize(mount.resolved);
  const bind: Bind = { ctx, scope, mount, pod, names, path, spec: `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}` };
  reportBindOptions(bind);
  if (DOCKER_SOCKETS.has(path)) {
    ctx.warn('convert/docker-socket', mount.span, `bind mount ${bind.spec} mounts the Docker socket of the node (hostPath, type Socket): most clusters run containerd and have no Docker socket, so the pod will not start there; a workload that drives Docker needs another design in Kubernetes`, {
      object: scope.ref,
      hint: 'remove the mount, or schedule the pod only on nodes that run Docker (a nodeSelector)',
    });
    hostPathMount(bind, 'Socket');
    return;
  }
  if (isHostSystemPath(path)) {
    ctx.warn('convert/host-path', mount.span, `bind mount ${bind.spec} mounts ${path} of the node the pod runs on (hostPath), not of the machine docker compose ran on`, { object: scope.ref });
    hostPathMount(bind, undefined);
    return;
  }
  const policy = ctx.options.bindMounts;
  if (!isInProject(ctx, path) && !ctx.options.allowOutsideProject) {
    if (mount.readOnly && policy !== 'hostpath') {
      refuse(ctx, mount.span, `the read-only bind mount ${bind.spec} would be read into a ConfigMap, but ${mount.source} is outside the project directory`, { object: scope.ref });
      return;
    }
    byPolicy(bind, policy === 'configmap' ? 'pvc' : policy, undefined, `${mount.source} is outside the project directory, so it is not read`);
    return;
  }
  const located = await locate(ctx, path, mount.span, `the bind mount source ${mount.source}`, { object: scope.ref });
  if (located.kind === 'refused') return;
  if (located.kind === 'missing') {
    missingSource(bind, policy);
    return;
  }
  const isFile = located.stat.kind === 'file';
  const wantsConfigMap = mount.readOnly || policy === 'configmap' || (isFile && policy !== 'hostpath');
  const fallback: Policy = policy === 'configmap' ? 'pvc' : policy;
  if (!wantsConfigMap) {
    byPolicy(bind, fallback, located, `the container may write to it (it is not read-only)`);
    return;
  }
  const read = await readLocated(ctx, located, baseName(mount.source), CONFIG_DATA_LIMIT);
  switch (read.kind) {
    case 'read':
      configMapMount(bind, read.files, isFile);
      return;
    case 'too-large':
      byPolicy(bind, fallback, located, read.entries !== undefined ? `${mount.source} holds more than ${MAX_DIRECTORY_ENTRIES} files and directories, too many for a ConfigMap` : `${mount.source} holds ${describeSize(read.size)}, more than the 1 MiB a ConfigMap can hold`);
      return;
    case 'outside':
      refuse(ctx, mount.span, `the bind mount source ${mount.source} holds ${read.relative}, a symbolic link to a path outside the project directory`, { object: scope.ref });
      return;
    case 'unreadable':
      byPolicy(bind, fallback, located, `${mount.source} cannot be read (${read.message})`);
  }
}

function missingSource(bind: Bind, policy: BindMountPolicy): void {
  const { ctx, mount, scope } = bind;
  if (!mount.createHostPath) {
    ctx.error('convert/missing-bind-source', mount.span, `the bind mount source ${mount.source} does not exist, and bind.create_host_path is false: docker compose would not start the service`, { object: scope.ref });
    return;
  }
  byPolicy(bind, policy === 'configmap' ? 'emptydir' : policy, { kind: 'missing' }, `${mount.source} does not exist (docker compose would create it as an empty directory)`);
}

const secretFiles = new WeakMap<TranslateContext, Map<string, string>>();

/** The files of the project's file secrets (normalized path → secret name): their content never goes into a ConfigMap. */
function secretFilesOf(ctx: TranslateContext): Map<string, string> {
  let known = secretFiles.get(ctx);
  if (!known) {
    known = new Map();
    for (const secret of ctx.project.secrets) if (secret.source.type === 'file') known.set(posix.normalize(secret.source.resolved), secret.key);
    secretFiles.set(ctx, known);
  }
  return known;
}

/**
 * The ConfigMap of the files of a bind mount, mounted at its target. The file of a Compose secret never goes
 * into a ConfigMap: bound alone it becomes a Secret; inside a directory it is left out, with a warning.
 */
function configMapMount(bind: Bind, all: ProjectFile[], isFile: boolean): void {
  const { ctx, scope, mount, pod, names } = bind;
  const secrets = secretFilesOf(ctx);
  const secretOf = (f: ProjectFile) => secrets.get(isFile ? bind.path : posix.join(bind.path, f.relative));
  if (isFile && secretOf(all[0]!) !== undefined) {
    secretMount(bind, all[0]!, secretOf(all[0]!)!);
    return;
  }
  const files = all.filter((f) => {
    const secret = secretOf(f);
    if (secret === undefined) return true;
    ctx.warn('convert/secret-file', mount.span, `${f.relative} of ${mount.source} is the file of secret '${secret}': it is left out of the ConfigMap (a ConfigMap is no place for a secret); mount the secret where the container expects it`, { object: scope.ref });
    return false;
  });
  const name = names.name(baseName(mount.source), bind.path);
  const data = dataOf(files, false);
  const metadata: JsonObject = { name, labels: selectorLabels(ctx.project.name, scope.name) };
  const index = staticAddressIndex(ctx);
  let external = false;
  for (const { key, text } of data.texts) {
    const file = data.items?.find((i) => i.key === key)?.path ?? key;
    const where = isFile ? `the file ${mount.source}` : `the file ${file} of ${mount.source}`;
    external = reportAddressesAsWritten(ctx, index, text, mount.span, scope.ref, where) || external;
  }
  if (external) metadata.annotations = { ...IGNORE_POD_IP };
  ctx.emit({ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata as { name: string }, ...dataFields(data) }, mount.span);
  const source: JsonObject = { name };
  if (data.items) source.items = data.items;
  const volume = { name, configMap: source };
  // A file is mounted by its name in the volume: an item's path (its key may be a derived one), else the key.
  if (isFile) pod.mount(volume, mount.target, { readOnly: true, subPath: data.items?.[0]?.path ?? files[0]!.relative });
  else pod.mount(volume, mount.target, { readOnly: true });
  if (!mount.readOnly) {
    ctx.warn('convert/bind-mount', mount.span, `bind mount ${bind.spec} becomes the ConfigMap '${name}', mounted read-only: what the container writes there fails (a ConfigMap holds the files as they are now)`, {
      object: scope.ref,
      hint: 'mark the mount read-only (:ro) if the container only reads it; --bind-mounts hostpath mounts the node path instead',
    });
  } else {
    ctx.info('convert/bind-mount', mount.span, `bind mount ${bind.spec} becomes the ConfigMap '${name}': it holds the files as they are now; convert again after changing them`, { object: scope.ref });
  }
}

/** A bind mount of the file of a Compose secret: a Secret of the service, mounted like the file. */
function secretMount(bind: Bind, file: ProjectFile, secret: string): void {
  const { ctx, scope, mount, pod, names } = bind;
  const name = names.name(baseName(mount.source), bind.path);
  const data = dataOf([file], true);
  const key = data.items?.[0]?.key ?? file.relative;
  ctx.emit({ apiVersion: 'v1', kind: 'Secret', metadata: { name, labels: selectorLabels(ctx.project.name, scope.name) }, type: 'Opaque', data: data.data }, mount.span);
  pod.mount({ name, secret: { secretName: name } }, mount.target, { readOnly: true, subPath: key });
  ctx.info('convert/secret-file', mount.span, `bind mount ${bind.spec} mounts the file of secret '${secret}': it becomes the Secret '${name}'${mount.readOnly ? '' : ', mounted read-only'}`, { object: scope.ref });
}

/** A bind mount that does not become a ConfigMap: a claim, the node's path or an emptyDir, with a warning. */
function byPolicy(bind: Bind, policy: Policy, located: Located | undefined, why: string): void {
  const { ctx, scope, mount, pod, names } = bind;
  const options = { readOnly: mount.readOnly };
  const hint = 'choose what bind mounts become with --bind-mounts pvc|hostpath|configmap|emptydir; for production, build the files into the image';
  if (policy === 'hostpath') {
    const type = located?.kind === 'found' ? (located.stat.kind === 'file' ? 'File' : located.stat.kind === 'directory' ? 'Directory' : undefined) : located?.kind === 'missing' ? 'DirectoryOrCreate' : undefined;
    ctx.warn('convert/bind-mount', mount.span, `bind mount ${bind.spec} becomes a hostPath volume of ${bind.path}: ${why}; that path must exist with the same content on every node the pod can run on`, { object: scope.ref, hint });
    hostPathMount(bind, type);
    return;
  }
  const name = names.name(baseName(mount.source), bind.path);
  if (policy === 'emptydir') {
    ctx.warn('convert/bind-mount', mount.span, `bind mount ${bind.spec} becomes an emptyDir volume: ${why}; it starts empty and is lost when the pod is replaced`, { object: scope.ref, hint });
    pod.mount({ name, emptyDir: {} }, mount.target, options);
    return;
  }
  ctx.warn('convert/bind-mount', mount.span, `bind mount ${bind.spec} becomes the PersistentVolumeClaim '${name}': ${why}; the claim starts empty${located?.kind === 'found' ? `, the content of ${mount.source} is not copied into it` : ''}`, { object: scope.ref, hint });
  mountOwnClaim(ctx, scope, pod, { name, identity: `bind:${scope.service.name}:${mount.target}`, labels: selectorLabels(ctx.project.name, scope.name), at: mount.span }, mount.target, options);
}

function hostPathMount(bind: Bind, type: string | undefined): void {
  const hostPath: JsonObject = { path: bind.path };
  if (type !== undefined) hostPath.type = type;
  bind.pod.mount({ name: bind.names.name(baseName(bind.mount.source), bind.path), hostPath }, bind.mount.target, { readOnly: bind.mount.readOnly });
}

/** `./nginx/nginx.conf` → `nginx.conf`; `.` → `project`. */
function baseName(source: string): string {
  const base = posix.basename(posix.normalize(source.replace(/^~/, 'home')));
  return base === '' || base === '.' || base === '..' || base === '/' ? 'project' : base;
}

/** Options of a bind mount Kubernetes has no field for (a hostPath mount could, but the node is another host). */
function reportBindOptions(bind: Bind): void {
  const { ctx, mount, scope } = bind;
  if (mount.propagation !== undefined && mount.propagation !== 'rprivate' && mount.propagation !== 'private') {
    ctx.warn('convert/dropped-key', mount.keys['bind.propagation'] ?? mount.span, `the mount propagation '${mount.propagation}' of ${bind.spec} is dropped: set volumeMounts[].mountPropagation by hand if a hostPath needs it`, { object: scope.ref });
  }
  if (mount.selinux !== undefined) {
    ctx.info('convert/dropped-key', mount.keys['bind.selinux'] ?? mount.span, `the SELinux relabelling '${mount.selinux}' of ${bind.spec} is dropped: the kubelet labels volumes after the pod's seLinuxOptions`, { object: scope.ref });
  }
  if (mount.recursive !== undefined) {
    ctx.info('convert/dropped-key', mount.keys['bind.recursive'] ?? mount.span, `'bind.recursive: ${mount.recursive}' of ${bind.spec} is dropped: set volumeMounts[].recursiveReadOnly by hand if needed`, { object: scope.ref });
  }
}
