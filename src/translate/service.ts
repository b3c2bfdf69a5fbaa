/**
 * `ports` and `expose` → the container's ports and a ClusterIP Service named exactly like the Compose service,
 * so other services reach it by the same DNS name. One plan (planPorts) names every port once: the container
 * port's name is the Service port's targetPort, so they cannot disagree.
 *
 * Service ports: the published port (or the target) is the `port`; when a port is published under another
 * number, the container port is served too, since Compose services reach each other on the container port.
 * So every container port keeps its own number: a published port that is another container port's number
 * (`8080:80` with `expose: [8080]`, `443:8443` with `8443:443`) is not a Service port, with a warning
 * (`convert/port-clash`), and so is a port published twice for different container ports.
 * Names: the long syntax's `name`, else `<protocol>-<port>`.
 */
import type { PortRange, Protocol, ServicePort } from '../compose/model.js';
import type { ExposedService, JsonObject, KubeObject, ServiceScope, TranslateContext, WorkloadRef } from './context.js';
import { governingServiceName, isDnsLabel } from './names.js';
import { isPortName } from './settings-values.js';
import type { Span } from '../source/span.js';

export const MANY_PORTS = 100;

type KubeProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface PlannedServicePort {
  name: string;
  port: number;
  /** The container port's name. */
  targetPort: string;
  protocol: KubeProtocol;
  appProtocol?: string;
}

export interface PortPlan {
  /** `containers[].ports` entries: {name, containerPort, protocol}. */
  containerPorts: JsonObject[];
  servicePorts: PlannedServicePort[];
}

function kubeProtocol(protocol: Protocol): KubeProtocol {
  return protocol.toUpperCase() as KubeProtocol;
}

function rangeValues(range: PortRange): number[] {
  const out: number[] = [];
  for (let p = range.start; p <= range.end; p++) out.push(p);
  return out;
}

