/**
 * Which IP literals of a text point inside the cluster: host addresses (not networks or ranges) in the
 * cluster-internal ranges or in extra ranges, minus the allowed ones. An IPv4 address ending in `.0` or
 * `.255` is taken for a network or broadcast address written without its prefix (`INTERNAL_SUBNET=10.13.13.0`),
 * not a host to connect to.
 */
import { clusterInternalRanges, formatIpAddress, inIpRange, parseIpRange, unmapIpv4, type IpAddress, type IpRange } from './ip-address.js';
import { findIpLiterals, type IpLiteral } from './ip-literals.js';

export interface AddressPolicy {
  /** Ranges whose addresses are reported. */
  flagged: readonly IpRange[];
  /** Addresses and ranges that are accepted even inside `flagged`. */
  allowed: readonly IpRange[];
}

/** The built-in ranges plus `extraRanges`, minus `allow` (entries that do not parse are ignored). */
export function addressPolicy(extraRanges: readonly string[], allow: readonly string[]): AddressPolicy {
  const parse = (texts: readonly string[]) => texts.map(parseIpRange).filter((r): r is IpRange => r !== undefined);
  return { flagged: [...clusterInternalRanges, ...parse(extraRanges)], allowed: parse(allow) };
}

/** Host address literals of `text` that the policy reports, in order. */
export function clusterAddressesIn(text: string, policy: AddressPolicy): IpLiteral[] {
  return findIpLiterals(text).filter(
    (l) => l.form === 'address' && isHostLike(l.address) && policy.flagged.some((r) => inIpRange(l.address, r)) && !policy.allowed.some((r) => inIpRange(l.address, r)),
  );
}

function isHostLike(address: IpAddress): boolean {
  const v4 = unmapIpv4(address);
  if (v4.version !== 4) return true;
  const last = v4.bytes[3];
  return last !== 0 && last !== 255;
}

/** `10.0.0.1`, `10.0.0.1 and 10.0.0.2`, `10.0.0.1, 10.0.0.2, 10.0.0.3 and 2 more` (canonical, without repeats). */
export function listAddresses(literals: readonly IpLiteral[]): { text: string; count: number } {
  const unique = [...new Set(literals.map((l) => formatIpAddress(l.address)))];
  const shown = unique.slice(0, 3);
  const more = unique.length - shown.length;
  let text: string;
  if (more > 0) text = `${shown.join(', ')} and ${more} more`;
  else if (shown.length > 1) text = `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  else text = shown[0] ?? '';
  return { text, count: unique.length };
}
