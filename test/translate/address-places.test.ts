/**
 * Converted output lints clean: a private IP literal in any place the converter copies into a field the
 * `hardcoded-pod-ip` rule reads (env values, command and args, probe and hook commands, hostAliases, ConfigMap
 * data) is either rewritten, dropped or kept with the workload's (or ConfigMap's) ignore annotation — and never
 * silently: each case is reported at the place it was written.
 */
import { describe, expect, test } from 'vitest';
import type { BindMount, ComposeProject, ContentSource, EnvFile } from '../../src/compose/model.js';
import { formatDiagnosticLine } from '../../src/diagnostics.js';
import { memoryHost } from '../../src/host.js';
import { lint } from '../../src/lint/index.js';
import { toYamlStream } from '../../src/translate/serialize.js';
import { convert, env, healthcheck, port, project, service, span, type ServiceInput } from './model-builder.js';

const ROOT = '/work/shop';

interface Place {
  /** The app service's fields holding `ip`, and where the finding must be reported (a line). */
  fields(ip: string): { input: ServiceInput; line: () => number; project?: Partial<ComposeProject>; files?: Record<string, string> };
}

function at<T extends { span: { line: number } }>(element: T): { element: T; line: () => number } {
  return { element, line: () => element.span.line };
}

const PLACES: Record<string, Place> = {
  'an environment value': { fields: (ip) => { const e = at(env('PEER', ip)); return { input: { environment: [e.element] }, line: e.line }; } },
  'a URL with a port in an environment value': {
    fields: (ip) => { const e = at(env('PEER_URL', `http://${ip.includes(':') ? `[${ip}]` : ip}:8080/`)); return { input: { environment: [e.element] }, line: e.line }; },
  },
  'an address with a port in a hook': {
    fields: (ip) => { const raw = at({ value: [{ command: `curl -fsS http://${ip.includes(':') ? `[${ip}]` : ip}:8080/drain` }], span: span() }); return { input: { other: { pre_stop: raw.element } }, line: raw.line }; },
  },
  'the command': { fields: (ip) => { const c = at({ argv: ['--peer', ip], form: 'list' as const, span: span() }); return { input: { command: c.element }, line: c.line }; } },
  'the entrypoint': { fields: (ip) => { const c = at({ argv: ['run', `--peer=${ip}`], form: 'list' as const, span: span() }); return { input: { entrypoint: c.element }, line: c.line }; } },
  'a CMD healthcheck': {
    fields: (ip) => {
      const check = healthcheck({ test: { kind: 'exec', argv: ['ping', '-c1', ip] } });
      return { input: { healthcheck: check }, line: () => check.keys.test!.line };
    },
  },
  'a CMD-SHELL healthcheck': {
    fields: (ip) => {
      const check = healthcheck({ test: { kind: 'shell', command: `ping -c1 ${ip} || exit 1` } });
      return { input: { healthcheck: check }, line: () => check.keys.test!.line };
    },
  },
  'a post_start hook': {
    fields: (ip) => { const raw = at({ value: [{ command: ['sh', '-c', `curl ${ip}`] }], span: span() }); return { input: { other: { post_start: raw.element } }, line: raw.line }; },
  },
  'a pre_stop hook (string command)': {
    fields: (ip) => { const raw = at({ value: [{ command: `nc -z ${ip} 80` }], span: span() }); return { input: { other: { pre_stop: raw.element } }, line: raw.line }; },
  },
  'extra_hosts': { fields: (ip) => { const e = at({ host: 'peer.lan', ips: [ip], span: span() }); return { input: { extraHosts: [e.element] }, line: e.line }; } },
  'an env_file value': {
    fields: (ip) => {
      const file: EnvFile = { path: './app.env', resolved: `${ROOT}/app.env`, required: true, vars: [{ name: 'PEER', value: ip, span: span() }], span: span(9) };
      return { input: { envFiles: [file] }, line: () => file.vars[0]!.span.line };
    },
  },
  'a config': {
    fields: (ip) => {
      const source: ContentSource = { type: 'content', content: `upstream ${ip};` };
      const def = { key: 'proxy', source, labels: [], extensions: {}, span: span(3), keys: {} };
      return { input: { configs: [{ source: 'proxy', span: span(9), keys: {} }] }, project: { configs: [def] }, line: () => def.span.line };
    },
  },
  'a bind-mounted file': {
    fields: (ip) => {
      const mount: BindMount = { type: 'bind', source: './proxy.conf', resolved: `${ROOT}/proxy.conf`, target: '/etc/proxy.conf', readOnly: true, createHostPath: true, syntax: 'short', span: span(9), keys: {} };
      return { input: { volumes: [mount] }, line: () => mount.span.line, files: { [`${ROOT}/proxy.conf`]: `upstream ${ip};\n` } };
    },
  },
};

const ADDRESSES: [string, string, string][] = [
  ['an outside host (RFC 1918)', '192.168.1.30', 'convert/external-address'],
  ['an outside host (CGNAT)', '100.64.7.8', 'convert/external-address'],
  ['an outside host (IPv6 ULA)', 'fd12:3456::9', 'convert/external-address'],
  ['the static address of a service with a Service', '172.28.0.5', 'convert/static-address'],
  ['the static address of a service without one', '172.28.0.6', 'convert/static-address'],
];

const cases = Object.keys(PLACES).flatMap((place) => ADDRESSES.map(([what, ip, code]) => [place, what, ip, code] as const));

describe('a private address anywhere converts to output that lints clean', () => {
  test.each(cases)('%s holding %s', async (place, _what, ip, code) => {
    const network = (ipv4Address: string) => [{ name: 'back', aliases: [], ipv4Address, span: span(), keys: {} }];
    const db = service('db', { image: 'postgres:16', ports: [port('5432')], networks: network('172.28.0.5') });
    const cache = service('cache', { image: 'redis:7', networks: network('172.28.0.6') });
    const made = PLACES[place]!.fields(ip);
    const app = service('app', { image: 'app:1', ...made.input });
    const result = await convert(project([db, cache, app], made.project ?? {}), { host: memoryHost(made.files ?? {}) });

    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnosticLine)).toEqual([]);
    const lintErrors = lint([{ path: 'out.yaml', text: toYamlStream(result.objects) }]).diagnostics.filter((d) => d.severity === 'error');
    expect(lintErrors.map(formatDiagnosticLine)).toEqual([]);
    // Not silently: reported where it was written.
    expect(result.diagnostics.filter((d) => d.code === code).map((d) => `${d.severity} ${d.line}`)).toContain(`warning ${made.line()}`);
  });
});
