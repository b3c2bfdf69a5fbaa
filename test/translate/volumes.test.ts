import { describe, expect, test } from 'vitest';
import type { OtherMount, Service, TmpfsMount, VolumeDefinition, VolumeMount } from '../../src/compose/model.js';
import { composeServiceRef, type ServiceScope } from '../../src/translate/context.js';
import { emptySettings, type ServiceSettings } from '../../src/translate/extensions.js';
import { translateProjectVolumes, translateServiceVolumes } from '../../src/translate/volumes.js';
import { validateObject } from '../../src/k8s/schema/index.js';
import { createContext, resolveOptionsForTest } from './context-fixture.js';
import { codes, containerOf, convert, deploy, find, keysOf, podSpecOf, project, service, span } from './model-builder.js';

function named(source: string | undefined, target: string, fields: Partial<VolumeMount> = {}): VolumeMount {
  return { type: 'volume', target, readOnly: false, syntax: 'short', nocopy: false, span: span(9), keys: {}, ...(source !== undefined ? { source } : {}), ...fields };
}

function volume(key: string, fields: Partial<VolumeDefinition> = {}, keys: string[] = []): VolumeDefinition {
  return { key, external: false, driverOpts: [], labels: [], extensions: {}, span: span(3), keys: keysOf(...keys), ...fields };
}

function tmpfs(target: string, fields: Partial<TmpfsMount> = {}): TmpfsMount {
  return { type: 'tmpfs', target, readOnly: false, syntax: 'long', span: span(9), keys: {}, ...fields };
}

function scopeOf(s: Service, settings: Partial<ServiceSettings> = {}): ServiceScope {
  return { service: s, name: s.name, ref: composeServiceRef(s), settings: { ...emptySettings(), ...settings } };
}

const at = { file: 'compose.yaml', line: 1, column: 1 };

/** Convert, and check every object validates. */
async function converted(services: Service[], volumes: VolumeDefinition[]) {
  const result = await convert(project(services, { volumes }));
  for (const object of result.objects) expect(validateObject(JSON.parse(JSON.stringify(object)))).toEqual({ status: 'valid' });
  return result;
}