export function planPorts(ctx: TranslateContext, scope: ServiceScope): PortPlan {
  const { service } = scope;
  const containerPorts: JsonObject[] = [];
  const containerNames = new Map<string, string>(); // `${port}/${protocol}` → name
  const usedContainerNames = new Set<string>();
  const servicePorts: PlannedServicePort[] = [];
  const serviceTargets = new Map<string, { target: number; at: Span }>(); // `${port}/${protocol}` → what it serves
  const usedServiceNames = new Set<string>();
  const extraTargets: { port: number; protocol: Protocol; targetPort: string; at: Span }[] = [];

  // Peers on the project network reach the service at its container ports: each is a Service port of its
  // own number, and a published port only takes a number no container port has.
  const peerPorts = new Map<string, Span>();
  const reservePeerPort = (port: number, protocol: Protocol, at: Span): void => {
    if (!peerPorts.has(`${port}/${protocol}`)) peerPorts.set(`${port}/${protocol}`, at);
  };
  for (const p of service.ports) for (const port of rangeValues(p.target)) reservePeerPort(port, p.protocol, p.span);
  for (const e of service.expose) for (const port of rangeValues(e.port)) reservePeerPort(port, e.protocol, e.span);

  const containerPort = (port: number, protocol: Protocol, wanted: string | undefined): string => {
    const key = `${port}/${protocol}`;
    const known = containerNames.get(key);
    if (known !== undefined) return known;
    let name = wanted !== undefined && isPortName(wanted) && !usedContainerNames.has(wanted) ? wanted : `${protocol}-${port}`;
    if (usedContainerNames.has(name)) name = `p${port}-${protocol}`;
    containerNames.set(key, name);
    usedContainerNames.add(name);
    containerPorts.push({ name, containerPort: port, protocol: kubeProtocol(protocol) });
    return name;
  };
  const servicePort = (port: number, target: number, protocol: Protocol, targetPort: string, at: Span, wanted?: string, appProtocol?: string): void => {
    const key = `${port}/${protocol}`;
    const seen = serviceTargets.get(key);
    if (seen !== undefined) {
      if (seen.target !== target) {
        ctx.warn('convert/port-clash', at, `port ${port}/${protocol} is published for container port ${target} and for container port ${seen.target}: a Service port can serve only one, so it serves container port ${seen.target}`, {
          object: scope.ref,
          related: [{ message: `container port ${seen.target} takes Service port ${port} here`, file: seen.at.file, line: seen.at.line, column: seen.at.column }],
          hint: 'publish each container port under its own number',
        });
      }
      return;
    }
    serviceTargets.set(key, { target, at });
    let name = wanted !== undefined && isDnsLabel(wanted) && !usedServiceNames.has(wanted) ? wanted : `${protocol}-${port}`;
    if (usedServiceNames.has(name)) name = `p${port}-${protocol}`;
    usedServiceNames.add(name);
    const planned: PlannedServicePort = { name, port, targetPort, protocol: kubeProtocol(protocol) };
    if (appProtocol !== undefined) planned.appProtocol = appProtocol;
    servicePorts.push(planned);
  };

  for (const p of service.ports) {
    reportDroppedPortParts(ctx, scope, p);
    const pairs = pairPorts(ctx, scope, p);
    const single = pairs.length === 1;
    if (p.name !== undefined && !isDnsLabel(p.name)) {
      ctx.warn('convert/port-name', p.keys.name ?? p.span, `port name '${p.name}' is not a valid Kubernetes port name (lower-case letters, digits and -); '${p.protocol}-<port>' is used`, { object: scope.ref });
    }
    for (const { target, published } of pairs) {
      const wanted = single ? p.name : undefined;
      const targetPort = containerPort(target, p.protocol, wanted);
      const peer = published === undefined || published === target ? undefined : peerPorts.get(`${published}/${p.protocol}`);
      if (peer !== undefined) {
        ctx.warn('convert/port-clash', p.span, `published port ${published} of container port ${target} is not a Service port: port ${published} is container port ${published}, which other services reach under that number; container port ${target} is served as port ${target}`, {
          object: scope.ref,
          related: [{ message: `container port ${published}/${p.protocol} is declared here`, file: peer.file, line: peer.line, column: peer.column }],
          hint: 'clients outside the cluster get their own port through x-shipshape (a NodePort or LoadBalancer Service, or an Ingress)',
        });
      }
      if (peer !== undefined || published === undefined || published === target) {
        servicePort(target, target, p.protocol, targetPort, p.span, wanted, p.appProtocol);
        continue;
      }
      servicePort(published, target, p.protocol, targetPort, p.span, wanted, p.appProtocol);
      extraTargets.push({ port: target, protocol: p.protocol, targetPort, at: p.span });
    }
  }
  for (const e of service.expose) {
    const ports = rangeValues(e.port);
    if (ports.length > MANY_PORTS) warnManyPorts(ctx, scope, e.span, ports.length);
    for (const port of ports) servicePort(port, port, e.protocol, containerPort(port, e.protocol, undefined), e.span);
  }
  for (const extra of extraTargets) servicePort(extra.port, extra.port, extra.protocol, extra.targetPort, extra.at);
  return { containerPorts, servicePorts };
}

function warnManyPorts(ctx: TranslateContext, scope: ServiceScope, at: ServicePort['span'], count: number): void {
  ctx.warn('convert/many-ports', at, `the port range expands to ${count} ports, each a container port and a Service port`, {
    object: scope.ref,
    hint: 'publish only the ports clients use; a large range makes a large Service and slow endpoint updates',
  });
}

/** The (container port, published port) pairs of one `ports` entry, ranges expanded. */
function pairPorts(ctx: TranslateContext, scope: ServiceScope, p: ServicePort): { target: number; published?: number }[] {
  const targets = rangeValues(p.target);
  if (targets.length > MANY_PORTS) warnManyPorts(ctx, scope, p.span, targets.length);
  const published = p.published ? rangeValues(p.published) : undefined;
  if (published === undefined) return targets.map((target) => ({ target }));
  if (published.length === targets.length) return targets.map((target, i) => ({ target, published: published[i]! }));
  // `8000-8010:80`: Docker picks one free host port of the range. The Service serves the container port.
  ctx.info('convert/published-range', p.span, `published range ${p.published!.start}-${p.published!.end} lets Docker choose a free host port; the Service uses the container port${targets.length === 1 ? '' : 's'}`, { object: scope.ref });
  return targets.map((target) => ({ target }));
}

function reportDroppedPortParts(ctx: TranslateContext, scope: ServiceScope, p: ServicePort): void {
  if (p.hostIp !== undefined) {
    ctx.warn('convert/dropped-key', p.keys.host_ip ?? p.span, `host IP '${p.hostIp}' is dropped: a Service is reached on its cluster IP (use a LoadBalancer or Ingress with x-shipshape to publish it)`, { object: scope.ref });
  }
  if (p.mode === 'host') {
    ctx.warn('convert/dropped-key', p.keys.mode ?? p.span, "'mode: host' is dropped: the port is served by the Service, not published on each node", {
      object: scope.ref,
      hint: 'set a NodePort Service type with x-shipshape to publish it on every node',
    });
  }
}

