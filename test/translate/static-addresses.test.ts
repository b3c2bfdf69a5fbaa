import { describe, expect, test } from 'vitest';
import { lint } from '../../src/lint/index.js';
import { toYamlStream } from '../../src/translate/serialize.js';
import { containerOf, convert, env, find, port, project, service, span } from './model-builder.js';

const IGNORE = { 'shipshape.io/ignore': 'hardcoded-pod-ip' };

async function withEnv(value: string) {
  const s = service('pihole', { image: 'pihole/pihole:2024.07.0', environment: [env('TARGET', value)] });
  const result = await convert(project([s]));
  const workload = find(result.objects, 'Deployment', 'pihole');
  const lintErrors = lint([{ path: 'out.yaml', text: toYamlStream(result.objects) }]).diagnostics.filter((d) => d.severity === 'error');
  return { result, workload, lintErrors, line: s.environment[0]!.span.line };
}

describe('private addresses of hosts outside the cluster', () => {
  test.each([
    ['a LAN router (RFC 1918)', '192.168.178.1', '192.168.178.1'],
    ['an address inside a URL', 'http://10.1.2.3:8080/', '10.1.2.3'],
    ['CGNAT', '100.64.1.1', '100.64.1.1'],
    ['an IPv6 unique local address', 'fd00::1', 'fd00::1'],
    ['two addresses', '10.0.0.1,10.0.0.2', '10.0.0.1 and 10.0.0.2'],
  ])('%s: kept, warned at its position, the workload accepts it for the linter', async (_name, value, named) => {
    const { result, workload, lintErrors, line } = await withEnv(value);
    expect(containerOf(workload).env).toEqual([{ name: 'TARGET', value }]);
    expect(result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line }))).toEqual([{ code: 'convert/external-address', severity: 'warning', line }]);
    expect(result.diagnostics[0]!.message).toContain(named);
    expect(workload.metadata.annotations).toEqual(IGNORE);
    expect(lintErrors).toEqual([]);
  });

  test.each([
    ['a public address', '8.8.8.8'],
    ['a network in CIDR notation', '10.0.0.0/8'],
    ['a network address without its prefix', '10.13.13.0'],
    ['a version string', 'v10.1.2.3'],
    ['loopback', '127.0.0.1'],
  ])('%s is no address of a host: nothing to say', async (_name, value) => {
    const { result, workload } = await withEnv(value);
    expect(result.diagnostics).toEqual([]);
    expect(workload.metadata.annotations).toBeUndefined();
  });

  test('in the command line too', async () => {
    const s = service('app', { image: 'x:1', command: { argv: ['--db', '172.20.0.9'], form: 'list', span: span() } });
    const result = await convert(project([s]));
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual([`convert/external-address ${s.command!.span.line}`]);
    expect(find(result.objects, 'Deployment', 'app').metadata.annotations).toEqual(IGNORE);
  });

  test.each([
    ['alone', '172.28.0.5', '$(DB_SERVICE_HOST)'],
    ['with a port', 'postgres://172.28.0.5:5432/app', 'postgres://$(DB_SERVICE_HOST):5432/app'],
    ['not as part of a longer address', '172.28.0.55', undefined],
  ])('a static address of a project service is rewritten (%s), not taken for an outside host', async (_name, value, rewritten) => {
    const db = service('db', {
      image: 'postgres:16',
      ports: [port('5432')],
      networks: [{ name: 'back', aliases: [], ipv4Address: '172.28.0.5', span: span(), keys: {} }],
    });
    const app = service('app', { image: 'x:1', environment: [env('DB_HOST', value)] });
    const result = await convert(project([db, app]));
    const workload = find(result.objects, 'Deployment', 'app');
    if (rewritten === undefined) {
      expect(containerOf(workload).env).toEqual([{ name: 'DB_HOST', value }]);
      expect(result.diagnostics.map((d) => d.code)).toContain('convert/external-address');
      return;
    }
    expect(containerOf(workload).env).toEqual([{ name: 'DB_HOST', value: rewritten }]);
    expect(workload.metadata.annotations).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).not.toContain('convert/external-address');
  });
});