describe('named volumes', () => {
  test('a named volume → one ReadWriteOnce PVC of --pvc-size, mounted; the Deployment uses Recreate', async () => {
    const s = service('db', { image: 'postgres:16', volumes: [named('db-data', '/var/lib/postgresql/data')] });
    const result = await convert(project([s], { volumes: [volume('db_data'), volume('db-data')] }), { pvcSize: '5Gi' });
    const claim = find(result.objects, 'PersistentVolumeClaim', 'db-data');
    expect(claim.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } });
    expect(validateObject(JSON.parse(JSON.stringify(claim)))).toEqual({ status: 'valid' });
    const deployment = find(result.objects, 'Deployment', 'db');
    expect(containerOf(deployment).volumeMounts).toEqual([{ name: 'db-data', mountPath: '/var/lib/postgresql/data' }]);
    expect(podSpecOf(deployment).volumes).toEqual([{ name: 'db-data', persistentVolumeClaim: { claimName: 'db-data' } }]);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
  });

  test('a volume mounted by two services → one PVC and a warning at the volume naming both mounts', async () => {
    const shared = volume('data');
    const a = service('a', { image: 'x:1', volumes: [named('data', '/data')] });
    const b = service('b', { image: 'x:1', volumes: [named('data', '/in', { readOnly: true })] });
    const result = await convert(project([a, b], { volumes: [shared] }));
    expect(result.objects.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata.name)).toEqual(['data']);
    const warning = result.diagnostics.find((d) => d.code === 'convert/shared-volume')!;
    expect(warning).toMatchObject({ severity: 'warning', line: shared.span.line });
    expect(warning.related?.map((r) => r.line)).toEqual([a.volumes[0]!.span.line, b.volumes[0]!.span.line]);
    expect(containerOf(find(result.objects, 'Deployment', 'b')).volumeMounts).toEqual([{ name: 'data', mountPath: '/in', readOnly: true }]);
  });

  test('a sidecar and its pod mounting one volume share no node: no warning', async () => {
    const app = service('app', { image: 'x:1', volumes: [named('data', '/data')] });
    const sidecar = service('backup', { image: 'x:1', networkMode: 'service:app', volumes: [named('data', '/data', { readOnly: true })] });
    const result = await convert(project([app, sidecar], { volumes: [volume('data')] }));
    expect(result.diagnostics.map((d) => d.code)).not.toContain('convert/shared-volume');
    expect(podSpecOf(find(result.objects, 'Deployment', 'app')).volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]);
  });

  test.each([
    ['the pod has one replica, the sidecar asks for 3: no warning', 1, 3, undefined],
    ['the pod has 2 replicas, the sidecar none: the 2 replicas of the pod', 2, undefined, /^the 2 replicas of 'app'/],
  ])('a sidecar on a ReadWriteOnce claim counts the pod\'s replicas: %s', async (_name, podReplicas, sidecarReplicas, message) => {
    const app = service('app', { image: 'x:1', deploy: deploy({ replicas: podReplicas }) });
    const backup = service('backup', { image: 'x:1', networkMode: 'service:app', volumes: [named('data', '/data')], ...(sidecarReplicas ? { deploy: deploy({ replicas: sidecarReplicas }) } : {}) });
    const result = await convert(project([app, backup], { volumes: [volume('data')] }));
    const shared = result.diagnostics.filter((d) => d.code === 'convert/shared-volume');
    if (message === undefined) expect(shared).toEqual([]);
    else expect(shared).toMatchObject([{ severity: 'warning', line: backup.volumes[0]!.span.line, message }]);
  });

  test('external: the claim of its name is referenced, not created (info)', async () => {
    const ext = volume('reports', { external: true, name: 'team-reports' }, ['external']);
    const result = await convert(project([service('r', { image: 'x:1', volumes: [named('reports', '/r')] })], { volumes: [ext] }));
    expect(result.objects.some((o) => o.kind === 'PersistentVolumeClaim')).toBe(false);
    expect(podSpecOf(find(result.objects, 'Deployment', 'r')).volumes).toEqual([{ name: 'team-reports', persistentVolumeClaim: { claimName: 'team-reports' } }]);
    expect(codes(result.diagnostics)).toEqual([{ code: 'convert/external-volume', severity: 'info', line: ext.keys.external!.line, column: 5 }]);
  });

  test.each([
    ['shared.reports', 'shared-reports', 'shared.reports', []],
    ['Team_Reports', 'team-reports', 'team-reports', ['convert/external-name']],
  ])('external name %s: pod volume %s, claim %s', async (externalName, volumeName, claimName, warnings) => {
    const ext = volume('reports', { external: true, name: externalName }, ['external', 'name']);
    const result = await converted([service('r', { image: 'x:1', volumes: [named('reports', '/r')] })], [ext]);
    expect(podSpecOf(find(result.objects, 'Deployment', 'r')).volumes).toEqual([{ name: volumeName, persistentVolumeClaim: { claimName } }]);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code)).toEqual(warnings);
  });

  test('driver, driver_opts and labels are reported at their keys; an unused volume gets an info', async () => {
    const kv = (key: string, value: string) => ({ key, value, span: span(7) });
    const v = volume('data', { driver: 'local', driverOpts: [kv('type', 'nfs')], labels: [kv('a', 'b')] }, ['driver', 'driver_opts', 'labels']);
    const ctx = createContext(project([], { volumes: [v] }), resolveOptionsForTest(), new Map());
    await translateProjectVolumes(ctx);
    expect(codes(ctx.diagnostics)).toEqual([
      { code: 'convert/dropped-key', severity: 'warning', line: v.keys.driver!.line, column: 5 },
      { code: 'convert/dropped-key', severity: 'warning', line: v.keys.driver_opts!.line, column: 5 },
      { code: 'convert/dropped-key', severity: 'info', line: v.keys.labels!.line, column: 5 },
      { code: 'convert/unused-volume', severity: 'info', line: v.span.line, column: 3 },
    ]);
  });

  test('claim settings of the service: size, storage class, access modes (ReadWriteMany: no Recreate)', async () => {
    const s = service('files', { image: 'x:1', volumes: [named('data', '/data', { subpath: 'sub' })] });
    const ctx = createContext(project([s], { volumes: [volume('data')] }), resolveOptionsForTest(), new Map([['files', 'files']]));
    const pod = await translateServiceVolumes(ctx, scopeOf(s, { volumeClaim: { size: { value: '20Gi', at }, storageClassName: { value: 'nfs', at }, accessModes: { value: ['ReadWriteMany'], at } } }));
    expect(ctx.objects[0]!.spec).toEqual({ accessModes: ['ReadWriteMany'], resources: { requests: { storage: '20Gi' } }, storageClassName: 'nfs' });
    expect(pod.volumeMounts).toEqual([{ name: 'data', mountPath: '/data', subPath: 'sub' }]);
    expect(pod.readWriteOnceClaims).toBeUndefined();
  });

  test('a StatefulSet gets claim templates for the volumes only it mounts; a shared one stays a PVC', async () => {
    const s = service('queue', { image: 'x:1', volumes: [named('own', '/own'), named('shared', '/shared')] });
    const other = service('other', { image: 'x:1', volumes: [named('shared', '/shared')] });
    const ctx = createContext(project([s, other], { volumes: [volume('own'), volume('shared')] }), resolveOptionsForTest(), new Map());
    const pod = await translateServiceVolumes(ctx, scopeOf(s, { controller: { kind: 'StatefulSet', at } }));
    expect(pod.volumeClaimTemplates).toEqual([
      { metadata: { name: 'own', labels: expect.any(Object) }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    ]);
    expect(pod.volumes).toEqual([{ name: 'shared', persistentVolumeClaim: { claimName: 'shared' } }]);
    expect(pod.volumeMounts).toEqual([{ name: 'own', mountPath: '/own' }, { name: 'shared', mountPath: '/shared' }]);
    expect(ctx.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['PersistentVolumeClaim/shared']);
  });

  test.each([
    ['replicas', { deploy: deploy({ replicas: 3 }) }, /the 3 replicas share/],
    ['scale', { scale: 2 }, /the 2 replicas share/],
    ['a DaemonSet', { deploy: deploy({ mode: 'global' }) }, /one per node/],
  ])('%s on a ReadWriteOnce claim: a warning at the mount', async (_name, fields, message) => {
    const s = service('w', { image: 'x:1', volumes: [named('data', '/data')], ...fields });
    const result = await convert(project([s], { volumes: [volume('data')] }));
    const warning = result.diagnostics.find((d) => d.code === 'convert/shared-volume')!;
    expect(warning).toMatchObject({ severity: 'warning', line: s.volumes[0]!.span.line });
    expect(warning.message).toMatch(message);
  });

  test('two services asking for different sizes: the first wins, the second is warned', async () => {
    const a = service('a', { image: 'x:1', volumes: [named('data', '/data')] });
    const b = service('b', { image: 'x:1', volumes: [named('data', '/data')] });
    const ctx = createContext(project([a, b], { volumes: [volume('data')] }), resolveOptionsForTest(), new Map());
    await translateServiceVolumes(ctx, scopeOf(a));
    await translateServiceVolumes(ctx, scopeOf(b, { volumeClaim: { size: { value: '9Gi', at } } }));
    expect(ctx.objects).toHaveLength(1);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['convert/shared-volume', 'convert/claim-settings']);
  });
});

