/**
 * Print a normalized project back as Compose long syntax, the way `docker compose config` shows it:
 * every short form expanded (ports, volumes, depends_on, secrets, healthcheck.test), durations as Go
 * durations (`1m30s`), byte sizes as byte counts, relative paths made absolute, port ranges expanded.
 * Deterministic: the same model always gives the same object (service keys sorted). The value of a
 * secret taken from an environment variable is never printed, only the variable's name.
 */
import type {
  BuildSpec,
  ComposeProject,
  ConfigDefinition,
  Deploy,
  DeviceRequest,
  EnvVar,
  Healthcheck,
  KeyValue,
  NetworkDefinition,
  RawValue,
  ResourceAmounts,
  SecretDefinition,
  Service,
  ServicePort,
  ServiceVolume,
  UpdateConfig,
  VolumeDefinition,
} from './model.js';
import { formatDuration } from './normalize/durations.js';

type Out = Record<string, unknown>;

export function printProject(project: ComposeProject): Out {
  const out: Out = { name: project.name };
  out.services = Object.fromEntries(project.services.map((s) => [s.name, printService(s)]));
  if (project.networks.length > 0) out.networks = Object.fromEntries(project.networks.map((n) => [n.key, printNetwork(n)]));
  if (project.volumes.length > 0) out.volumes = Object.fromEntries(project.volumes.map((v) => [v.key, printVolume(v)]));
  if (project.secrets.length > 0) out.secrets = Object.fromEntries(project.secrets.map((s) => [s.key, printContent(s)]));
  if (project.configs.length > 0) out.configs = Object.fromEntries(project.configs.map((c) => [c.key, printContent(c)]));
  Object.assign(out, plain(project.other), plain(project.extensions));
  return escapeDollars(out) as Out;
}

/**
 * Every `$` of a string value written as `$$`, as `docker compose config` does: the printed project is a Compose
 * file again, and loading it must give the same values (`$$HOME` stays the text `$HOME`, not a variable).
 */
function escapeDollars(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('$') ? value.replaceAll('$', '$$$$') : value;
  if (Array.isArray(value)) return value.map(escapeDollars);
  if (value === null || typeof value !== 'object') return value;
  const out: Out = {};
  for (const [k, v] of Object.entries(value)) out[k] = escapeDollars(v);
  return out;
}

export function printService(s: Service): Out {
  const out: Out = {
    annotations: keyValues(s.annotations),
    build: s.build && printBuild(s.build),
    cap_add: list(s.capAdd),
    cap_drop: list(s.capDrop),
    command: s.command?.argv,
    configs: list(s.configs.map((r) => fileReference(r))),
    container_name: s.containerName,
    cpus: s.cpus,
    depends_on: s.dependsOn.length > 0 ? Object.fromEntries(s.dependsOn.map((d) => [d.service, compact({ condition: d.condition, required: d.required, restart: d.restart || undefined, ...plain(d.extensions) })])) : undefined,
    deploy: s.deploy && printDeploy(s.deploy),
    dns: list(s.dns),
    dns_opt: list(s.dnsOpt),
    dns_search: list(s.dnsSearch),
    domainname: s.domainname,
    entrypoint: s.entrypoint?.argv,
    env_file: list(s.envFiles.map((f) => compact({ path: f.resolved, required: f.required, format: f.format }))),
    environment: printEnvironment(s),
    expose: list(s.expose.map((e) => portText(e.port) + (e.protocol === 'tcp' ? '' : `/${e.protocol}`))),
    gpus: s.gpus === 'all' ? 'all' : s.gpus && list(s.gpus.map(device)),
    extra_hosts: list(s.extraHosts.flatMap((h) => h.ips.map((ip) => `${h.host}=${ip}`)).sort()),
    healthcheck: s.healthcheck && printHealthcheck(s.healthcheck),
    hostname: s.hostname,
    image: s.image,
    init: s.init,
    ipc: s.ipc,
    labels: keyValues(s.labels),
    logging: s.logging?.value,
    mem_limit: bytes(s.memLimit),
    mem_reservation: bytes(s.memReservation),
    network_mode: s.networkMode,
    networks: s.networks.length > 0 ? Object.fromEntries(s.networks.map((n) => [n.name, networkAttachment(n)])) : undefined,
    pid: s.pid,
    platform: s.platform,
    ports: list(s.ports.flatMap(printPorts)),
    privileged: s.privileged,
    profiles: list(s.profiles),
    pull_policy: s.pullPolicy,
    read_only: s.readOnly,
    restart: s.restart && (s.restart.maxRetries === undefined ? s.restart.policy : `${s.restart.policy}:${s.restart.maxRetries}`),
    scale: s.scale,
    secrets: list(s.secrets.map((r) => fileReference(r, `/run/secrets/${r.source}`))),
    security_opt: list(s.securityOpt),
    shm_size: bytes(s.shmSize),
    stdin_open: s.stdinOpen,
    stop_grace_period: duration(s.stopGracePeriod),
    stop_signal: s.stopSignal,
    sysctls: keyValues(s.sysctls),
    tmpfs: list(s.tmpfs.map(tmpfsText)),
    tty: s.tty,
    ulimits: s.ulimits.length > 0 ? Object.fromEntries(s.ulimits.map((u) => [u.name, u.soft === u.hard ? u.soft : { soft: u.soft, hard: u.hard }])) : undefined,
    user: s.user,
    volumes: list(s.volumes.map(printMount)),
    working_dir: s.workingDir,
    ...plain(s.other),
    ...plain(s.extensions),
  };
  return sortKeys(compact(out));
}

