import { describe, expect, test } from 'vitest';
import { at, convert, containerOf, deploy, find, longPort, podSpecOf, port, project, service, span } from './model-builder.js';

async function servicePorts(...ports: ReturnType<typeof port>[]) {
  const result = await convert(project([service('web', { image: 'x:1', ports })]));
  return { svc: find(result.objects, 'Service', 'web'), container: containerOf(find(result.objects, 'Deployment', 'web')), result };
}

describe('ports', () => {
  test("'80': port 80, named tcp-80, targetPort is the container port's name", async () => {
    const { svc, container } = await servicePorts(port('80'));
    expect(svc.spec.ports).toEqual([{ name: 'tcp-80', port: 80, protocol: 'TCP', targetPort: 'tcp-80' }]);
    expect(container.ports).toEqual([{ name: 'tcp-80', containerPort: 80, protocol: 'TCP' }]);
    expect(svc.spec.type).toBe('ClusterIP');
  });
  test("'8080:80': the published port, and the container port other services use", async () => {
    const { svc } = await servicePorts(port('8080:80'));
    expect(svc.spec.ports).toEqual([
      { name: 'tcp-8080', port: 8080, protocol: 'TCP', targetPort: 'tcp-80' },
      { name: 'tcp-80', port: 80, protocol: 'TCP', targetPort: 'tcp-80' },
    ]);
  });
  test("'53/udp' keeps UDP", async () => {
    const { svc, container } = await servicePorts(port('53/udp'));
    expect(svc.spec.ports[0]).toMatchObject({ name: 'udp-53', protocol: 'UDP' });
    expect(container.ports[0]).toMatchObject({ protocol: 'UDP' });
  });
  test("'53' and '53/udp' are two ports", async () => {
    const { svc } = await servicePorts(port('53'), port('53/udp'));
    expect(svc.spec.ports.map((p: any) => p.name)).toEqual(['tcp-53', 'udp-53']);
  });
  test("'3000-3002' expands to three ports", async () => {
    const { svc } = await servicePorts(port('3000-3002'));
    expect(svc.spec.ports.map((p: any) => p.port)).toEqual([3000, 3001, 3002]);
  });
  test("'9000-9001:3000-3001' pairs published and target", async () => {
    const { svc } = await servicePorts(port('9000-9001:3000-3001'));
    expect(svc.spec.ports.slice(0, 2).map((p: any) => [p.port, p.targetPort])).toEqual([[9000, 'tcp-3000'], [9001, 'tcp-3001']]);
  });
  test('a range above 100 ports is a warning', async () => {
    const { result, svc } = await servicePorts(port('10000-10200'));
    expect(svc.spec.ports).toHaveLength(201);
    expect(result.diagnostics.filter((d) => d.code === 'convert/many-ports')).toHaveLength(1);
  });
  test('long syntax: name and app_protocol', async () => {
    const { svc, container } = await servicePorts(longPort({ target: { start: 8080, end: 8080 }, name: 'http', appProtocol: 'http' }));
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' }]);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });
  test('an invalid port name is replaced, with a warning at the name', async () => {
    const p = longPort({ target: { start: 80, end: 80 }, name: 'Web_HTTP' });
    const { svc, result } = await servicePorts(p);
    expect(svc.spec.ports[0].name).toBe('tcp-80');
    expect(result.diagnostics.find((d) => d.code === 'convert/port-name')).toMatchObject({ line: p.keys.name!.line });
  });
  test('a Service port name may be longer than a container port name', async () => {
    const { svc, container } = await servicePorts(longPort({ target: { start: 80, end: 80 }, name: 'very-long-port-name' }));
    expect(svc.spec.ports[0]).toMatchObject({ name: 'very-long-port-name', targetPort: 'tcp-80' });
    expect(container.ports[0].name).toBe('tcp-80');
  });
  test('host_ip and mode: host are reported as dropped at their keys', async () => {
    const p = longPort({ target: { start: 80, end: 80 }, published: { start: 80, end: 80 }, hostIp: '127.0.0.1', mode: 'host' });
    const { result } = await servicePorts(p);
    const dropped = result.diagnostics.filter((d) => d.code === 'convert/dropped-key').map((d) => d.line);
    expect(dropped).toEqual([p.keys.host_ip!.line, p.keys.mode!.line].sort((a, b) => a - b));
  });
  test('short syntax host IP is dropped at the port', async () => {
    const p = port('127.0.0.1:8080:80');
    const { result } = await servicePorts(p);
    expect(result.diagnostics.find((d) => d.code === 'convert/dropped-key')).toMatchObject({ line: p.span.line, severity: 'warning' });
  });
  test('two published ports for one container port share its name', async () => {
    const { svc, container } = await servicePorts(port('80:80'), port('8080:80'));
    expect(container.ports).toHaveLength(1);
    expect(svc.spec.ports.map((p: any) => [p.port, p.targetPort])).toEqual([[80, 'tcp-80'], [8080, 'tcp-80']]);
  });
});

describe('clashing Service ports: every container port keeps its own number', () => {
  const expose = (spec: number) => ({ port: { start: spec, end: spec }, protocol: 'tcp' as const, span: span() });
  /** [Service port, container port] pairs, and each port-clash warning as [line, related lines]. */
  async function plan(ports: ReturnType<typeof port>[], exposed: ReturnType<typeof expose>[] = []) {
    const result = await convert(project([service('web', { image: 'x:1', ports, expose: exposed })]));
    const svc = find(result.objects, 'Service', 'web');
    const container = containerOf(find(result.objects, 'Deployment', 'web'));
    const byName = new Map<string, number>(container.ports.map((p: any) => [p.name, p.containerPort]));
    const clashes = result.diagnostics.filter((d) => d.code === 'convert/port-clash');
    expect(clashes.every((d) => d.severity === 'warning')).toBe(true);
    return { mapping: svc.spec.ports.map((p: any) => [p.port, byName.get(p.targetPort)]), clashes, result };
  }

  test("'8080:80' with expose 8080: Service port 8080 serves container port 8080, a warning at the published port", async () => {
    const p = port('8080:80');
    const e = expose(8080);
    const { mapping, clashes } = await plan([p], [e]);
    expect(mapping).toEqual([[80, 80], [8080, 8080]]);
    expect(clashes).toMatchObject([{ line: p.span.line, column: p.span.column, related: [{ line: e.span.line }] }]);
    expect(clashes[0]!.message).toMatch(/8080.*80/);
  });
  test("'443:8443' and '8443:443': each container port under its own number, two warnings", async () => {
    const a = port('443:8443');
    const b = port('8443:443');
    const { mapping, clashes } = await plan([a, b]);
    expect(mapping).toEqual([[8443, 8443], [443, 443]]);
    expect(clashes.map((d) => [d.line, d.related?.[0]?.line])).toEqual([[a.span.line, b.span.line], [b.span.line, a.span.line]]);
  });
  test("one port published for two container ports ('8080:80', '8080:81'): the first keeps it, the second is warned", async () => {
    const a = port('8080:80');
    const b = port('8080:81');
    const { mapping, clashes } = await plan([a, b]);
    expect(mapping).toEqual([[8080, 80], [80, 80], [81, 81]]);
    expect(clashes).toMatchObject([{ line: b.span.line, related: [{ line: a.span.line }] }]);
    expect(clashes[0]!.message).toMatch(/8080.*81.*80/);
  });
  test.each([
    ['a published port no container port has', [port('8080:80')], [], [[8080, 80], [80, 80]]],
    ['the same port twice', [port('80')], [expose(80)], [[80, 80]]],
    ['a published port equal to its target', [port('80:80'), port('8080:80')], [], [[80, 80], [8080, 80]]],
  ] as const)('%s: no clash', async (_name, ports, exposed, expected) => {
    const { mapping, clashes } = await plan([...ports], [...exposed]);
    expect(mapping).toEqual(expected);
    expect(clashes).toEqual([]);
  });
  test('--wait-for-deps waits on the Service port the first container port got', async () => {
    const db = service('db', { image: 'x:1', ports: [port('443:8443'), port('8443:443')] });
    const result = await convert(project([db, service('app', { image: 'x:1', dependsOn: [{ span: span(), keys: {}, service: 'db', condition: 'service_started', restart: false, required: true }] })]), { waitForDeps: true });
    expect(podSpecOf(find(result.objects, 'Deployment', 'app')).initContainers[0].command.join(' ')).toContain('nc -z -w 2 db 8443');
  });
});

describe('Service', () => {
  test('expose alone gives a Service', async () => {
    const result = await convert(project([service('db', { image: 'postgres:16', expose: [{ port: { start: 5432, end: 5432 }, protocol: 'tcp', span: span() }] })]));
    expect(find(result.objects, 'Service', 'db').spec.ports).toEqual([{ name: 'tcp-5432', port: 5432, protocol: 'TCP', targetPort: 'tcp-5432' }]);
  });
  test('no ports, no Service', async () => {
    const result = await convert(project([service('worker', { image: 'x:1' })]));
    expect(result.objects.map((o) => o.kind)).toEqual(['Deployment']);
  });
  test('named like the service (normalized)', async () => {
    const result = await convert(project([service('front_end', { image: 'x:1', ports: [port('80')] })]));
    expect(find(result.objects, 'Service', 'front-end')).toBeDefined();
  });
  test('endpoint_mode: dnsrr with another Service type: ClusterIP, a warning at endpoint_mode', async () => {
    const s = service('db', { image: 'x:1', ports: [port('80')], deploy: deploy({ endpointMode: 'dnsrr' }), extensions: { 'x-shipshape': { value: { serviceType: 'NodePort' }, span: span() } } });
    const result = await convert(project([s]));
    expect(find(result.objects, 'Service', 'db').spec).toMatchObject({ type: 'ClusterIP', clusterIP: 'None' });
    expect(result.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }))).toEqual([{ code: 'convert/headless-type', ...at(s.deploy!, 'endpoint_mode') }]);
  });
  test('endpoint_mode: dnsrr → headless', async () => {
    const result = await convert(project([service('db', { image: 'x:1', ports: [port('80')], deploy: deploy({ endpointMode: 'dnsrr' }) })]));
    expect(find(result.objects, 'Service', 'db').spec).toMatchObject({ type: 'ClusterIP', clusterIP: 'None' });
  });
});
