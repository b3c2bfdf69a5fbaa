/**
 * Which IP literals of a text point inside the cluster: host addresses (not networks or ranges) in the
 * cluster-internal ranges or in extra ranges, minus the allowed ones.
 */
import { clusterInternalRanges, formatIpAddress, inIpRange, parseIpRange, type IpRange } from './ip-address.js';
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
    (l) => l.form === 'address' && policy.flagged.some((r) => inIpRange(l.address, r)) && !policy.allowed.some((r) => inIpRange(l.address, r)),
  );
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