/** The Service of a service with ports or expose (emitted), or undefined. */
export function buildService(ctx: TranslateContext, scope: ServiceScope, plan: PortPlan, workload: WorkloadRef): ExposedService | undefined {
  if (plan.servicePorts.length === 0) return undefined;
  const { settings, service } = scope;
  const requested = settings.serviceType ?? 'ClusterIP';
  const headless = wantsHeadlessService(scope);
  const type = requested === 'Headless' ? 'ClusterIP' : requested;
  const ports = plan.servicePorts.map((p, i) => {
    const port: JsonObject = { name: p.name, port: p.port, protocol: p.protocol, targetPort: p.targetPort };
    if (p.appProtocol !== undefined) port.appProtocol = p.appProtocol;
    if (i === 0 && settings.nodePort !== undefined && (type === 'NodePort' || type === 'LoadBalancer')) port.nodePort = settings.nodePort;
    return port;
  });
  const spec: JsonObject = { type, selector: { ...workload.selector }, ports };
  if (headless) {
    if (type !== 'ClusterIP') ctx.warn('convert/headless-type', service.deploy?.keys.endpoint_mode ?? service.span, `a headless Service must be of type ClusterIP, not ${type}; ClusterIP is used`, { object: scope.ref });
    spec.type = 'ClusterIP';
    spec.clusterIP = 'None';
  }
  const metadata: KubeObject['metadata'] = { name: scope.name, labels: { ...workload.selector, ...settings.serviceLabels } };
  if (Object.keys(settings.serviceAnnotations).length > 0) metadata.annotations = { ...settings.serviceAnnotations };
  const at = service.keys.ports ?? service.keys.expose ?? service.span;
  ctx.emit({ apiVersion: 'v1', kind: 'Service', metadata, spec }, at);
  if (workload.kind === 'StatefulSet' && !headless) {
    // A StatefulSet's pods get stable DNS names (`db-0.db-headless`) only through a headless Service; clients
    // keep the load-balanced one under the service's own name.
    const name = governingServiceName(scope.name);
    const headlessSpec: JsonObject = { clusterIP: 'None', selector: { ...workload.selector }, ports, publishNotReadyAddresses: true };
    ctx.emit({ apiVersion: 'v1', kind: 'Service', metadata: { name, labels: { ...workload.selector } }, spec: headlessSpec }, at);
    ctx.info('convert/statefulset-service', settings.controller?.at ?? at, `the StatefulSet's pods get stable DNS names through the headless Service '${name}' (${workload.name}-0.${name} …); clients keep using '${scope.name}'`, { object: scope.ref });
  }
  return {
    name: scope.name,
    type: String(spec.type),
    ports: plan.servicePorts.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol, ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}) })),
  };
}

/** Whether the service's own Service is headless (x-shipshape service type Headless, or deploy.endpoint_mode: dnsrr). */
export function wantsHeadlessService(scope: ServiceScope): boolean {
  return scope.settings.serviceType === 'Headless' || scope.service.deploy?.endpointMode === 'dnsrr';
}

/** The first port of the Service a service gets (what planPorts puts first), without diagnostics; undefined without one. */
export function firstServicePort(service: import('../compose/model.js').Service): { port: number; protocol: Protocol } | undefined {
  const p = service.ports[0];
  if (p) {
    const sameLength = p.published && p.published.end - p.published.start === p.target.end - p.target.start;
    const published = sameLength ? p.published!.start : p.target.start;
    // A published number that is another container port's is that port's (planPorts, peerPorts).
    const containerPort = (e: { start: number; end: number }, protocol: Protocol): boolean => protocol === p.protocol && e.start <= published && published <= e.end;
    const clashes = published !== p.target.start && (service.ports.some((q) => containerPort(q.target, q.protocol)) || service.expose.some((e) => containerPort(e.port, e.protocol)));
    return { port: clashes ? p.target.start : published, protocol: p.protocol };
  }
  const e = service.expose[0];
  return e ? { port: e.port.start, protocol: e.protocol } : undefined;
}
