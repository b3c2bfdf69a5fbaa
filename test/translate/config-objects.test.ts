import { describe, expect, test } from 'vitest';
import type { ConfigDefinition, ContentSource, EnvFile, FileReference, SecretDefinition } from '../../src/compose/model.js';
import { memoryHost } from '../../src/host.js';
import { validateObject } from '../../src/k8s/schema/index.js';
import { lint } from '../../src/lint/index.js';
import { toYamlStream } from '../../src/translate/serialize.js';
import { codes, containerOf, convert, env, find, keysOf, podSpecOf, port, project, service, span } from './model-builder.js';

const ROOT = '/work/shop';
const PLANTED = 'PLANTED-value-3f1a';

function envFile(path: string, vars: [string, string][], fields: Partial<EnvFile> = {}): EnvFile {
  return {
    path,
    resolved: `${ROOT}/${path.replace(/^\.\//, '')}`,
    required: true,
    vars: vars.map(([name, value]) => ({ name, value, span: { file: `${ROOT}/${path}`, line: 1, column: 1, endLine: 1, endColumn: 2 } })),
    span: span(9),
    ...fields,
  };
}

function definition(key: string, source: ContentSource, keys: string[] = []): SecretDefinition & ConfigDefinition {
  return { key, source, labels: [], extensions: {}, span: span(3), keys: keysOf(...keys) };
}

function ref(source: string, fields: Partial<FileReference> = {}, keys: string[] = []): FileReference {
  return { source, span: span(9), keys: keysOf(...keys), ...fields };
}

const file = (path: string): ContentSource => ({ type: 'file', path, resolved: `${ROOT}/${path.replace(/^\.\//, '')}` });

async function converted(...args: Parameters<typeof convert>) {
  const result = await convert(...args);
  for (const object of result.objects) expect(validateObject(JSON.parse(JSON.stringify(object)))).toEqual({ status: 'valid' });
  expect(lint([{ path: 'out.yaml', text: toYamlStream(result.objects) }]).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

describe('env_file', () => {
  test('one ConfigMap of the files in order (a later file wins) and envFrom; environment still wins as env', async () => {
    const s = service('web', { image: 'x:1', envFiles: [envFile('./a.env', [['REGION', 'eu'], ['LEVEL', 'info']]), envFile('./b.env', [['REGION', 'us']])], environment: [env('LEVEL', 'debug')] });
    const result = await converted(project([s]));
    expect(find(result.objects, 'ConfigMap', 'web-env').data).toEqual({ REGION: 'us', LEVEL: 'info' });
    const container = containerOf(find(result.objects, 'Deployment', 'web'));
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'web-env' } }]);
    expect(container.env).toEqual([{ name: 'LEVEL', value: 'debug' }]);
  });

  test('a missing optional file (no variables) adds nothing', async () => {
    const result = await converted(project([service('web', { image: 'x:1', envFiles: [envFile('./local.env', [], { required: false })] })]));
    expect(result.objects.map((o) => o.kind)).toEqual(['Deployment']);
    expect(result.diagnostics).toEqual([]);
  });

  test('an env file outside the project → an error, and none of its values are written', async () => {
    const outside = envFile('../o.env', [['SECRET', PLANTED]]);
    outside.resolved = '/work/o.env';
    const result = await convert(project([service('web', { image: 'x:1', envFiles: [outside] })]), { host: memoryHost({ '/work/o.env': `SECRET=${PLANTED}` }) });
    expect(codes(result.diagnostics)).toEqual([{ code: 'convert/outside-project', severity: 'error', line: outside.span.line, column: 9 }]);
    expect(JSON.stringify(result)).not.toContain(PLANTED);
  });

  test('a variable with the static address of a service goes into env, rewritten like environment: values', async () => {
    const db = service('db', { image: 'postgres:16', ports: [port('5432')], networks: [{ name: 'back', aliases: [], ipv4Address: '172.28.0.5', span: span(), keys: {} }] });
    const web = service('web', { image: 'x:1', envFiles: [envFile('./a.env', [['DB_HOST', '172.28.0.5'], ['PRICE', '$(cheap)']])] });
    const result = await convert(project([db, web]));
    expect(find(result.objects, 'ConfigMap', 'web-env').data).toEqual({ PRICE: '$(cheap)' });
    const deployment = find(result.objects, 'Deployment', 'web');
    expect(containerOf(deployment).env).toEqual([{ name: 'DB_HOST', value: '$(DB_SERVICE_HOST)' }]);
    expect(podSpecOf(deployment).enableServiceLinks).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === 'convert/static-address')).toHaveLength(1);
  });

  test('a name that cannot be a ConfigMap key is dropped with a warning', async () => {
    const result = await converted(project([service('web', { image: 'x:1', envFiles: [envFile('./a.env', [['OK', '1'], ['not ok', '2']])] })]));
    expect(find(result.objects, 'ConfigMap', 'web-env').data).toEqual({ OK: '1' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['convert/invalid-env-name']);
  });
});

