import type { FieldPath } from '../../diagnostics.js';
import { containersOf, isObject, podTemplatesOf, type ContainerRef, type JsonObject } from '../../k8s/object.js';
import { addressPolicy, clusterAddressesIn, listAddresses, type AddressPolicy } from '../checks/cluster-addresses.js';
import { describeContainer } from '../checks/container-name.js';
import { isVersionName, isWholeValue } from '../checks/ip-literals.js';
import { defineRule, type RuleContext } from '../rule.js';

interface Options {
  /** More ranges (CIDR notation) whose addresses are reported, beyond RFC 1918, CGNAT and ULA. */
  extraRanges: string[];
  /** Addresses or ranges that are accepted. */
  allow: string[];
}

const WHY = 'Pod IPs change whenever a Pod is replaced, so the value must be a Service DNS name';
const HINT =
  "Refer to a Service by name ('db', or 'db.other-namespace.svc' across namespaces). For a server outside the cluster, give it a Service too: a Service without a selector plus an EndpointSlice, or an ExternalName Service.";

const HOST_ALIAS_HINT =
  'Give the server a Service (for a host outside the cluster, one without a selector plus an EndpointSlice, or an ExternalName Service) and use its name instead of pinning an address in /etc/hosts.';
const PROBE_HOST_HINT =
  "Leave host out: the kubelet then uses the Pod's own IP. To depend on another service, call it by its Service name from the application.";

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const LIFECYCLE = ['postStart', 'preStop'] as const;

const IPV4_CIDR = '^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?$';
const IPV6_CIDR = '^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?$';
const addressList = { type: 'array', items: { type: 'string', anyOf: [{ pattern: IPV4_CIDR }, { pattern: IPV6_CIDR }] } };

/**
 * IP literals that point inside the cluster (RFC 1918, CGNAT 100.64.0.0/10, IPv6 ULA) written into
 * container env values, commands and args, probe and lifecycle handlers, hostAliases and ConfigMap data.
 * Networks (CIDR notation, `a-b` ranges) and version-like strings are not addresses (see
 * checks/ip-literals.ts), nor is a literal that is the whole value of an env var or ConfigMap key named
 * like a version (`VERSION: 10.2.0.1`) or the argument after a version flag (`--version`, `10.1.2.3`);
 * NetworkPolicy, Service, Endpoints and EndpointSlice fields are not read.
 */
export default defineRule<Options>({
  id: 'hardcoded-pod-ip',
  meta: {
    description: 'IP addresses inside the cluster must not be hardcoded',
    help:
      'Replace the address with a Service name (`db`, or `db.data.svc` from another namespace). Pod IPs change whenever a Pod is replaced; for a server outside the cluster, give it a name with a selector-less Service and an EndpointSlice, or an ExternalName Service.',
    severity: 'error',
    appliesTo: ['@pod-templates', 'ConfigMap'],
    messages: {
      envValue: `Env var {{name}} of {{container}} hardcodes the in-cluster IP {{noun}} {{addresses}}: ${WHY}.`,
      commandLine: `The {{field}} of {{container}} hardcodes the in-cluster IP {{noun}} {{addresses}}: ${WHY}.`,
      probeHost: `The {{field}} of {{container}} targets the in-cluster IP {{noun}} {{addresses}}: ${WHY}.`,
      hostAlias: `hostAliases pins {{hostnames}} to the in-cluster IP {{noun}} {{addresses}}: ${WHY}.`,
      configData: `ConfigMap key '{{key}}' hardcodes the in-cluster IP {{noun}} {{addresses}}: ${WHY}.`,
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { extraRanges: addressList, allow: addressList },
    },
    defaults: { extraRanges: [], allow: [] },
  },
  create(context, options) {
    const policy = addressPolicy(options.extraRanges, options.allow);
    const check = checker(context, policy);
    return {
      '@pod-templates'(object) {
        for (const template of podTemplatesOf(object)) {
          const aliases = template.spec.hostAliases;
          if (!Array.isArray(aliases)) continue;
          aliases.forEach((alias, i) => {
            if (!isObject(alias)) return;
            const hostnames = Array.isArray(alias.hostnames) ? alias.hostnames.filter((h) => typeof h === 'string').join(', ') : '';
            check(alias.ip, [...template.specPath, 'hostAliases', i, 'ip'], 'hostAlias', { hostnames: hostnames || '(no hostnames)' }, HOST_ALIAS_HINT);
          });
        }
        for (const ref of containersOf(object, ['initContainers', 'containers', 'ephemeralContainers'])) checkContainer(ref, check);
      },
      ConfigMap(object) {
        const data = object.value.data;
        if (!isObject(data)) return;
        for (const [key, value] of Object.entries(data)) check(value, ['data', key], 'configData', { key }, HINT, isVersionName(key));
      },
    };
  },
});