test('two volumes whose claim names are equal (db_data, db-data) → a name collision, not one shared claim', async () => {
  const first = volume('db_data');
  const second = volume('db-data');
  const s = service('db', { image: 'x:1', volumes: [named('db_data', '/a'), named('db-data', '/b')] });
  const result = await convert(project([s], { volumes: [first, second] }));
  expect(result.diagnostics.filter((d) => d.code === 'convert/name-collision')).toMatchObject([{ severity: 'error', line: second.span.line, related: [{ line: first.span.line }] }]);
});

describe('ephemeral volumes', () => {
  test.each([
    ['tmpfs with a size', tmpfs('/run', { size: 64 * 1024 * 1024 }), { medium: 'Memory', sizeLimit: '64Mi' }],
    ['tmpfs without a size', tmpfs('/tmp'), { medium: 'Memory' }],
    ['an odd size in bytes', tmpfs('/x', { size: 1000 }), { medium: 'Memory', sizeLimit: '1000' }],
  ])('%s → emptyDir in memory', async (_name, mount, emptyDir) => {
    const s = service('w', { image: 'x:1', tmpfs: [mount] });
    const pod = await translateServiceVolumes(createContext(project([s]), resolveOptionsForTest(), new Map()), scopeOf(s));
    expect(pod.volumes).toEqual([{ name: expect.stringMatching(/^w-tmpfs-/), emptyDir }]);
    expect(pod.volumeMounts).toEqual([{ name: pod.volumes![0]!.name, mountPath: mount.target }]);
  });

  test('tmpfs mode and options are reported as dropped', async () => {
    const s = service('w', { image: 'x:1', volumes: [tmpfs('/run', { mode: 0o1777, keys: keysOf('tmpfs.mode') })], tmpfs: [tmpfs('/tmp', { options: ['noexec'] })] });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map());
    await translateServiceVolumes(ctx, scopeOf(s));
    expect(codes(ctx.diagnostics)).toEqual([
      { code: 'convert/dropped-key', severity: 'info', line: (s.volumes[0] as TmpfsMount).keys['tmpfs.mode']!.line, column: 5 },
      { code: 'convert/dropped-key', severity: 'info', line: s.tmpfs[0]!.span.line, column: 9 },
    ]);
  });

  test('shm_size → a memory emptyDir at /dev/shm', async () => {
    const s = service('w', { image: 'x:1', shmSize: 256 * 1024 * 1024 });
    const pod = await translateServiceVolumes(createContext(project([s]), resolveOptionsForTest(), new Map()), scopeOf(s));
    expect(pod.volumes).toEqual([{ name: 'w-shm', emptyDir: { medium: 'Memory', sizeLimit: '256Mi' } }]);
    expect(pod.volumeMounts).toEqual([{ name: 'w-shm', mountPath: '/dev/shm' }]);
  });

  test('shm_size with a tmpfs at /dev/shm already: the tmpfs is kept, shm_size dropped (info)', async () => {
    const s = service('w', { image: 'x:1', shmSize: 1024, tmpfs: [tmpfs('/dev/shm', { size: 2048 })] });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map());
    const pod = await translateServiceVolumes(ctx, scopeOf(s));
    expect(pod.volumeMounts).toEqual([{ name: 'w-tmpfs-dev-shm', mountPath: '/dev/shm' }]);
    expect(codes(ctx.diagnostics)).toEqual([{ code: 'convert/dropped-key', severity: 'info', line: s.keys.shm_size!.line, column: 5 }]);
  });

  test('an anonymous volume → emptyDir with an info; two with clashing names stay distinct', async () => {
    const s = service('w', { image: 'x:1', volumes: [named(undefined, '/a-b'), named(undefined, '/a/b')] });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map());
    const pod = await translateServiceVolumes(ctx, scopeOf(s));
    const names = pod.volumes!.map((v) => v.name);
    expect(new Set(names).size).toBe(2);
    expect(pod.volumes!.every((v) => JSON.stringify(v.emptyDir) === '{}')).toBe(true);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['convert/anonymous-volume', 'convert/anonymous-volume']);
  });

  test.each(['npipe', 'cluster', 'image'] as const)('a %s mount is dropped with a warning', async (type) => {
    const mount: OtherMount = { type, target: '/x', readOnly: false, syntax: 'long', span: span(9), keys: {} };
    const s = service('w', { image: 'x:1', volumes: [mount] });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map());
    expect(await translateServiceVolumes(ctx, scopeOf(s))).toEqual({});
    expect(codes(ctx.diagnostics)).toEqual([{ code: 'convert/dropped-key', severity: 'warning', line: mount.span.line, column: 9 }]);
  });
});

test('a library caller passing an invalid pvcSize gets a RangeError (the CLI refuses the flag first)', async () => {
  const s = service('db', { image: 'postgres:16' });
  await expect(convert(project([s]), { pvcSize: '0' })).rejects.toThrow(RangeError);
  await expect(convert(project([s]), { pvcSize: 'lots' })).rejects.toThrow(/pvcSize 'lots' must be a Kubernetes quantity/);
});
