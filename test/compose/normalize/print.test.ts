import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { ComposeProject } from '../../../src/compose/model.js';
import { printProject } from '../../../src/compose/print.js';
import { WORKING_DIR, normalizeText } from './harness.js';

function printed(text: string, env: Record<string, string> = {}): Record<string, unknown> {
  const { project } = normalizeText(text, env);
  return printProject(asProject(project));
}

function asProject(p: ReturnType<typeof normalizeText>['project']): ComposeProject {
  return { name: 'demo', workingDir: WORKING_DIR, files: [`${WORKING_DIR}/compose.yaml`], ...p };
}

const service = (text: string, env?: Record<string, string>) => (printed(`services:\n  s:\n${text.replace(/^/gm, '    ')}\n`, env).services as Record<string, Record<string, unknown>>).s!;

describe('printProject: long syntax like docker compose config', () => {
  test('build.labels as a list is printed as a mapping', () => {
    expect(service('build: {context: ., labels: [a=1, b, "c=x=y"]}').build).toMatchObject({ labels: { a: '1', b: '', c: 'x=y' } });
  });

  test('ports: short forms expanded, ranges one entry per port, published as text', () => {
    expect(service('image: x\nports: ["127.0.0.1:8080:80/udp", "9090-9091:8080-8081", "3000", "8000-8010:80"]').ports).toEqual([
      { mode: 'ingress', host_ip: '127.0.0.1', target: 80, published: '8080', protocol: 'udp' },
      { mode: 'ingress', target: 8080, published: '9090', protocol: 'tcp' },
      { mode: 'ingress', target: 8081, published: '9091', protocol: 'tcp' },
      { mode: 'ingress', target: 3000, protocol: 'tcp' },
      { mode: 'ingress', target: 80, published: '8000-8010', protocol: 'tcp' },
    ]);
  });

  test('volumes: long syntax with absolute sources', () => {
    expect(service('image: x\nvolumes: ["./a:/b:ro", "data:/d:nocopy", "/anon"]').volumes).toEqual([
      { type: 'bind', source: `${WORKING_DIR}/a`, target: '/b', read_only: true, bind: { create_host_path: true } },
      { type: 'volume', source: 'data', target: '/d', volume: { nocopy: true } },
      { type: 'volume', target: '/anon' },
    ]);
  });

  test('durations as Go prints them, sizes as byte counts, depends_on as a mapping', () => {
    const s = service('image: x\nstop_grace_period: 90s\nshm_size: 64m\nhealthcheck:\n  test: curl x\n  interval: 1m30s\ndepends_on: [db]');
    expect(s.stop_grace_period).toBe('1m30s');
    expect(s.shm_size).toBe(String(64 * 1024 * 1024));
    expect(s.healthcheck).toEqual({ test: ['CMD-SHELL', 'curl x'], interval: '1m30s' });
    expect(s.depends_on).toEqual({ db: { condition: 'service_started', required: true } });
  });

  test('command split, environment as a mapping (key-only entries resolved or null), restart with retries', () => {
    const s = service('image: x\ncommand: a "b c"\nenvironment: [A=1, B, C]\nrestart: on-failure:3', { B: 'from-env' });
    expect(s.command).toEqual(['a', 'b c']);
    expect(s.environment).toEqual({ A: '1', B: 'from-env', C: null });
    expect(s.restart).toBe('on-failure:3');
  });

  test('environment: env_file variables first, environment: wins', () => {
    const { project } = normalizeText('services:\n  s:\n    image: x\n    env_file: a.env\n    environment:\n      A: from-compose\n');
    project.services[0]!.envFiles[0]!.vars = [
      { name: 'A', value: 'from-file', span: project.services[0]!.span },
      { name: 'B', value: 'file-only', span: project.services[0]!.span },
    ];
    const s = (printProject(asProject(project)).services as Record<string, Record<string, unknown>>).s!;
    expect(s.environment).toEqual({ B: 'file-only', A: 'from-compose' });
    expect(s.env_file).toEqual([{ path: `${WORKING_DIR}/a.env`, required: true }]);
  });

  test('service secrets get their default target; file modes print in octal like docker compose', () => {
    const s = service('image: x\nsecrets: [pw, {source: key, mode: 0440}]\nconfigs: [{source: c, target: /etc/c, mode: "644"}]');
    expect(s.secrets).toEqual([{ source: 'pw', target: '/run/secrets/pw' }, { source: 'key', target: '/run/secrets/key', mode: '0440' }]);
    expect(s.configs).toEqual([{ source: 'c', target: '/etc/c', mode: '0644' }]);
  });

  test('a secret taken from a variable prints the variable name, never its value', () => {
    const out = printed('services:\n  s:\n    image: x\nsecrets:\n  token:\n    environment: API_TOKEN\n', { API_TOKEN: 'hunter2' });
    expect(out.secrets).toEqual({ token: { environment: 'API_TOKEN' } });
    expect(JSON.stringify(out)).not.toContain('hunter2');
  });

  test('deploy with resources, placement and policies', () => {
    const s = service(
      'image: x\ndeploy:\n  replicas: 2\n  resources:\n    limits: {cpus: "0.5", memory: 512M}\n    reservations:\n      devices: [{capabilities: [gpu], count: all}]\n  placement:\n    constraints: ["node.role == manager"]\n  update_config: {delay: 10s, order: start-first}',
    );
    expect(s.deploy).toEqual({
      mode: 'replicated',
      replicas: 2,
      update_config: { delay: '10s', order: 'start-first' },
      resources: { limits: { cpus: 0.5, memory: String(512 * 1024 * 1024) }, reservations: { devices: [{ capabilities: ['gpu'], count: 'all' }] } },
      placement: { constraints: ['node.role==manager'] },
    });
  });

  test('sections, other keys and extensions; service keys sorted', () => {
    const out = printed('x-top: 1\nservices:\n  s:\n    x-svc: 2\n    image: x\n    devices: ["/dev/a:/dev/a"]\n    cap_add: [NET_ADMIN]\nvolumes:\n  v:\nnetworks:\n  n:\n    external: true\n');
    expect(Object.keys(out)).toEqual(['name', 'services', 'networks', 'volumes', 'x-top']);
    const s = (out.services as Record<string, Record<string, unknown>>).s!;
    expect(Object.keys(s)).toEqual(['cap_add', 'devices', 'image', 'x-svc']);
    expect(out.networks).toEqual({ n: { name: 'n', external: true } });
    expect(out.volumes).toEqual({ v: {} });
  });

  test('printing is deterministic and a fixed point (print → normalize → print gives the same)', () => {
    const text = [
      'services:',
      '  web:',
      '    build: {context: ./web, args: [V=1], labels: [a=1, b]}',
      '    ports: ["8080:80", {target: 443, published: "8443", name: https, app_protocol: https}]',
      '    volumes: ["./conf:/etc/conf:ro,z", {type: tmpfs, target: /tmp, tmpfs: {size: 1m, mode: 0755}}]',
      '    tmpfs: ["/run:size=64m,noexec"]',
      '    healthcheck: {test: [CMD, curl, -f, x], timeout: 500ms, retries: 3}',
      '    extra_hosts: ["a=10.0.0.1", "b:::1"]',
      '    ulimits: {nofile: {soft: 1, hard: 2}, nproc: 5}',
      '    secrets: [{source: pw, target: /p, mode: 0400}]',
      '    networks: {front: {aliases: [w]}, back: null}',
      '    labels: {a: b}',
      '    logging: {driver: json-file, options: {max-size: 10m}}',
      '    deploy: {mode: global, restart_policy: {condition: on-failure, delay: 5s}}',
      'networks: {front: {}, back: {internal: true}}',
      'secrets: {pw: {file: ./pw.txt}}',
      'configs: {c: {content: "x=1"}}',
    ].join('\n');
    const first = printed(text);
    expect(printed(text)).toEqual(first);
    const again = printed(stringify(first));
    expect(again).toEqual(first);
  });
});