/** Variables from env_file entries first, then `environment:` (which wins), as docker compose merges them. */
function printEnvironment(s: Service): Out | undefined {
  const merged = new Map<string, string | null>();
  const add = (v: EnvVar): void => {
    merged.delete(v.name);
    merged.set(v.name, v.value ?? null);
  };
  for (const f of s.envFiles) f.vars.forEach(add);
  s.environment.forEach(add);
  return merged.size > 0 ? Object.fromEntries(merged) : undefined;
}

function printBuild(b: BuildSpec): Out {
  const args = b.args.length > 0 ? Object.fromEntries(b.args.map((a) => [a.name, a.value ?? null])) : undefined;
  const other = plain(b.other);
  // `labels: [k=v]` is printed as the mapping it means, as every other label list.
  if (Array.isArray(other.labels)) {
    other.labels = Object.fromEntries(other.labels.map((item) => {
      const text = String(item);
      const eq = text.indexOf('=');
      return eq === -1 ? [text, ''] : [text.slice(0, eq), text.slice(eq + 1)];
    }));
  }
  return compact({ context: b.context, dockerfile: b.dockerfile, args, target: b.target, ...other, ...plain(b.extensions) });
}

/** One entry per container port, as docker compose expands ranges (a host range for one port stays a range). */
export function printPorts(p: ServicePort): Out[] {
  const count = p.target.end - p.target.start + 1;
  const out: Out[] = [];
  for (let i = 0; i < count; i++) {
    let published: string | undefined;
    if (p.published) {
      published = count === 1 ? portText(p.published) : String(p.published.start + i);
    }
    out.push(compact({ name: p.name, mode: p.mode, host_ip: p.hostIp, target: p.target.start + i, published, protocol: p.protocol, app_protocol: p.appProtocol, ...plain(p.extensions) }));
  }
  return out;
}

function portText(r: { start: number; end: number }): string {
  return r.start === r.end ? String(r.start) : `${r.start}-${r.end}`;
}

export function printMount(m: ServiceVolume): Out {
  const common = { type: m.type, source: undefined as string | undefined, target: m.target, read_only: m.readOnly || undefined, consistency: m.consistency };
  switch (m.type) {
    case 'bind':
      return compact({ ...common, source: m.resolved, bind: compact({ propagation: m.propagation, create_host_path: m.createHostPath, recursive: m.recursive, selinux: m.selinux }, true), ...plain(m.extensions) });
    case 'volume':
      return compact({ ...common, source: m.source, volume: compact({ labels: keyValues(m.labels ?? []), nocopy: m.nocopy || undefined, subpath: m.subpath }, true), ...plain(m.extensions) });
    case 'tmpfs':
      return compact({ ...common, tmpfs: compact({ size: m.size, mode: m.mode }, true), ...plain(m.extensions) });
    default:
      return compact({ ...common, source: m.source, image: m.type === 'image' ? compact({ subpath: m.subpath }, true) : undefined, ...plain(m.extensions) });
  }
}

function tmpfsText(m: Extract<ServiceVolume, { type: 'tmpfs' }>): string {
  const options = [
    ...(m.readOnly ? ['ro'] : []),
    ...(m.size !== undefined ? [`size=${m.size}`] : []),
    ...(m.mode !== undefined ? [`mode=${m.mode.toString(8)}`] : []),
    ...(m.options ?? []),
  ];
  return options.length > 0 ? `${m.target}:${options.join(',')}` : m.target;
}

/** A secret's target defaults to /run/secrets/<source> (printed, as docker compose does); modes print in octal. */
function fileReference(r: Service['secrets'][number], defaultTarget?: string): Out {
  const mode = r.mode === undefined ? undefined : `0${r.mode.toString(8)}`;
  return compact({ source: r.source, target: r.target ?? defaultTarget, uid: r.uid, gid: r.gid, mode, ...plain(r.extensions) });
}

function networkAttachment(n: Service['networks'][number]): Out | null {
  const out = compact({
    aliases: list(n.aliases),
    ipv4_address: n.ipv4Address,
    ipv6_address: n.ipv6Address,
    interface_name: n.interfaceName,
    link_local_ips: n.linkLocalIps && list(n.linkLocalIps),
    mac_address: n.macAddress,
    driver_opts: n.driverOpts && keyValues(n.driverOpts),
    priority: n.priority,
    gw_priority: n.gwPriority,
    ...plain(n.extensions),
  });
  return Object.keys(out).length > 0 ? out : null;
}

