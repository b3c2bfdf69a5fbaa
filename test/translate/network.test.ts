import { describe, expect, test } from 'vitest';
import { lint } from '../../src/lint/index.js';
import { toYamlStream } from '../../src/translate/serialize.js';
import { codes, convert, deploy, find, podSpecOf, port, project, service, span, kv } from './model-builder.js';

async function podOf(s: ReturnType<typeof service>) {
  const result = await convert(project([s]));
  return { pod: podSpecOf(find(result.objects, 'Deployment', s.name)), result };
}

describe('host and DNS', () => {
  test('extra_hosts → hostAliases grouped by address; host-gateway dropped', async () => {
    const gateway = { host: 'host.docker.internal', ips: ['host-gateway'], span: span() };
    const s = service('w', { image: 'x:1', extraHosts: [{ host: 'a', ips: ['203.0.113.7'], span: span() }, { host: 'b', ips: ['203.0.113.7', '::1'], span: span() }, gateway] });
    const { pod, result } = await podOf(s);
    expect(pod.hostAliases).toEqual([{ ip: '203.0.113.7', hostnames: ['a', 'b'] }, { ip: '::1', hostnames: ['b'] }]);
    expect(result.diagnostics).toMatchObject([{ code: 'convert/dropped-key', line: gateway.span.line }]);
  });
  test.each([
    ['RFC 1918', '192.168.1.10'],
    ['CGNAT', '100.64.0.9'],
    ['IPv6 ULA', 'fd00::10'],
  ])('a private address (%s) in extra_hosts: kept, warned at the entry, the workload accepts it for the linter', async (_name, ip) => {
    const entry = { host: 'db.lan', ips: [ip], span: span() };
    const { pod, result } = await podOf(service('w', { image: 'x:1', extraHosts: [entry] }));
    expect(pod.hostAliases).toEqual([{ ip, hostnames: ['db.lan'] }]);
    expect(codes(result.diagnostics)).toEqual([{ code: 'convert/external-address', severity: 'warning', line: entry.span.line, column: entry.span.column }]);
    expect(find(result.objects, 'Deployment', 'w').metadata.annotations).toEqual({ 'shipshape.io/ignore': 'hardcoded-pod-ip' });
    expect(lint([{ path: 'out.yaml', text: toYamlStream(result.objects) }]).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  test.each([
    ['with a Service', [port('5432')], 'its Service'],
    ['without a Service', [], 'it has none'],
  ])('a static address of a project service (%s) in extra_hosts: the alias is dropped with a warning', async (_name, ports, says) => {
    const db = service('db', { image: 'pg:1', ports, networks: [{ name: 'back', aliases: [], ipv4Address: '172.28.0.5', span: span(), keys: {} }] });
    const entry = { host: 'db.lan', ips: ['172.28.0.5'], span: span() };
    const w = service('w', { image: 'x:1', extraHosts: [entry, { host: 'nas', ips: ['203.0.113.9'], span: span() }] });
    const result = await convert(project([db, w]));
    const workload = find(result.objects, 'Deployment', 'w');
    expect(podSpecOf(workload).hostAliases).toEqual([{ ip: '203.0.113.9', hostnames: ['nas'] }]);
    const warnings = result.diagnostics.filter((d) => d.code === 'convert/static-address');
    expect(warnings).toMatchObject([{ severity: 'warning', line: entry.span.line, related: [{ line: db.networks[0]!.span.line }] }]);
    expect(warnings[0]!.message).toContain(says);
    expect(workload.metadata.annotations).toBeUndefined();
  });
  test('dns, dns_search, dns_opt → dnsConfig (cluster DNS kept first)', async () => {
    const { pod, result } = await podOf(service('w', { image: 'x:1', dns: ['1.1.1.1'], dnsSearch: ['example.com'], dnsOpt: ['ndots:2', 'rotate'] }));
    expect(pod.dnsConfig).toEqual({ nameservers: ['1.1.1.1'], searches: ['example.com'], options: [{ name: 'ndots', value: '2' }, { name: 'rotate' }] });
    expect(pod.dnsPolicy).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['convert/dns']);
  });
  test('hostname; a domain part is dropped', async () => {
    expect((await podOf(service('w', { image: 'x:1', hostname: 'web1' }))).pod.hostname).toBe('web1');
    const { pod, result } = await podOf(service('w', { image: 'x:1', hostname: 'web1.example.com' }));
    expect(pod.hostname).toBe('web1');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['convert/dropped-key']);
  });
  test('sysctls → pod securityContext.sysctls', async () => {
    const { pod } = await podOf(service('w', { image: 'x:1', sysctls: [kv('net.core.somaxconn', '1024')] }));
    expect(pod.securityContext).toEqual({ sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] });
  });
});