describe('secrets', () => {
  const host = memoryHost({ [`${ROOT}/db_password.txt`]: `${PLANTED}\n` });

  test('file, environment and external secrets → Secrets mounted with subPath at their targets', async () => {
    const s = service('api', {
      image: 'x:1',
      secrets: [ref('db_password'), ref('token', { target: 'api-token', mode: 0o400 }), ref('tls', { target: '/etc/tls/key.pem' })],
    });
    const secrets = [
      definition('db_password', file('./db_password.txt')),
      definition('token', { type: 'environment', variable: 'TOKEN', value: PLANTED }),
      definition('tls', { type: 'external', name: 'api-tls' }, ['external']),
    ];
    const result = await converted(project([s], { secrets }), { host });
    expect(find(result.objects, 'Secret', 'db-password')).toMatchObject({ type: 'Opaque', data: { db_password: Buffer.from(`${PLANTED}\n`).toString('base64') } });
    expect(find(result.objects, 'Secret', 'token').data).toEqual({ token: Buffer.from(PLANTED).toString('base64') });
    expect(result.objects.filter((o) => o.kind === 'Secret')).toHaveLength(2);
    const pod = podSpecOf(find(result.objects, 'Deployment', 'api'));
    expect(containerOf(find(result.objects, 'Deployment', 'api')).volumeMounts).toEqual([
      { name: 'api-secret-db-password', mountPath: '/run/secrets/db_password', subPath: 'db_password', readOnly: true },
      { name: 'api-secret-token', mountPath: '/run/secrets/api-token', subPath: 'token', readOnly: true },
      { name: 'api-secret-tls', mountPath: '/etc/tls/key.pem', subPath: 'tls', readOnly: true },
    ]);
    expect(pod.volumes).toEqual([
      { name: 'api-secret-db-password', secret: { secretName: 'db-password' } },
      { name: 'api-secret-token', secret: { secretName: 'token', defaultMode: 0o400 } },
      { name: 'api-secret-tls', secret: { secretName: 'api-tls' } },
    ]);
    expect(codes(result.diagnostics)).toEqual([{ code: 'convert/external-secret', severity: 'info', line: secrets[2]!.keys.external!.line, column: 5 }]);
  });

  test('an external name that is no object name is normalized, with a warning', async () => {
    const def = definition('tls', { type: 'external', name: 'API_TLS' }, ['external', 'name']);
    const result = await converted(project([service('api', { image: 'x:1', secrets: [ref('tls')] })], { secrets: [def] }));
    expect(podSpecOf(find(result.objects, 'Deployment', 'api')).volumes).toEqual([{ name: 'api-secret-tls', secret: { secretName: 'api-tls' } }]);
    expect(codes(result.diagnostics).filter((d) => d.severity === 'warning')).toEqual([{ code: 'convert/external-name', severity: 'warning', line: def.keys.name!.line, column: 5 }]);
  });

  test('uid and gid are dropped with warnings at their keys', async () => {
    const r = ref('db_password', { uid: '1000', gid: '1000' }, ['uid', 'gid']);
    const result = await converted(project([service('api', { image: 'x:1', secrets: [r] })], { secrets: [definition('db_password', file('./db_password.txt'))] }), { host });
    expect(codes(result.diagnostics)).toEqual([
      { code: 'convert/dropped-key', severity: 'warning', line: r.keys.uid!.line, column: 5 },
      { code: 'convert/dropped-key', severity: 'warning', line: r.keys.gid!.line, column: 5 },
    ]);
  });

  test.each([
    ['outside the project', '../db.txt', {}, 'convert/outside-project'],
    ['missing', './nope.txt', {}, 'convert/missing-file'],
    ['too large', './big.txt', { [`${ROOT}/big.txt`]: `${PLANTED}${'x'.repeat(1024 * 1024)}` }, 'convert/unreadable-file'],
  ])('a secret file %s → an error that quotes nothing of it', async (_name, path, files, code) => {
    const def = definition('s', { type: 'file', path, resolved: path.startsWith('..') ? '/work/db.txt' : `${ROOT}/${path.slice(2)}` }, ['file']);
    const result = await convert(project([service('api', { image: 'x:1', secrets: [ref('s')] })], { secrets: [def] }), { host: memoryHost({ '/work/db.txt': PLANTED, ...files }) });
    expect(codes(result.diagnostics)).toEqual([{ code, severity: 'error', line: def.keys.file!.line, column: 5 }]);
    expect(JSON.stringify(result)).not.toContain(PLANTED);
    expect(result.objects.map((o) => o.kind)).toEqual(['Deployment']);
  });

  test('an unused secret makes no object (info)', async () => {
    const result = await converted(project([service('api', { image: 'x:1' })], { secrets: [definition('s', file('./db_password.txt'))] }), { host });
    expect(result.objects.map((o) => o.kind)).toEqual(['Deployment']);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['convert/unused-secret']);
  });
});

