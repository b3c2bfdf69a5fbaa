/**
 * Hand-built Compose models for converter tests (independent of the loader). Every key given gets its own
 * line in a fictional `compose.yaml`, so tests can assert positions: `at(service, 'user')`.
 */
import type {
  ComposeProject,
  Deploy,
  Healthcheck,
  ServicePort,
  Service,
  Sourced,
} from '../../src/compose/model.js';
import type { Span } from '../../src/source/span.js';
import { memoryHost } from '../../src/host.js';
import { translateProject, type TranslateOptions } from '../../src/translate/index.js';

export const FILE = 'compose.yaml';
let nextLine = 1;

/** A fresh span on its own line. */
export function span(column = 3): Span {
  const line = nextLine++;
  return { file: FILE, line, column, endLine: line, endColumn: column + 5 };
}

/** `keys` for an element: one span per key. */
export function keysOf(...names: string[]): Record<string, Span> {
  return Object.fromEntries(names.map((n) => [n, span(5)]));
}

const FIELD_KEYS: Record<string, string> = {
  image: 'image', build: 'build', command: 'command', entrypoint: 'entrypoint', environment: 'environment',
  envFiles: 'env_file', ports: 'ports', expose: 'expose', volumes: 'volumes', tmpfs: 'tmpfs', healthcheck: 'healthcheck',
  deploy: 'deploy', dependsOn: 'depends_on', secrets: 'secrets', configs: 'configs', networks: 'networks', labels: 'labels',
  annotations: 'annotations', restart: 'restart', scale: 'scale', profiles: 'profiles', containerName: 'container_name',
  hostname: 'hostname', domainname: 'domainname', workingDir: 'working_dir', user: 'user', readOnly: 'read_only',
  privileged: 'privileged', stdinOpen: 'stdin_open', tty: 'tty', init: 'init', stopSignal: 'stop_signal',
  stopGracePeriod: 'stop_grace_period', pullPolicy: 'pull_policy', platform: 'platform', capAdd: 'cap_add',
  capDrop: 'cap_drop', securityOpt: 'security_opt', sysctls: 'sysctls', extraHosts: 'extra_hosts', dns: 'dns',
  dnsSearch: 'dns_search', dnsOpt: 'dns_opt', networkMode: 'network_mode', pid: 'pid', ipc: 'ipc', shmSize: 'shm_size',
  memLimit: 'mem_limit', memReservation: 'mem_reservation', cpus: 'cpus', ulimits: 'ulimits', logging: 'logging', gpus: 'gpus',
};

export type ServiceInput = Partial<Omit<Service, 'name' | 'span' | 'keys'>>;

/** A service; its `keys` are those of the fields given (non-empty lists only), plus `other` and `extensions`. */
export function service(name: string, fields: ServiceInput = {}): Service {
  const base: Service = {
    name, span: span(3), keys: {}, environment: [], envFiles: [], ports: [], expose: [], volumes: [], tmpfs: [],
    dependsOn: [], secrets: [], configs: [], networks: [], labels: [], annotations: [], profiles: [], capAdd: [],
    capDrop: [], securityOpt: [], sysctls: [], extraHosts: [], dns: [], dnsSearch: [], dnsOpt: [], ulimits: [],
    extensions: {}, other: {},
  };
  const s: Service = { ...base, ...fields };
  const keys: Record<string, Span> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'other' || field === 'extensions') {
      for (const k of Object.keys(value as object)) keys[k] = span(5);
      continue;
    }
    const key = FIELD_KEYS[field];
    if (key === undefined || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    keys[key] = span(5);
  }
  s.keys = keys;
  return s;
}

/** Position of a key of an element, for assertions. */
export function at(element: Sourced, key: string): { line: number; column: number } {
  const s = element.keys[key];
  if (!s) throw new Error(`no key ${key}`);
  return { line: s.line, column: s.column };
}

/** A short-syntax port: `port('8080:80')`, `port('53/udp')`, `port('3000-3002')`. */
export function port(spec: string): ServicePort {
  const m = /^(?:(?:(\d+\.\d+\.\d+\.\d+):)?(\d+)(?:-(\d+))?:)?(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/.exec(spec);
  if (!m) throw new Error(`bad port ${spec}`);
  const [, hostIp, ps, pe, ts, te, proto] = m;
  const p: ServicePort = {
    span: span(7), keys: {}, target: { start: Number(ts), end: Number(te ?? ts) }, protocol: (proto ?? 'tcp') as ServicePort['protocol'],
    mode: 'ingress', syntax: 'short',
  };
  if (ps !== undefined) p.published = { start: Number(ps), end: Number(pe ?? ps) };
  if (hostIp !== undefined) p.hostIp = hostIp;
  return p;
}

/** A long-syntax port with its keys. */
export function longPort(fields: Partial<Omit<ServicePort, 'span' | 'keys' | 'syntax'>> & { target: ServicePort['target'] }): ServicePort {
  const keyNames = Object.keys(fields).map((k) => ({ hostIp: 'host_ip', appProtocol: 'app_protocol' })[k] ?? k);
  return { span: span(7), keys: keysOf(...keyNames), protocol: 'tcp', mode: 'ingress', syntax: 'long', ...fields };
}

export function deploy(fields: Partial<Omit<Deploy, 'span' | 'keys'>>, extraKeys: string[] = []): Deploy {
  const names = Object.keys(fields).map((k) => ({ restartPolicy: 'restart_policy', updateConfig: 'update_config', rollbackConfig: 'rollback_config', endpointMode: 'endpoint_mode' })[k] ?? k);
  return { span: span(5), keys: keysOf(...names, ...extraKeys), mode: 'replicated', labels: [], ...fields };
}

export function healthcheck(fields: Partial<Omit<Healthcheck, 'span' | 'keys'>>): Healthcheck {
  const names = Object.keys(fields).map((k) => ({ startPeriod: 'start_period', startInterval: 'start_interval' })[k] ?? k);
  return { span: span(5), keys: keysOf(...names), disable: false, ...fields };
}

export function env(name: string, value: string | undefined): Service['environment'][number] {
  return { name, value, span: span(7) };
}

export function kv(key: string, value: string): { key: string; value: string; span: Span } {
  return { key, value, span: span(7) };
}

export function project(services: Service[], fields: Partial<ComposeProject> = {}): ComposeProject {
  return { name: 'shop', workingDir: '/work/shop', files: ['/work/shop/compose.yaml'], services, volumes: [], networks: [], secrets: [], configs: [], extensions: {}, ...fields };
}

/** translateProject with an empty memory host. */
export function convert(p: ComposeProject, options: Partial<TranslateOptions> = {}) {
  return translateProject(p, { host: memoryHost({}), ...options });
}

/** The object of a kind and name in a result (throws when absent, so tests fail clearly). */
export function find(objects: readonly { kind: string; metadata: { name: string } }[], kind: string, name: string): any {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}

/** The first container of a workload's pod template. */
export function containerOf(workload: any): any {
  const spec = workload.kind === 'CronJob' ? workload.spec.jobTemplate.spec.template.spec : workload.spec.template.spec;
  return spec.containers[0];
}

export function podSpecOf(workload: any): any {
  return workload.kind === 'CronJob' ? workload.spec.jobTemplate.spec.template.spec : workload.spec.template.spec;
}

/** Diagnostics reduced to what tests assert: code, severity, line, column. */
export function codes(diagnostics: readonly { code: string; severity: string; line: number; column: number }[]) {
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column }));
}