describe('namespaces of the host', () => {
  test('network_mode: host → hostNetwork with cluster DNS', async () => {
    const { pod } = await podOf(service('w', { image: 'x:1', networkMode: 'host' }));
    expect(pod).toMatchObject({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' });
  });
  test('pid: host, ipc: host', async () => {
    const { pod } = await podOf(service('w', { image: 'x:1', pid: 'host', ipc: 'host' }));
    expect(pod).toMatchObject({ hostPID: true, hostIPC: true });
  });
  test.each(['none', 'container:abc'])('network_mode: %s is a warning', async (networkMode) => {
    const s = service('w', { image: 'x:1', networkMode });
    const { result } = await podOf(s);
    expect(result.diagnostics).toMatchObject([{ code: 'convert/dropped-key', severity: 'warning', line: s.keys.network_mode!.line }]);
  });
});

describe('network_mode: service:X', () => {
  test('the service becomes a sidecar container of X', async () => {
    const vpn = service('vpn', { image: 'vpn:1', ports: [port('8080')] });
    const app = service('app', { image: 'app:1', networkMode: 'service:vpn' });
    const result = await convert(project([app, vpn]));
    expect(result.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Service/vpn', 'Deployment/vpn']);
    expect(podSpecOf(find(result.objects, 'Deployment', 'vpn')).containers.map((c: any) => c.name)).toEqual(['vpn', 'app']);
  });
  test('an unknown service is an error', async () => {
    const app = service('app', { image: 'app:1', networkMode: 'service:nope' });
    const result = await convert(project([app]));
    expect(result.diagnostics).toMatchObject([{ code: 'convert/unknown-service', severity: 'error' }]);
    expect(find(result.objects, 'Deployment', 'app')).toBeDefined();
  });
  test.each([
    ['deploy.replicas other than the pod\'s', () => ({ deploy: deploy({ replicas: 3 }) }), (s: any) => s.deploy.keys.replicas, 'warning'],
    ['scale other than the pod\'s', () => ({ scale: 4 }), (s: any) => s.keys.scale, 'warning'],
    ['deploy.mode global', () => ({ deploy: deploy({ mode: 'global' }, ['mode']) }), (s: any) => s.deploy.keys.mode, 'warning'],
    ['deploy.replicas equal to the pod\'s', () => ({ deploy: deploy({ replicas: 2 }) }), (s: any) => s.deploy.keys.replicas, 'info'],
  ] as const)('a sidecar\'s %s is dropped, reported at its key', async (_name, fields, key, severity) => {
    const vpn = service('vpn', { image: 'vpn:1', deploy: deploy({ replicas: 2 }) });
    const app = service('app', { image: 'app:1', networkMode: 'service:vpn', ...fields() });
    const result = await convert(project([vpn, app]));
    expect(find(result.objects, 'Deployment', 'vpn').spec.replicas).toBe(2);
    expect(result.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Deployment/vpn']);
    const dropped = result.diagnostics.filter((d) => d.code === 'convert/sidecar-replicas');
    expect(dropped).toMatchObject([{ severity, line: key(app).line, column: key(app).column }]);
    expect(dropped[0]!.message).toContain("'vpn'");
  });
  test('a cycle is an error', async () => {
    const a = service('a', { image: 'x:1', networkMode: 'service:b' });
    const b = service('b', { image: 'x:1', networkMode: 'service:a' });
    const result = await convert(project([a, b]));
    expect(result.diagnostics.filter((d) => d.code === 'convert/network-mode-cycle')).toHaveLength(2);
  });
});

describe('placement', () => {
  const constraint = (field: string, operator: '==' | '!=', value: string) => ({ field, operator, value, span: span() });
  test('constraints and platform → required node affinity', async () => {
    const role = constraint('node.role', '==', 'manager');
    const placement = { span: span(), keys: {}, constraints: [constraint('node.labels.disk', '==', 'ssd'), constraint('node.hostname', '!=', 'n1'), constraint('node.platform.arch', '==', 'x86_64'), role], preferences: [] };
    const s = service('w', { image: 'x:1', platform: 'linux/arm64', deploy: deploy({ placement }) });
    const { pod, result } = await podOf(s);
    expect(pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      {
        matchExpressions: [
          { key: 'disk', operator: 'In', values: ['ssd'] },
          { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n1'] },
          { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
          { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
          { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
        ],
      },
    ]);
    expect(result.diagnostics).toMatchObject([{ code: 'convert/dropped-key', line: role.span.line }]);
  });
});

describe('networks', () => {
  test('aliases and static addresses are reported at their keys', async () => {
    const network = { span: span(), keys: { aliases: span(), ipv4_address: span() }, name: 'backend', aliases: ['database'], ipv4Address: '172.16.0.10' };
    const { result } = await podOf(service('db', { image: 'x:1', networks: [network] }));
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['convert/dropped-key', network.keys.aliases.line],
      ['convert/dropped-key', network.keys.ipv4_address.line],
    ]);
  });
  test('top-level networks: a note each', async () => {
    const result = await convert(project([service('w', { image: 'x:1' })], { networks: [{ span: span(), keys: {}, key: 'backend', external: false, internal: false, extensions: {} }] }));
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['convert/dropped-network', 'info']]);
  });
});