describe('configs', () => {
  test('file (text and binary), content, environment, external → ConfigMaps mounted at /<name> by default', async () => {
    const binary = new Uint8Array([0, 1, 2, 255]);
    const configs = [
      definition('app', file('./app.yaml')),
      definition('blob', file('./blob.bin')),
      definition('flags', { type: 'content', content: '{"beta":true}' }),
      definition('upstream', { type: 'environment', variable: 'UP', value: 'http://api:8080' }),
      definition('ca', { type: 'external', name: 'ca' }),
    ];
    const s = service('api', { image: 'x:1', configs: [ref('app'), ref('blob', { target: '/srv/blob.bin' }), ref('flags', { mode: 0o440 }), ref('upstream'), ref('ca')] });
    const result = await converted(project([s], { configs }), { host: memoryHost({ [`${ROOT}/app.yaml`]: 'a: 1\n', [`${ROOT}/blob.bin`]: binary }) });
    expect(find(result.objects, 'ConfigMap', 'app').data).toEqual({ app: 'a: 1\n' });
    expect(find(result.objects, 'ConfigMap', 'blob')).toMatchObject({ binaryData: { blob: 'AAEC/w==' } });
    expect(find(result.objects, 'ConfigMap', 'blob').data).toBeUndefined();
    expect(find(result.objects, 'ConfigMap', 'flags').data).toEqual({ flags: '{"beta":true}' });
    expect(find(result.objects, 'ConfigMap', 'upstream').data).toEqual({ upstream: 'http://api:8080' });
    const mounts = containerOf(find(result.objects, 'Deployment', 'api')).volumeMounts.map((m: any) => `${m.mountPath} ${m.subPath}`);
    expect(mounts).toEqual(['/app app', '/srv/blob.bin blob', '/flags flags', '/upstream upstream', '/ca ca']);
    expect(podSpecOf(find(result.objects, 'Deployment', 'api')).volumes[2]).toEqual({ name: 'api-config-flags', configMap: { name: 'flags', defaultMode: 0o440 } });
  });

  test('a static address of a service in a config cannot be rewritten: a warning, and the ConfigMap accepts it for the linter', async () => {
    const db = service('db', { image: 'postgres:16', ports: [port('5432')], networks: [{ name: 'back', aliases: [], ipv4Address: '172.28.0.5', span: span(), keys: {} }] });
    const def = definition('conn', { type: 'content', content: 'host=172.28.0.5' });
    const result = await convert(project([db, service('api', { image: 'x:1', configs: [ref('conn')] })], { configs: [def] }));
    expect(result.diagnostics.filter((d) => d.code !== 'convert/dropped-key').map((d) => `${d.code} ${d.line}`)).toEqual([`convert/static-address ${def.span.line}`]);
    expect(find(result.objects, 'ConfigMap', 'conn').metadata.annotations).toEqual({ 'shipshape.io/ignore': 'hardcoded-pod-ip' });
    expect(lint([{ path: 'out.yaml', text: toYamlStream(result.objects) }]).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('a private address of an outside host in a config → warning and the ignore annotation', async () => {
    const def = definition('up', { type: 'content', content: 'server 10.9.8.7:389' });
    const result = await converted(project([service('api', { image: 'x:1', configs: [ref('up')] })], { configs: [def] }));
    expect(find(result.objects, 'ConfigMap', 'up').metadata.annotations).toEqual({ 'shipshape.io/ignore': 'hardcoded-pod-ip' });
    expect(codes(result.diagnostics)).toEqual([{ code: 'convert/external-address', severity: 'warning', line: def.span.line, column: 3 }]);
  });
});
