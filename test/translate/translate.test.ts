import { describe, expect, test } from 'vitest';
import { validateObject } from '../../src/k8s/schema/index.js';
import type { KubeObject } from '../../src/translate/context.js';
import { KIND_ORDER } from '../../src/translate/order.js';
import { toJsonList, toYamlStream } from '../../src/translate/serialize.js';
import { convert, deploy, env, find, healthcheck, kv, longPort, port, project, service, span } from './model-builder.js';

/** A project that touches most mappings of the core. */
function richProject() {
  const web = service('front_end', {
    image: 'nginx:1.27', ports: [port('8080:80'), longPort({ target: { start: 443, end: 443 }, name: 'https', appProtocol: 'https' })],
    dependsOn: [{ span: span(), keys: {}, service: 'api', condition: 'service_healthy', restart: false, required: true }],
    labels: [kv('com.example.tier', 'edge')], extraHosts: [{ host: 'legacy', ips: ['10.1.2.3'], span: span() }],
    healthcheck: healthcheck({ test: { kind: 'shell', command: 'curl -fs localhost' }, interval: 15_000, startPeriod: 10_000 }),
    deploy: deploy({ replicas: 2, updateConfig: { span: span(), keys: {}, order: 'start-first', parallelism: 1 } as any }),
  });
  const api = service('api', {
    build: { span: span(), keys: {}, context: '/work/shop/api', args: [] },
    command: { argv: ['serve', '--listen', ':3000'], form: 'list', span: span() },
    environment: [env('DATABASE_URL', 'postgres://db:5432/shop'), env('GREETING', 'cost $(none)')],
    expose: [{ port: { start: 3000, end: 3000 }, protocol: 'tcp', span: span() }], user: '1000:1000', readOnly: true, capDrop: ['ALL'],
    securityOpt: ['no-new-privileges'], memLimit: 512 * 2 ** 20, cpus: 0.5, stopGracePeriod: 20_000,
    healthcheck: healthcheck({ test: { kind: 'exec', argv: ['wget', '-qO-', 'http://localhost:3000/health'] } }),
  });
  const db = service('db', { image: 'postgres:16', ports: [port('5432')], sysctls: [kv('net.ipv4.tcp_keepalive_time', '600')], dns: ['9.9.9.9'] });
  const migrate = service('migrate', { image: 'shop/migrate:1', restart: { policy: 'no', span: span() } });
  const agent = service('agent', { image: 'agent:3', deploy: deploy({ mode: 'global' }), pid: 'host' });
  return project([web, api, db, migrate, agent]);
}

function kinds(objects: readonly KubeObject[]): string[] {
  return objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
}

describe('translateProject', () => {
  test('every object validates strictly against the Kubernetes schemas', async () => {
    const result = await convert(richProject(), { namespace: 'shop', waitForDeps: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const object of result.objects) {
      const checked = validateObject(JSON.parse(JSON.stringify(object)));
      expect({ object: `${object.kind}/${object.metadata.name}`, ...checked }).toEqual({ object: `${object.kind}/${object.metadata.name}`, status: 'valid' });
    }
  });

  test('objects come in kubectl-apply order, then by name', async () => {
    const result = await convert(richProject(), { namespace: 'shop' });
    const ranks = result.objects.map((o) => KIND_ORDER.indexOf(o.kind));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(kinds(result.objects)).toEqual([
      'Namespace//shop',
      'Service/shop/api',
      'Service/shop/db',
      'Service/shop/front-end',
      'Deployment/shop/api',
      'Deployment/shop/db',
      'Deployment/shop/front-end',
      'DaemonSet/shop/agent',
      'Job/shop/migrate',
    ]);
  });

  test('without --namespace, no namespace is written anywhere', async () => {
    const result = await convert(richProject());
    expect(result.objects.every((o) => o.metadata.namespace === undefined)).toBe(true);
    expect(result.objects.some((o) => o.kind === 'Namespace')).toBe(false);
  });

  test('the same input gives the same bytes (YAML and JSON)', async () => {
    const a = await convert(richProject(), { namespace: 'shop', waitForDeps: true });
    const b = await convert(richProject(), { namespace: 'shop', waitForDeps: true });
    expect(toYamlStream(b.objects)).toBe(toYamlStream(a.objects));
    expect(toJsonList(b.objects)).toBe(toJsonList(a.objects));
  });

  test('diagnostics are sorted by position and all name the Compose service', async () => {
    const result = await convert(richProject());
    const positions = result.diagnostics.map((d) => d.line * 1000 + d.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(result.diagnostics.filter((d) => d.code !== 'convert/renamed').every((d) => d.object?.kind === 'ComposeService')).toBe(true);
  });

  test('a Service per service with ports or expose, none for the others', async () => {
    const result = await convert(richProject());
    expect(result.objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name)).toEqual(['api', 'db', 'front-end']);
    expect(find(result.objects, 'Service', 'api').spec.ports).toEqual([{ name: 'tcp-3000', port: 3000, protocol: 'TCP', targetPort: 'tcp-3000' }]);
  });
});
