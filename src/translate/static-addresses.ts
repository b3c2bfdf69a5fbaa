/**
 * Static addresses (`networks.<net>.ipv4_address` / `ipv6_address`) other services write into their
 * environment or command line. Pod addresses are not fixed in Kubernetes, but a Service's cluster IP is, and
 * the kubelet offers it as `<NAME>_SERVICE_HOST` for `$(VAR)` expansion in env values, command and args. So an
 * address of a service that gets a Service is replaced by `$(<NAME>_SERVICE_HOST)` (and the pod keeps
 * Kubernetes' service environment variables); any other is left as it is, with a warning.
 *
 * A private IP literal (RFC 1918, CGNAT, IPv6 ULA — the ranges the `hardcoded-pod-ip` lint rule reads as pod
 * addresses, decided by the same module) that is no static address of a project service is taken for a host
 * outside the cluster (a LAN router, a database server): it is kept, warned about (`convert/external-address`)
 * and the object that holds it gets `shipshape.io/ignore: hardcoded-pod-ip`, so the output lints clean and the
 * exception stays visible in review. So does the holder of a static address that is left as it is (no Service
 * to point at, or a text Kubernetes never expands: a file, a probe's or hook's command; reportAddressesAsWritten),
 * and a hostAlias of a static address is dropped (hostAliasesOf in network.ts): no Service IP can stand in there.
 */
import { addressPolicy, clusterAddressesIn } from '../lint/checks/cluster-addresses.js';
import { formatIpAddress, parseIpAddress } from '../lint/checks/ip-address.js';
import { IGNORE_ANNOTATION } from '../lint/suppress.js';
import type { Span } from '../source/span.js';
import type { At, TranslateContext } from './context.js';

/** The annotation that accepts external private addresses in an object (the linter's suppression). */
export const IGNORE_POD_IP: Readonly<Record<string, string>> = { [IGNORE_ANNOTATION]: 'hardcoded-pod-ip' };
const CLUSTER_RANGES = addressPolicy([], []);

export interface StaticAddress {
  /** Compose name of the service that has the address. */
  service: string;
  network: string;
  span: Span;
}

const indexes = new WeakMap<TranslateContext, Map<string, StaticAddress>>();

/** Every static address of the project, by address (built once per run). */
export function staticAddressIndex(ctx: TranslateContext): ReadonlyMap<string, StaticAddress> {
  const known = indexes.get(ctx);
  if (known) return known;
  const index = new Map<string, StaticAddress>();
  indexes.set(ctx, index);
  for (const service of ctx.project.services) {
    for (const network of service.networks) {
      for (const [address, key] of [
        [network.ipv4Address, 'ipv4_address'],
        [network.ipv6Address, 'ipv6_address'],
      ] as const) {
        if (address !== undefined && !index.has(address)) index.set(address, { service: service.name, network: network.name, span: network.keys[key] ?? network.span });
      }
    }
  }
  return index;
}

