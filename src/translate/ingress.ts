/**
 * An Ingress (networking.k8s.io/v1) from x-shipshape `ingress` or kompose.service.expose: one rule per host (or
 * one for every host), each path sent to the service's own Service, by that Service's real name and a port it
 * has (the port asked for, by number or name, else its first TCP port). TLS with the named Secret for the
 * hosts; the ingress class and annotations as given.
 *
 * Contract used by index.ts: called once per service after its Service was built; `exposed` is that Service
 * (undefined when the service has no ports). A request that cannot be met is an error, and no Ingress is made.
 */
import { didYouMeanSuffix } from '../compose/did-you-mean.js';
import type { ExposedService, JsonObject, ServiceScope, TranslateContext } from './context.js';
import type { IngressSettings } from './extensions.js';
import { selectorLabels } from './labels.js';

export function translateIngress(ctx: TranslateContext, scope: ServiceScope, exposed: ExposedService | undefined): void {
  const settings = scope.settings.ingress;
  if (!settings) return;
  if (!exposed) {
    ctx.error('convert/ingress-no-service', settings.at, `an Ingress needs a Service, but service '${scope.service.name}' has no ports or expose; no Ingress is generated`, {
      object: scope.ref,
      hint: 'list the HTTP port the service listens on under ports: or expose:',
    });
    return;
  }
  const port = backendPort(ctx, scope, settings, exposed);
  if (!port) return;
  const backend = { service: { name: exposed.name, port } };
  const byHost = new Map<string | undefined, string[]>();
  for (const rule of settings.rules) {
    const paths = byHost.get(rule.host) ?? [];
    if (!paths.includes(rule.path)) paths.push(rule.path);
    byHost.set(rule.host, paths);
  }
  const rules = [...byHost].map(([host, paths]) => {
    const rule: JsonObject = { http: { paths: paths.map((path) => ({ path, pathType: settings.pathType, backend })) } };
    if (host !== undefined) rule.host = host;
    return rule;
  });
  const spec: JsonObject = {};
  if (settings.className !== undefined) spec.ingressClassName = settings.className;
  if (settings.tlsSecret !== undefined) {
    const hosts = [...byHost.keys()].filter((h): h is string => h !== undefined);
    spec.tls = [hosts.length > 0 ? { hosts, secretName: settings.tlsSecret } : { secretName: settings.tlsSecret }];
  }
  spec.rules = rules;
  const metadata: JsonObject & { name: string } = { name: scope.name, labels: selectorLabels(ctx.project.name, scope.name) };
  if (Object.keys(settings.annotations).length > 0) metadata.annotations = { ...settings.annotations };
  ctx.emit({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec }, settings.at);
}

/** The backend port: `{ number }` or `{ name }` of a TCP port the Service has, or undefined (reported). */
function backendPort(ctx: TranslateContext, scope: ServiceScope, settings: IngressSettings, exposed: ExposedService): JsonObject | undefined {
  const list = exposed.ports.map((p) => `${p.port} (${p.name})`).join(', ');
  const wanted = settings.port;
  const chosen =
    wanted === undefined
      ? exposed.ports.find((p) => p.protocol === 'TCP')
      : exposed.ports.find((p) => (typeof wanted.value === 'number' ? p.port === wanted.value : p.name === wanted.value));
  if (!chosen) {
    if (wanted === undefined) {
      ctx.error('convert/ingress-port', settings.at, `an Ingress carries HTTP over TCP, but Service '${exposed.name}' has only ${exposed.ports.map((p) => p.protocol).join('/')} ports; no Ingress is generated`, { object: scope.ref });
    } else {
      const suggestion = typeof wanted.value === 'string' ? didYouMeanSuffix(wanted.value, exposed.ports.map((p) => p.name)) : '';
      ctx.error('convert/ingress-port', wanted.at, `Service '${exposed.name}' has no port ${JSON.stringify(wanted.value)} (its ports: ${list})${suggestion}; no Ingress is generated`, { object: scope.ref });
    }
    return undefined;
  }
  if (chosen.protocol !== 'TCP') {
    ctx.error('convert/ingress-port', wanted?.at ?? settings.at, `port ${chosen.port} (${chosen.name}) of Service '${exposed.name}' is ${chosen.protocol}; an Ingress carries HTTP over TCP; no Ingress is generated`, { object: scope.ref });
    return undefined;
  }
  return typeof wanted?.value === 'string' ? { name: chosen.name } : { number: chosen.port };
}
