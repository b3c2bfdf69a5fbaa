/**
 * IP addresses and CIDR ranges as values: parsing the textual forms (dotted IPv4, IPv6 with `::` and an
 * embedded IPv4 tail) into bytes, and testing whether an address lies in a range.
 */

export interface IpAddress {
  version: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: readonly number[];
}

export interface IpRange extends IpAddress {
  /** Prefix length in bits (32 or 128 for a single address). */
  prefix: number;
  /** As written. */
  text: string;
}

/** `10.0.0.1` → its 4 bytes; undefined unless exactly four decimal octets 0-255 without leading zeros. */
export function parseIpv4(text: string): IpAddress | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return { version: 4, bytes };
}

/** `fd00::1`, `::ffff:10.0.0.1`, `2001:db8:0:0:0:0:0:1` → 16 bytes; undefined when not a valid IPv6 address. */
export function parseIpv6(text: string): IpAddress | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (!v4) return undefined;
        out.push((v4.bytes[0]! << 8) | v4.bytes[1]!, (v4.bytes[2]! << 8) | v4.bytes[3]!);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) {
        out.push(parseInt(part, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    if (head.length !== 8) return undefined;
    groups = head;
  }
  return { version: 6, bytes: groups.flatMap((g) => [g >> 8, g & 0xff]) };
}

export function parseIpAddress(text: string): IpAddress | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** `10.0.0.0/8`, `fd00::/8`, or a single address (a /32 or /128); undefined when malformed. */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const max = address.version === 4 ? 32 : 128;
  if (slash === -1) return { ...address, prefix: max, text };
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? { ...address, prefix, text } : undefined;
}

/** An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) as the IPv4 address it maps; others unchanged. */
export function unmapIpv4(address: IpAddress): IpAddress {
  if (address.version !== 6) return address;
  const b = address.bytes;
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return address;
  if (b[10] !== 0xff || b[11] !== 0xff) return address;
  return { version: 4, bytes: b.slice(12) };
}

/** Whether `address` lies in `range` (same IP version, first `prefix` bits equal). */
export function inIpRange(address: IpAddress, range: IpRange): boolean {
  const a = unmapIpv4(address);
  if (a.version !== range.version) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((a.bytes[i]! & mask) !== (range.bytes[i]! & mask)) return false;
  }
  return true;
}

function ranges(...texts: string[]): readonly IpRange[] {
  return texts.map((t) => {
    const r = parseIpRange(t);
    if (!r) throw new Error(`bad built-in range ${t}`);
    return r;
  });
}

/**
 * Addresses that can only be reached inside a private network, where Pod and Service IPs live:
 * RFC 1918, shared address space for carrier-grade NAT (RFC 6598, used by some clouds for Pods) and
 * IPv6 unique local addresses (RFC 4193).
 */
export const clusterInternalRanges: readonly IpRange[] = ranges('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7');

/** Render an address canonically (dotted quad; IPv6 compressed), for messages and de-duplication. */
export function formatIpAddress(address: IpAddress): string {
  const b = address.bytes;
  if (address.version === 4) return b.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i]! << 8) | b[i + 1]!);
  // The longest run of two or more zero groups becomes `::` (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (best === -1) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}