function printHealthcheck(h: Healthcheck): Out {
  const test = h.test && (h.test.kind === 'exec' ? ['CMD', ...h.test.argv] : h.test.kind === 'shell' ? ['CMD-SHELL', h.test.command] : ['NONE']);
  return compact({
    test,
    timeout: duration(h.timeout),
    interval: duration(h.interval),
    retries: h.retries,
    start_period: duration(h.startPeriod),
    start_interval: duration(h.startInterval),
    disable: h.disable && h.test?.kind !== 'none' ? true : undefined,
    ...plain(h.extensions),
  });
}

function printDeploy(d: Deploy): Out {
  const amounts = (a: ResourceAmounts | undefined): Out | undefined => a && compact({ cpus: a.cpus, memory: bytes(a.memory), pids: a.pids, ...plain(a.extensions) });
  const r = d.resources;
  const reservations = r?.reservations && compact({ ...amounts(r.reservations), devices: list(r.reservations.devices.map(device)), generic_resources: r.reservations.genericResources?.value });
  return compact({
    mode: d.mode,
    replicas: d.replicas,
    labels: keyValues(d.labels),
    update_config: d.updateConfig && updateConfig(d.updateConfig),
    rollback_config: d.rollbackConfig && updateConfig(d.rollbackConfig),
    resources: r && compact({ limits: amounts(r.limits), reservations, ...plain(r.extensions) }),
    restart_policy:
      d.restartPolicy &&
      compact({ condition: d.restartPolicy.condition, delay: duration(d.restartPolicy.delay), max_attempts: d.restartPolicy.maxAttempts, window: duration(d.restartPolicy.window), ...plain(d.restartPolicy.extensions) }),
    placement:
      d.placement &&
      compact({
        constraints: list(d.placement.constraints.map((c) => `${c.field}${c.operator}${c.value}`)),
        preferences: list(d.placement.preferences.map((p) => p.value)),
        max_replicas_per_node: d.placement.maxReplicasPerNode,
        ...plain(d.placement.extensions),
      }),
    endpoint_mode: d.endpointMode,
    ...plain(d.extensions),
  });
}

function device(d: DeviceRequest): Out {
  return compact({ capabilities: d.capabilities, driver: d.driver, count: d.count, device_ids: list(d.deviceIds), options: d.options && keyValues(d.options), ...plain(d.extensions) });
}

function updateConfig(u: UpdateConfig): Out {
  return compact({
    parallelism: u.parallelism,
    delay: duration(u.delay),
    failure_action: u.failureAction,
    monitor: duration(u.monitor),
    max_failure_ratio: u.maxFailureRatio,
    order: u.order,
    ...plain(u.extensions),
  });
}

function printNetwork(n: NetworkDefinition): Out {
  return compact({
    name: n.name,
    driver: n.driver,
    driver_opts: n.driverOpts && keyValues(n.driverOpts),
    external: n.external || undefined,
    internal: n.internal || undefined,
    labels: n.labels && keyValues(n.labels),
    ...plain(n.other),
    ...plain(n.extensions),
  });
}

function printVolume(v: VolumeDefinition): Out {
  return compact({
    name: v.name,
    driver: v.driver,
    driver_opts: keyValues(v.driverOpts),
    external: v.external || undefined,
    labels: keyValues(v.labels),
    ...plain(v.other),
    ...plain(v.extensions),
  });
}

function printContent(d: SecretDefinition | ConfigDefinition): Out {
  const src = d.source;
  const source =
    src.type === 'file' ? { file: src.resolved } : src.type === 'environment' ? { environment: src.variable } : src.type === 'content' ? { content: src.content } : { external: true };
  return compact({ name: d.name, ...source, labels: keyValues(d.labels), ...plain(d.other), ...plain(d.extensions) });
}

function keyValues(kvs: readonly KeyValue[]): Out | undefined {
  return kvs.length > 0 ? Object.fromEntries(kvs.map((kv) => [kv.key, kv.value])) : undefined;
}

function plain(values: Record<string, RawValue> | undefined): Out {
  const out: Out = {};
  for (const [k, v] of Object.entries(values ?? {})) out[k] = v.value;
  return out;
}

function list<T>(items: readonly T[]): T[] | undefined {
  return items.length > 0 ? [...items] : undefined;
}

function duration(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : formatDuration(ms);
}

/** Byte sizes print as a count of bytes, in a string (as docker compose writes them). */
function bytes(n: number | undefined): string | undefined {
  return n === undefined ? undefined : String(n);
}

/** Drop undefined fields; with `orUndefined`, an object left empty becomes undefined. */
function compact(o: Out, orUndefined: true): Out | undefined;
function compact(o: Out): Out;
function compact(o: Out, orUndefined = false): Out | undefined {
  const out: Out = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return orUndefined && Object.keys(out).length === 0 ? undefined : out;
}

function sortKeys(o: Out): Out {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
