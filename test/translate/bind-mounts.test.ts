import { describe, expect, test } from 'vitest';
import type { BindMount, ComposeProject, Service } from '../../src/compose/model.js';
import { memoryHost, type FileHost } from '../../src/host.js';
import { composeServiceRef, type BindMountPolicy, type ServiceScope } from '../../src/translate/context.js';
import { emptySettings } from '../../src/translate/extensions.js';
import { translateServiceVolumes } from '../../src/translate/volumes.js';
import { isHostSystemPath } from '../../src/translate/bind-mounts.js';
import { validateObject } from '../../src/k8s/schema/index.js';
import { createContext, resolveOptionsForTest } from './context-fixture.js';
import { codes, project, service, span } from './model-builder.js';

const ROOT = '/work/shop';

function bind(source: string, target: string, fields: Partial<BindMount> = {}): BindMount {
  const resolved = source.startsWith('/') ? source : `${ROOT}/${source.replace(/^\.\//, '')}`;
  return { type: 'bind', source, resolved, target, readOnly: false, createHostPath: true, syntax: 'short', span: span(9), keys: {}, ...fields };
}

const ro = (source: string, target: string) => bind(source, target, { readOnly: true });

/** A memory host whose `links` resolve to other paths (symbolic links), recording every path it is asked about. */
function hostWith(files: Record<string, string | Uint8Array>, links: Record<string, string> = {}): FileHost & { asked: string[] } {
  const inner = memoryHost(files);
  const asked: string[] = [];
  const follow = (path: string): string => {
    for (const [link, target] of Object.entries(links)) {
      if (path === link || path.startsWith(`${link}/`)) return target + path.slice(link.length);
    }
    return path;
  };
  return {
    asked,
    readFile: (p) => (asked.push(p), inner.readFile(follow(p))),
    stat: (p) => (asked.push(p), inner.stat(follow(p))),
    readDir: (p) => (asked.push(p), inner.readDir(follow(p))),
    realPath: (p) => (asked.push(p), inner.realPath(follow(p))),
  };
}

async function convertBinds(mounts: BindMount[], host: FileHost, options: { bindMounts?: BindMountPolicy; allowOutsideProject?: boolean } = {}, fields: Partial<ComposeProject> = {}) {
  const s: Service = service('web', { image: 'nginx:1', volumes: mounts });
  const ctx = createContext(project([s], fields), resolveOptionsForTest({ host, ...options }), new Map([['web', 'web']]));
  const scope: ServiceScope = { service: s, name: 'web', ref: composeServiceRef(s), settings: emptySettings() };
  const pod = await translateServiceVolumes(ctx, scope);
  for (const object of ctx.objects) expect(validateObject(JSON.parse(JSON.stringify(object)))).toEqual({ status: 'valid' });
  return { pod, objects: ctx.objects as any[], diagnostics: ctx.diagnostics };
}