/** `cloud-flared` → `CLOUD_FLARED_SERVICE_HOST`, the variable the kubelet defines for a Service. */
export function serviceHostVariable(kubernetesName: string): string {
  return `${kubernetesName.toUpperCase().replace(/-/g, '_')}_SERVICE_HOST`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface AddressRewrite {
  value: string;
  /** Whether a `$(…_SERVICE_HOST)` reference was written (the pod then needs enableServiceLinks). */
  usesServiceLinks: boolean;
  /**
   * Whether the value keeps a private address (a host outside the cluster, or a static address left as it is):
   * the workload then gets IGNORE_POD_IP.
   */
  externalAddresses: boolean;
}

/**
 * Private IP literals of `text` that are not static addresses of project services (canonical form, without
 * repeats): addresses of hosts outside the cluster.
 */
export function externalAddressesIn(index: ReadonlyMap<string, StaticAddress>, text: string): string[] {
  const found = clusterAddressesIn(text, CLUSTER_RANGES);
  if (found.length === 0) return [];
  const statics = new Set([...index.keys()].map((a) => parseIpAddress(a)).filter((a) => a !== undefined).map((a) => formatIpAddress(a)));
  return [...new Set(found.map((l) => formatIpAddress(l.address)).filter((a) => !statics.has(a)))];
}

/**
 * Warn about the external private addresses of `text` (written at `at`, in `where`: `the value`, `file
 * nginx.conf`); whether there were any (the holder then needs IGNORE_POD_IP).
 */
export function reportExternalAddresses(
  ctx: TranslateContext,
  index: ReadonlyMap<string, StaticAddress>,
  text: string,
  at: At,
  object: { kind: string; name: string },
  where = 'the value',
): boolean {
  const external = externalAddressesIn(index, text);
  if (external.length === 0) return false;
  const list = external.length > 1 ? `${external.slice(0, -1).join(', ')} and ${external[external.length - 1]}` : external[0]!;
  ctx.warn('convert/external-address', at, `${where} holds the private IP address${external.length > 1 ? 'es' : ''} ${list}, which no service of the project has: assumed to be a host outside the cluster, kept as written (the object is marked ${IGNORE_ANNOTATION}: hardcoded-pod-ip)`, {
    object,
    hint: 'if it is a server of your network, give it a name with a selector-less Service and an EndpointSlice, or an ExternalName Service',
  });
  return true;
}

/** `address` on its own: not part of a longer address or name. An IPv4 address may be followed by `:port`. */
function addressPattern(address: string): RegExp {
  const after = address.includes(':') ? '[0-9A-Za-z.:]' : '[0-9A-Za-z.]';
  return new RegExp(`(?<![0-9A-Za-z.:])${escapeRegExp(address)}(?!${after}|\\.[0-9])`, 'g');
}

/** The project service whose static address `ip` is (any spelling of it), if any. */
export function staticAddressOwner(index: ReadonlyMap<string, StaticAddress>, ip: string): StaticAddress | undefined {
  const wanted = parseIpAddress(ip);
  if (wanted === undefined) return undefined;
  const canonical = formatIpAddress(wanted);
  for (const [address, owner] of index) {
    const parsed = parseIpAddress(address);
    if (parsed !== undefined && formatIpAddress(parsed) === canonical) return owner;
  }
  return undefined;
}

/** Whether the linter reads `address` as a pod address (so a holder that keeps it needs IGNORE_POD_IP). */
function isClusterAddress(address: string): boolean {
  return clusterAddressesIn(address, CLUSTER_RANGES).length > 0;
}

/** Whether `text` holds a static address of a project service (rewriteStaticAddresses would act on it). */
export function mentionsStaticAddress(index: ReadonlyMap<string, StaticAddress>, text: string): boolean {
  for (const address of index.keys()) if (addressPattern(address).test(text)) return true;
  return false;
}

/** What reportAddressesAsWritten says about a text by default: a file's. */
export const FILE_TEXT = 'a file cannot be rewritten';
/** … about a probe's or a lifecycle hook's command. */
export const HANDLER_COMMAND = 'Kubernetes expands $(VAR) only in env, command and args, not in a probe or hook';

/**
 * A text Kubernetes never expands (a file's, a ConfigMap's data; a probe's or hook's command: say so in `why`)
 * cannot have a static address rewritten: each is warned about at `at` and left; then the external private
 * addresses (reportExternalAddresses). Whether the text keeps a private address (its holder then needs
 * IGNORE_POD_IP).
 */
export function reportAddressesAsWritten(
  ctx: TranslateContext,
  index: ReadonlyMap<string, StaticAddress>,
  text: string,
  at: At,
  object: { kind: string; name: string },
  where: string,
  why = FILE_TEXT,
): boolean {
  let kept = false;
  for (const [address, owner] of index) {
    if (!addressPattern(address).test(text)) continue;
    kept ||= isClusterAddress(address);
    ctx.warn('convert/static-address', at, `${where} holds '${address}', the static address of '${owner.service}': ${why}, so it is left as it is and will not reach it`, {
      object,
      related: [{ message: `the static address of '${owner.service}' on network '${owner.network}'`, file: owner.span.file, line: owner.span.line, column: owner.span.column }],
      hint: `write the service's name ('${ctx.serviceNames.get(owner.service) ?? owner.service}') instead of its address`,
    });
  }
  return reportExternalAddresses(ctx, index, text, at, object, where) || kept;
}

/** A check of a literal Kubernetes never expands (a probe's, a hook's command), written at `at`; see container.ts. */
export type CheckAsWritten = (text: string, at: At, where: string) => void;

/**
 * Replace the static addresses in `value` (already escaped for Kubernetes expansion) that belong to services
 * with a Service; report each address found at `at`, where it is written.
 */
export function rewriteStaticAddresses(
  ctx: TranslateContext,
  index: ReadonlyMap<string, StaticAddress>,
  value: string,
  at: Span,
  object: { kind: string; name: string },
): AddressRewrite {
  let out = value;
  let usesServiceLinks = false;
  let kept = false;
  for (const [address, owner] of index) {
    const pattern = addressPattern(address);
    if (!pattern.test(out)) continue;
    const related = [{ message: `the static address of '${owner.service}' on network '${owner.network}'`, file: owner.span.file, line: owner.span.line, column: owner.span.column }];
    if (!ctx.exposedServices.has(owner.service)) {
      ctx.warn('convert/static-address', at, `'${address}' is the static address of '${owner.service}', which has no fixed address in Kubernetes and no Service (no ports or expose): it is left as it is and will not reach it`, { object, related });
      kept ||= isClusterAddress(address);
      continue;
    }
    const variable = serviceHostVariable(ctx.serviceNames.get(owner.service)!);
    out = out.replace(pattern, `$(${variable})`);
    usesServiceLinks = true;
    ctx.warn('convert/static-address', at, `'${address}' is the static address of '${owner.service}': it is replaced by $(${variable}), the cluster IP of its Service`, { object, related });
  }
  const externalAddresses = reportExternalAddresses(ctx, index, out, at, object) || kept;
  return { value: out, usesServiceLinks, externalAddresses };
}
