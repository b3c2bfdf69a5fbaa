/**
 * `ports`: the short syntax (`[HOST_IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTOCOL]`, or a bare number)
 * parsed as docker compose parses it, and the long syntax. One source entry gives one ServicePort; a range
 * stays a range (the converter expands it).
 */
import { isIP } from 'node:net';
import type { PortRange, Protocol, ServicePort } from '../model.js';
import type { Located, LocatedMap } from '../../source/located.js';
import { report, within, type Scope } from './context.js';
import { describeNode, fieldName, readString, wrongType } from './scalars.js';
import { asSeq, keysOf, optionalExtensions } from './shapes.js';

export function readPorts(node: Located, scope: Scope): ServicePort[] {
  const seq = asSeq(node, scope);
  if (!seq) return [];
  const out: ServicePort[] = [];
  seq.items.forEach((item, i) => {
    const s = within(scope, i);
    const port = item.kind === 'map' ? readLongPort(item, s) : readShortPort(item, s);
    if (port) out.push(port);
  });
  return out;
}

export type PortSpec = Pick<ServicePort, 'target' | 'published' | 'hostIp' | 'protocol'>;
export type PortSpecParse = { ok: true; spec: PortSpec } | { ok: false; reason: string };

/** Parse one short-syntax port string. */
export function parsePortSpec(text: string): PortSpecParse {
  const parts = text.split(':');
  const n = parts.length;
  const container = parts[n - 1]!;
  const host = n >= 2 ? parts[n - 2]! : '';
  let ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
  const slash = container.indexOf('/');
  const containerPorts = slash === -1 ? container : container.slice(0, slash);
  const proto = (slash === -1 ? '' : container.slice(slash + 1)).toLowerCase() || 'tcp';
  if (containerPorts === '') return { ok: false, reason: 'no container port is given' };
  if (!isProtocol(proto)) return { ok: false, reason: `'${proto}' is not a protocol (use tcp, udp or sctp)` };
  if (ip.startsWith('[')) {
    if (!ip.endsWith(']')) return { ok: false, reason: `'${ip}' is not an IP address` };
    ip = ip.slice(1, -1);
  }
  if (ip !== '' && isIP(ip) === 0) return { ok: false, reason: `'${ip}' is not an IP address` };
  const target = parsePortRange(containerPorts);
  if (!target) return { ok: false, reason: `'${containerPorts}' is not a container port or port range` };
  let published: PortRange | undefined;
  if (host !== '') {
    published = parsePortRange(host);
    if (!published) return { ok: false, reason: `'${host}' is not a host port or port range` };
    const targetCount = target.end - target.start;
    if (targetCount !== 0 && targetCount !== published.end - published.start) {
      return { ok: false, reason: `the container range ${containerPorts} and the host range ${host} differ in size` };
    }
  }
  return { ok: true, spec: { target, ...(published ? { published } : {}), ...(ip ? { hostIp: ip } : {}), protocol: proto } };
}

/** `80` or `8000-8010`; ports 0–65535, a range must not run backwards. */
export function parsePortRange(text: string): PortRange | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535 || end < start) return undefined;
  return { start, end };
}

function isProtocol(p: string): p is Protocol {
  return p === 'tcp' || p === 'udp' || p === 'sctp';
}

function readShortPort(item: Located, scope: Scope): ServicePort | undefined {
  if (item.kind !== 'scalar' || item.value === null || typeof item.value === 'boolean') {
    wrongType(item, scope, 'a port such as "8080:80" or a mapping');
    return undefined;
  }
  const parsed = parsePortSpec(String(item.value));
  if (!parsed.ok) {
    report(scope, item.span, {
      message: `${fieldName(scope)} is not a valid port: ${parsed.reason}`,
      hint: 'Write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. "127.0.0.1:8080:80/udp".',
    });
    return undefined;
  }
  if (parsed.spec.target.start === 0) {
    report(scope, item.span, { message: `${fieldName(scope)}: the container port must not be 0` });
    return undefined;
  }
  return { ...parsed.spec, mode: 'ingress', syntax: 'short', span: item.span, keys: {} };
}

function readLongPort(map: LocatedMap, scope: Scope): ServicePort | undefined {
  let target: PortRange | undefined;
  let published: PortRange | undefined;
  const port: Partial<ServicePort> = {};
  let protocol: Protocol = 'tcp';
  let mode: ServicePort['mode'] = 'ingress';
  for (const e of map.entries) {
    const s = within(scope, e.key);
    switch (e.key) {
      case 'target':
      case 'published': {
        const range = readPortValue(e.value, s);
        if (e.key === 'target') target = range;
        else published = range;
        break;
      }
      case 'host_ip': {
        const ip = readString(e.value, s);
        const bare = ip?.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
        if (bare !== undefined && isIP(bare) === 0) report(s, e.value.span, { message: `${fieldName(s)} is not an IP address: ${JSON.stringify(ip)}` });
        else if (bare) port.hostIp = bare;
        break;
      }
      case 'protocol': {
        const p = readString(e.value, s)?.toLowerCase();
        if (p !== undefined && !isProtocol(p)) report(s, e.value.span, { message: `${fieldName(s)} must be tcp, udp or sctp, not ${JSON.stringify(p)}` });
        else if (p) protocol = p;
        break;
      }
      case 'mode': {
        const m = readString(e.value, s);
        if (m !== undefined && m !== 'ingress' && m !== 'host') report(s, e.value.span, { message: `${fieldName(s)} must be ingress or host, not ${JSON.stringify(m)}` });
        else if (m) mode = m;
        break;
      }
      case 'name':
      case 'app_protocol': {
        const v = readString(e.value, s);
        if (v !== undefined) port[e.key === 'name' ? 'name' : 'appProtocol'] = v;
        break;
      }
    }
  }
  if (!target) {
    if (!map.entries.some((e) => e.key === 'target')) {
      report(scope, map.span, { message: `${fieldName(scope)} has no target (the container port)` });
    }
    return undefined;
  }
  if (target.start === 0) {
    report(within(scope, 'target'), map.span, { message: `${fieldName(scope)}: the container port must not be 0` });
    return undefined;
  }
  if (published && target.end !== target.start && published.end - published.start !== target.end - target.start) {
    report(scope, map.span, { message: `${fieldName(scope)}: the target and published ranges differ in size` });
    return undefined;
  }
  return {
    target,
    ...(published ? { published } : {}),
    ...port,
    protocol,
    mode,
    syntax: 'long',
    span: map.span,
    keys: keysOf(map),
    ...optionalExtensions(map),
  };
}

/** A port or port range given as a number or a string (`80`, `"8080"`, `"9090-9091"`). */
function readPortValue(node: Located, scope: Scope): PortRange | undefined {
  if (node.kind !== 'scalar' || typeof node.value === 'boolean') {
    wrongType(node, scope, 'a port number or range');
    return undefined;
  }
  if (node.value === null) return undefined;
  const range = parsePortRange(String(node.value));
  if (!range) {
    report(scope, node.span, { message: `${fieldName(scope)} must be a port (0–65535) or a range such as 8000-8010, not ${describeNode(node)}` });
  }
  return range;
}