describe('read-only bind mounts inside the project → ConfigMaps', () => {
  test('a file: its key, mounted with subPath', async () => {
    const m = ro('./nginx.conf', '/etc/nginx/nginx.conf');
    const { pod, objects, diagnostics } = await convertBinds([m], hostWith({ [`${ROOT}/nginx.conf`]: 'events {}\n' }));
    expect(objects).toMatchObject([{ kind: 'ConfigMap', metadata: { name: 'web-nginx-conf' }, data: { 'nginx.conf': 'events {}\n' } }]);
    expect(pod.volumes).toEqual([{ name: 'web-nginx-conf', configMap: { name: 'web-nginx-conf' } }]);
    expect(pod.volumeMounts).toEqual([{ name: 'web-nginx-conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true }]);
    expect(codes(diagnostics)).toEqual([{ code: 'convert/bind-mount', severity: 'info', line: m.span.line, column: 9 }]);
  });

  test('a directory: text in data, binary in binaryData (base64 once), sub-directories through items', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const host = hostWith({ [`${ROOT}/site/index.html`]: '<p>hi</p>', [`${ROOT}/site/img/logo.png`]: png });
    const { pod, objects } = await convertBinds([ro('./site', '/usr/share/nginx/html')], host);
    expect(objects[0]).toMatchObject({ data: { 'index.html': '<p>hi</p>' }, binaryData: { 'img_logo.png': Buffer.from(png).toString('base64') } });
    expect(pod.volumes![0]!.configMap).toEqual({ name: 'web-site', items: [{ key: 'img_logo.png', path: 'img/logo.png' }, { key: 'index.html', path: 'index.html' }] });
    expect(pod.volumeMounts).toEqual([{ name: 'web-site', mountPath: '/usr/share/nginx/html', readOnly: true }]);
  });

  test('more than 1000 files → the --bind-mounts policy, whatever their size', async () => {
    const files = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`${ROOT}/many/f${i}`, '']));
    const { objects, diagnostics } = await convertBinds([ro('./many', '/many')], hostWith(files));
    expect(objects.map((o) => o.kind)).toEqual(['PersistentVolumeClaim']);
    expect(diagnostics[0]!.message).toMatch(/more than 1000 files/);
  });

  test('the file of a Compose secret never goes into a ConfigMap: alone a Secret, in a directory left out', async () => {
    const secrets = [{ key: 'db_password', source: { type: 'file' as const, path: './conf/pw.txt', resolved: `${ROOT}/conf/pw.txt` }, labels: [], extensions: {}, span: span(), keys: {} }];
    const host = () => hostWith({ [`${ROOT}/conf/pw.txt`]: 'PLANTED', [`${ROOT}/conf/app.yaml`]: 'a: 1\n' });
    const alone = await convertBinds([ro('./conf/pw.txt', '/run/pw')], host(), {}, { secrets });
    expect(alone.objects).toMatchObject([{ kind: 'Secret', metadata: { name: 'web-pw-txt' }, data: { 'pw.txt': Buffer.from('PLANTED').toString('base64') } }]);
    expect(alone.pod.volumes).toEqual([{ name: 'web-pw-txt', secret: { secretName: 'web-pw-txt' } }]);
    expect(alone.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['convert/secret-file info']);
    const inDirectory = await convertBinds([ro('./conf', '/etc/conf')], host(), {}, { secrets });
    expect(inDirectory.objects).toMatchObject([{ kind: 'ConfigMap', data: { 'app.yaml': 'a: 1\n' } }]);
    expect(JSON.stringify(inDirectory.objects)).not.toContain('PLANTED');
    expect(inDirectory.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['convert/secret-file warning', 'convert/bind-mount info']);
  });

  test.each([
    ['a name that is not a key', './my app.conf', 'events {}\n', { key: 'my-app.conf', path: 'my app.conf' }],
    ['a script whose name is not a key', './run me.sh', '#!/bin/sh\n', { key: 'run-me.sh', path: 'run me.sh', mode: 0o755 }],
    ['a script (key = path)', './run.sh', '#!/bin/sh\n', { key: 'run.sh', path: 'run.sh', mode: 0o755 }],
  ])('a file through items (%s): subPath is the item path, the file the volume holds', async (_name, source, text, item) => {
    const { pod } = await convertBinds([ro(source, '/etc/app.conf')], hostWith({ [`${ROOT}/${source.slice(2)}`]: text }));
    expect(pod.volumes![0]!.configMap).toMatchObject({ items: [item] });
    expect(pod.volumeMounts).toMatchObject([{ mountPath: '/etc/app.conf', subPath: item.path, readOnly: true }]);
  });

  test('the file of a Compose secret whose name is not a key: subPath is the key the Secret holds (no items)', async () => {
    const secrets = [{ key: 'pw', source: { type: 'file' as const, path: './my pw.txt', resolved: `${ROOT}/my pw.txt` }, labels: [], extensions: {}, span: span(), keys: {} }];
    const { pod, objects } = await convertBinds([ro('./my pw.txt', '/run/pw')], hostWith({ [`${ROOT}/my pw.txt`]: 'x' }), {}, { secrets });
    expect(Object.keys(objects[0].data)).toEqual(['my-pw.txt']);
    expect(pod.volumes).toEqual([{ name: expect.any(String), secret: { secretName: objects[0].metadata.name } }]);
    expect(pod.volumeMounts).toMatchObject([{ mountPath: '/run/pw', subPath: 'my-pw.txt' }]);
  });

  test('a script keeps its execute bits', async () => {
    const { pod } = await convertBinds([ro('./run.sh', '/run.sh')], hostWith({ [`${ROOT}/run.sh`]: '#!/bin/sh\necho\n' }));
    expect(pod.volumes![0]!.configMap).toEqual({ name: 'web-run-sh', items: [{ key: 'run.sh', path: 'run.sh', mode: 0o755 }] });
  });

  test('more than 1 MiB → the --bind-mounts policy, with a warning that says why', async () => {
    const big = new Uint8Array(1024 * 1024 + 1).fill(0x61);
    const m = ro('./models', '/models');
    const { pod, objects, diagnostics } = await convertBinds([m], hostWith({ [`${ROOT}/models/a.bin`]: big }));
    expect(objects.map((o) => o.kind)).toEqual(['PersistentVolumeClaim']);
    expect(pod.volumeMounts).toEqual([{ name: 'web-models', mountPath: '/models', readOnly: true }]);
    expect(codes(diagnostics)).toEqual([{ code: 'convert/bind-mount', severity: 'warning', line: m.span.line, column: 9 }]);
    expect(diagnostics[0]!.message).toMatch(/1\.0 MiB, more than the 1 MiB/);
  });
});

