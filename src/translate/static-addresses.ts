/**
 * Static addresses (`networks.<net>.ipv4_address` / `ipv6_address`) other services write into their
 * environment or command line. Pod addresses are not fixed in Kubernetes, but a Service's cluster IP is, and
 * the kubelet offers it as `<NAME>_SERVICE_HOST` for `$(VAR)` expansion in env values, command and args. So an
 * address of a service that gets a Service is replaced by `$(<NAME>_SERVICE_HOST)` (and the pod keeps
 * Kubernetes' service environment variables); any other is left as it is, with a warning.
 */
import type { Span } from '../source/span.js';
import type { TranslateContext } from './context.js';

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
}

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
  for (const [address, owner] of index) {
    const pattern = new RegExp(`(?<![0-9A-Za-z.:])${escapeRegExp(address)}(?![0-9A-Za-z.:]|\\.[0-9])`, 'g');
    if (!pattern.test(out)) continue;
    const related = [{ message: `the static address of '${owner.service}' on network '${owner.network}'`, file: owner.span.file, line: owner.span.line, column: owner.span.column }];
    if (!ctx.exposedServices.has(owner.service)) {
      ctx.warn('convert/static-address', at, `'${address}' is the static address of '${owner.service}', which has no fixed address in Kubernetes and no Service (no ports or expose): it is left as it is and will not reach it`, { object, related });
      continue;
    }
    const variable = serviceHostVariable(ctx.serviceNames.get(owner.service)!);
    out = out.replace(pattern, `$(${variable})`);
    usesServiceLinks = true;
    ctx.warn('convert/static-address', at, `'${address}' is the static address of '${owner.service}': it is replaced by $(${variable}), the cluster IP of its Service`, { object, related });
  }
  return { value: out, usesServiceLinks };
}
