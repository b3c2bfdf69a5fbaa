/**
 * What a service says about its network and host → pod spec fields: extra_hosts → hostAliases; dns,
 * dns_search, dns_opt → dnsConfig (cluster DNS stays first, so Service names keep resolving); hostname;
 * sysctls; network_mode host → hostNetwork; pid/ipc host; deploy.placement.constraints and platform → node
 * affinity. `network_mode: service:X` makes the service a sidecar container in X's pod (groupPods).
 */
import type { PlacementConstraint, Service } from '../compose/model.js';
import type { JsonObject, PodContribution, ServiceScope, TranslateContext } from './context.js';
import { isDnsLabel } from './names.js';
import { IGNORE_POD_IP, reportExternalAddresses, staticAddressIndex, staticAddressOwner } from './static-addresses.js';

const SERVICE_MODE = /^service:(.+)$/;

/**
 * The service whose pod `service` runs in: itself, or where its `network_mode: service:X` chain ends. An unknown
 * X ends the chain at the service naming it; a cycle leaves the service in a pod of its own. With `report`,
 * both are errors (groupPods reports them once per service).
 */
export function podHostOf(ctx: TranslateContext, service: Service, report = false): Service {
  const seen = new Set<string>([service.name]);
  let current = service;
  for (;;) {
    const m = SERVICE_MODE.exec(current.networkMode ?? '');
    if (!m) return current;
    const next = ctx.servicesByName.get(m[1]!);
    const at = current.keys.network_mode ?? current.span;
    if (!next) {
      if (report) ctx.error('convert/unknown-service', at, `network_mode refers to service '${m[1]}', which is not defined or not enabled`, { object: { kind: 'ComposeService', name: current.name } });
      return current;
    }
    if (seen.has(next.name)) {
      if (report) ctx.error('convert/network-mode-cycle', at, `network_mode of '${current.name}' forms a cycle (${[...seen, next.name].join(' → ')})`, { object: { kind: 'ComposeService', name: current.name } });
      return service;
    }
    seen.add(next.name);
    current = next;
  }
}

/**
 * Services grouped by pod, in source order of the pod's first service: a service with
 * `network_mode: service:X` joins X's pod (following chains); an unknown X or a cycle is an error and the
 * service keeps a pod of its own.
 */
export function groupPods(ctx: TranslateContext, services: readonly Service[]): Service[][] {
  const hostOf = new Map<string, string>();
  const pods = new Map<string, Service[]>();
  for (const service of services) hostOf.set(service.name, podHostOf(ctx, service, true).name);
  for (const service of services) {
    const host = hostOf.get(service.name)!;
    const pod = pods.get(host) ?? [];
    if (!pods.has(host)) pods.set(host, pod);
    if (host === service.name) pod.unshift(service);
    else pod.push(service);
  }
  // A pod is ordered by its host's position; a host that comes after its sidecar still leads its pod.
  const position = new Map(services.map((s, i) => [s.name, i] as const));
  return [...pods.values()].sort((a, b) => position.get(a[0]!.name)! - position.get(b[0]!.name)!);
}

export function translateNetwork(ctx: TranslateContext, scope: ServiceScope, primary: boolean): PodContribution {
  const { service } = scope;
  const spec: JsonObject = {};
  const warnDropped = (key: string, why: string): void => {
    ctx.warn('convert/dropped-key', service.keys[key] ?? service.span, why, { object: scope.ref });
  };

  const aliases = hostAliasesOf(ctx, scope);
  if (aliases.hostAliases.length > 0) spec.hostAliases = aliases.hostAliases;
  const dnsConfig: JsonObject = {};
  if (service.dns.length > 0) dnsConfig.nameservers = [...service.dns];
  if (service.dnsSearch.length > 0) dnsConfig.searches = [...service.dnsSearch];
  if (service.dnsOpt.length > 0) {
    dnsConfig.options = service.dnsOpt.map((opt) => {
      const [name = '', value] = opt.split(':', 2);
      return value === undefined ? { name } : { name, value };
    });
  }
  if (Object.keys(dnsConfig).length > 0) spec.dnsConfig = dnsConfig;
  if (service.dns.length > 0) {
    ctx.info('convert/dns', service.keys.dns ?? service.span, 'the nameservers are added after the cluster DNS, which stays first so that Service names resolve', { object: scope.ref });
  }

  if (service.hostname !== undefined && primary) {
    const [first = '', ...rest] = service.hostname.split('.');
    if (isDnsLabel(first)) {
      spec.hostname = first;
      if (rest.length > 0) warnDropped('hostname', `the domain '${rest.join('.')}' of hostname '${service.hostname}' is dropped: a pod's domain comes from a headless Service (subdomain)`);
    } else {
      warnDropped('hostname', `hostname '${service.hostname}' is not a valid Kubernetes hostname (lower-case letters, digits and -) and is dropped`);
    }
  }
  if (service.sysctls.length > 0) spec.securityContext = { sysctls: service.sysctls.map((s) => ({ name: s.key, value: s.value })) };

  const mode = service.networkMode;
  if (mode === 'host') {
    spec.hostNetwork = true;
    spec.dnsPolicy = 'ClusterFirstWithHostNet';
  } else if (mode === 'none') {
    warnDropped('network_mode', "'network_mode: none' is dropped: every pod has a network interface (a NetworkPolicy can deny all traffic)");
  } else if (mode !== undefined && mode.startsWith('container:')) {
    warnDropped('network_mode', `'network_mode: ${mode}' is dropped: only services can share a pod (network_mode: service:NAME)`);
  } else if (mode !== undefined && mode !== 'bridge' && mode !== 'default' && !SERVICE_MODE.test(mode)) {
    ctx.info('convert/dropped-key', service.keys.network_mode ?? service.span, `'network_mode: ${mode}': all pods share the cluster network`, { object: scope.ref });
  }
  if (service.pid === 'host') spec.hostPID = true;
  else if (service.pid !== undefined) warnDropped('pid', `'pid: ${service.pid}' is dropped: containers of one pod can share a process namespace only with shareProcessNamespace`);
  if (service.ipc === 'host') spec.hostIPC = true;
  else if (service.ipc !== undefined && service.ipc !== 'private' && service.ipc !== 'shareable') {
    warnDropped('ipc', `'ipc: ${service.ipc}' is dropped: containers of one pod always share IPC; other pods cannot join it`);
  }

  for (const network of service.networks) {
    if (network.aliases.length > 0) {
      ctx.warn('convert/dropped-key', network.keys.aliases ?? network.span, `network aliases ${network.aliases.map((a) => `'${a}'`).join(', ')} are dropped: other services reach this one only as '${scope.name}'`, { object: scope.ref });
    }
    for (const key of ['ipv4_address', 'ipv6_address'] as const) {
      if (network.keys[key]) ctx.warn('convert/dropped-key', network.keys[key]!, `'${key}' is dropped: pod IPs are assigned by the cluster`, { object: scope.ref });
    }
  }

  const affinity = nodeAffinityOf(ctx, scope);
  if (affinity) spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: affinity }] } } };
  const out: PodContribution = Object.keys(spec).length > 0 ? { podSpec: spec } : {};
  if (aliases.externalAddresses) out.workloadAnnotations = { ...IGNORE_POD_IP };
  return out;
}