describe('other bind mounts follow --bind-mounts', () => {
  const files = { [`${ROOT}/data/seed.txt`]: 'seed\n' };
  test.each([
    ['pvc', { name: 'web-data', persistentVolumeClaim: { claimName: 'web-data' } }, ['PersistentVolumeClaim']],
    ['hostpath', { name: 'web-data', hostPath: { path: `${ROOT}/data`, type: 'Directory' } }, []],
    ['emptydir', { name: 'web-data', emptyDir: {} }, []],
    ['configmap', { name: 'web-data', configMap: { name: 'web-data' } }, ['ConfigMap']],
  ] as const)('a read-write directory with %s', async (policy, volume, kinds) => {
    const m = bind('./data', '/data');
    const { pod, objects, diagnostics } = await convertBinds([m], hostWith(files), { bindMounts: policy });
    expect(pod.volumes).toEqual([volume]);
    expect(objects.map((o) => o.kind)).toEqual(kinds);
    expect(codes(diagnostics)).toEqual([{ code: 'convert/bind-mount', severity: 'warning', line: m.span.line, column: 9 }]);
    expect(diagnostics[0]!.message).toContain('./data:/data');
    expect(pod.readWriteOnceClaims ?? []).toEqual(policy === 'pvc' ? ['web-data'] : []);
  });

  test('a read-write file → a ConfigMap (read-only, warned); with hostpath the node file', async () => {
    const host = () => hostWith({ [`${ROOT}/app.json`]: '{}' });
    const m = bind('./app.json', '/app/config.json');
    const asConfigMap = await convertBinds([m], host());
    expect(asConfigMap.pod.volumeMounts).toEqual([{ name: 'web-app-json', mountPath: '/app/config.json', subPath: 'app.json', readOnly: true }]);
    expect(asConfigMap.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/mounted read-only/)]);
    const asHostPath = await convertBinds([m], host(), { bindMounts: 'hostpath' });
    expect(asHostPath.pod.volumes).toEqual([{ name: 'web-app-json', hostPath: { path: `${ROOT}/app.json`, type: 'File' } }]);
  });

  test('a missing source: a warning (Compose creates a directory); with create_host_path false an error', async () => {
    const created = bind('./uploads', '/uploads');
    const soft = await convertBinds([created], hostWith({}));
    expect(codes(soft.diagnostics)).toEqual([{ code: 'convert/bind-mount', severity: 'warning', line: created.span.line, column: 9 }]);
    expect(soft.diagnostics[0]!.message).toMatch(/does not exist/);
    const strict = bind('./uploads', '/uploads', { createHostPath: false });
    const hard = await convertBinds([strict], hostWith({}));
    expect(codes(hard.diagnostics)).toEqual([{ code: 'convert/missing-bind-source', severity: 'error', line: strict.span.line, column: 9 }]);
    expect(hard.pod).toEqual({});
  });

  test('the Docker socket → hostPath of type Socket with its own warning; host system paths → hostPath', async () => {
    const { pod, diagnostics } = await convertBinds([bind('/var/run/docker.sock', '/var/run/docker.sock'), ro('/etc/localtime', '/etc/localtime')], hostWith({}));
    expect(pod.volumes).toEqual([
      { name: 'web-docker-sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } },
      { name: 'web-localtime', hostPath: { path: '/etc/localtime' } },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['convert/docker-socket', 'convert/host-path']);
  });

  test.each([
    ['/', true],
    ['/var/log', true],
    ['/var/lib/docker/containers', true],
    ['/run/udev', true],
    ['/etc/localtime', true],
    ['/etc/nginx', false],
    ['/srv', false],
    ['/devices', false],
  ])('%s is a host system path: %s', (path, expected) => {
    expect(isHostSystemPath(path)).toBe(expected);
  });

  test('bind options Kubernetes has no field for are reported', async () => {
    const m = bind('./x', '/x', { propagation: 'rshared', selinux: 'Z', keys: { 'bind.propagation': span(11) } });
    const { diagnostics } = await convertBinds([m], hostWith({}), { bindMounts: 'emptydir' });
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}`)).toEqual([
      `convert/dropped-key warning ${m.keys['bind.propagation']!.line}`,
      `convert/dropped-key info ${m.span.line}`,
      `convert/bind-mount warning ${m.span.line}`,
    ]);
  });
});

describe('confinement to the project directory', () => {
  test('a read-only mount outside → an error, nothing read, nothing even looked at', async () => {
    const m = ro('../secret.txt', '/s');
    m.resolved = '/work/secret.txt';
    const host = hostWith({ '/work/secret.txt': 'PLANTED' });
    const { pod, objects, diagnostics } = await convertBinds([m], host);
    expect(codes(diagnostics)).toEqual([{ code: 'convert/outside-project', severity: 'error', line: m.span.line, column: 9 }]);
    expect(objects).toEqual([]);
    expect(pod).toEqual({});
    expect(host.asked).toEqual([]);
  });

  test('a read-write mount outside → the policy, not read (the output does not depend on what exists there)', async () => {
    const host = hostWith({ '/srv/data/x': 'PLANTED' });
    const { pod, diagnostics } = await convertBinds([bind('/srv/data', '/data')], host, { bindMounts: 'configmap' });
    expect(pod.volumes).toEqual([{ name: 'web-data', persistentVolumeClaim: { claimName: 'web-data' } }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['convert/bind-mount']);
    expect(host.asked).toEqual([]);
  });

  test.each([
    ['a symlinked file', './link.conf', { [`${ROOT}/link.conf`]: '/etc/passwd' }],
    ['a path through a symlinked directory', './dir/passwd', { [`${ROOT}/dir`]: '/etc' }],
  ])('%s that leaves the project → an error', async (_name, source, links) => {
    const host = hostWith({ '/etc/passwd': 'PLANTED', [`${ROOT}/compose.yaml`]: '' }, links);
    const { objects, diagnostics } = await convertBinds([ro(source, '/x')], host);
    expect(diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['convert/outside-project error']);
    expect(JSON.stringify(objects)).not.toContain('PLANTED');
  });

  test('a symlink inside a mounted directory that leaves the project → an error', async () => {
    const host = hostWith({ [`${ROOT}/conf/a.conf`]: 'a', '/etc/passwd': 'PLANTED' }, { [`${ROOT}/conf/b.conf`]: '/etc/passwd' });
    const inner = host.readDir;
    host.readDir = async (p) => (p === `${ROOT}/conf` ? ['a.conf', 'b.conf'] : inner(p));
    const { objects, diagnostics } = await convertBinds([ro('./conf', '/etc/conf')], host);
    expect(diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['convert/outside-project error']);
    expect(diagnostics[0]!.message).toContain('b.conf');
    expect(JSON.stringify(objects)).not.toContain('PLANTED');
  });

  test('--allow-outside-project reads it', async () => {
    const m = ro('../shared.conf', '/etc/shared.conf');
    m.resolved = '/work/shared.conf';
    const { objects, diagnostics } = await convertBinds([m], hostWith({ '/work/shared.conf': 'x=1\n' }), { allowOutsideProject: true });
    expect(objects).toMatchObject([{ kind: 'ConfigMap', data: { 'shared.conf': 'x=1\n' } }]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['info']);
  });
});