/** `versionNamed`: the value belongs to a name that says version, so a bare literal is a version number. */
type Check = (value: unknown, path: FieldPath, messageId: string, data: Record<string, string>, hint?: string, versionNamed?: boolean) => void;

function checker(context: RuleContext, policy: AddressPolicy): Check {
  return (value, path, messageId, data, hint = HINT, versionNamed = false) => {
    if (typeof value !== 'string') return;
    const found = clusterAddressesIn(value, policy).filter((l) => !(versionNamed && isWholeValue(value, l)));
    if (found.length === 0) return;
    const { text, count } = listAddresses(found);
    context.report({ messageId, path, data: { ...data, addresses: text, noun: count > 1 ? 'addresses' : 'address' }, hint });
  };
}

function checkContainer(ref: ContainerRef, check: Check): void {
  const c = ref.container;
  const container = describeContainer(ref);
  if (Array.isArray(c.env)) {
    c.env.forEach((env, i) => {
      if (!isObject(env)) return;
      const named = typeof env.name === 'string' && isVersionName(env.name);
      check(env.value, [...ref.path, 'env', i, 'value'], 'envValue', { name: String(env.name ?? `#${i + 1}`), container }, HINT, named);
    });
  }
  for (const field of ['command', 'args'] as const) checkCommand(c[field], [...ref.path, field], field, container, check);
  for (const probe of PROBES) {
    if (isObject(c[probe])) checkHandler(c[probe], [...ref.path, probe], probe, container, check);
  }
  if (isObject(c.lifecycle)) {
    for (const hook of LIFECYCLE) {
      const handler = c.lifecycle[hook];
      if (isObject(handler)) checkHandler(handler, [...ref.path, 'lifecycle', hook], `${hook} hook`, container, check);
    }
  }
}

/** A probe or lifecycle handler: `exec.command`, `httpGet.host`, `tcpSocket.host`. */
function checkHandler(handler: JsonObject, path: FieldPath, name: string, container: string, check: Check): void {
  if (isObject(handler.exec)) checkCommand(handler.exec.command, [...path, 'exec', 'command'], `${name} command`, container, check);
  for (const action of ['httpGet', 'tcpSocket'] as const) {
    const target = handler[action];
    if (!isObject(target)) continue;
    check(target.host, [...path, action, 'host'], 'probeHost', { field: `${name} ${action} host`, container }, PROBE_HOST_HINT);
  }
}

/** Each element; an element right after a version flag on its own (`--version`, `-release`) is its value. */
function checkCommand(command: unknown, path: FieldPath, field: string, container: string, check: Check): void {
  if (!Array.isArray(command)) return;
  command.forEach((arg, i) => check(arg, [...path, i], 'commandLine', { field, container }, HINT, i > 0 && isVersionFlag(command[i - 1])));
}

function isVersionFlag(arg: unknown): boolean {
  if (typeof arg !== 'string') return false;
  const m = /^-{1,2}([A-Za-z][\w.-]*)$/.exec(arg);
  return m !== null && isVersionName(m[1]!);
}