/**
 * extra_hosts → hostAliases, grouped by address. A static address of a project service is dropped with a
 * warning: a host alias needs a fixed IP, and neither the service's pod IP nor its Service's cluster IP is
 * known before it runs (and an alias would hide the cluster DNS answer for that name). A private address of
 * a host outside the cluster is kept and reported (reportExternalAddresses): the workload then needs
 * IGNORE_POD_IP (`externalAddresses`).
 */
function hostAliasesOf(ctx: TranslateContext, scope: ServiceScope): { hostAliases: JsonObject[]; externalAddresses: boolean } {
  const byIp = new Map<string, string[]>();
  const index = staticAddressIndex(ctx);
  let externalAddresses = false;
  for (const entry of scope.service.extraHosts) {
    for (const ip of entry.ips) {
      if (ip === 'host-gateway') {
        ctx.warn('convert/dropped-key', entry.span, `extra host '${entry.host}:host-gateway' is dropped: a pod has no fixed address for its node`, { object: scope.ref });
        continue;
      }
      const owner = staticAddressOwner(index, ip);
      if (owner !== undefined) {
        const name = ctx.serviceNames.get(owner.service) ?? owner.service;
        ctx.warn('convert/static-address', entry.span, `extra host '${entry.host}:${ip}' is dropped: '${ip}' is the static address of '${owner.service}', and a host alias needs a fixed IP, which neither its pod nor ${ctx.exposedServices.has(owner.service) ? 'its Service' : 'a Service (it has none: no ports or expose)'} has before it runs`, {
          object: scope.ref,
          related: [{ message: `the static address of '${owner.service}' on network '${owner.network}'`, file: owner.span.file, line: owner.span.line, column: owner.span.column }],
          hint: `reach it by its service name ('${name}') instead of '${entry.host}'`,
        });
        continue;
      }
      externalAddresses = reportExternalAddresses(ctx, index, ip, entry.span, scope.ref, `extra host '${entry.host}'`) || externalAddresses;
      const hosts = byIp.get(ip) ?? [];
      if (!hosts.includes(entry.host)) hosts.push(entry.host);
      byIp.set(ip, hosts);
    }
  }
  return { hostAliases: [...byIp].map(([ip, hostnames]) => ({ ip, hostnames })), externalAddresses };
}

const PLATFORM_ARCH: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', armhf: 'arm', i386: '386' };

/** Node affinity match expressions from placement constraints and `platform`. */
function nodeAffinityOf(ctx: TranslateContext, scope: ServiceScope): JsonObject[] | undefined {
  const expressions: JsonObject[] = [];
  for (const c of scope.service.deploy?.placement?.constraints ?? []) {
    const expression = constraintExpression(c);
    if (expression) expressions.push(expression);
    else ctx.warn('convert/dropped-key', c.span, `placement constraint '${c.field} ${c.operator} ${c.value}' is dropped: Kubernetes nodes have no such property`, {
      object: scope.ref,
      hint: 'constrain on a node label instead (node.labels.NAME)',
    });
  }
  const platform = scope.service.platform;
  if (platform !== undefined) {
    const [os, arch] = platform.split('/');
    if (os) expressions.push({ key: 'kubernetes.io/os', operator: 'In', values: [os] });
    if (arch) expressions.push({ key: 'kubernetes.io/arch', operator: 'In', values: [PLATFORM_ARCH[arch] ?? arch] });
  }
  return expressions.length > 0 ? expressions : undefined;
}

function constraintExpression(c: PlacementConstraint): JsonObject | undefined {
  const operator = c.operator === '==' ? 'In' : 'NotIn';
  let key: string | undefined;
  let value = c.value;
  if (c.field.startsWith('node.labels.')) key = c.field.slice('node.labels.'.length);
  else if (c.field === 'node.hostname') key = 'kubernetes.io/hostname';
  else if (c.field === 'node.platform.os') key = 'kubernetes.io/os';
  else if (c.field === 'node.platform.arch') {
    key = 'kubernetes.io/arch';
    value = PLATFORM_ARCH[value] ?? value;
  }
  return key === undefined || key === '' ? undefined : { key, operator, values: [value] };
}
