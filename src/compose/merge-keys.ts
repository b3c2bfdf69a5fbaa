/**
 * What makes two entries of a service list "the same" when a later file overrides an earlier one
 * (the specification's unique resources): a later entry with the same key replaces the earlier one in place.
 */
import type { Located } from '../source/located.js';
import type { PortRange } from './model.js';
import { parsePortSpec } from './normalize/ports.js';
import { splitVolumeSpec } from './normalize/volumes.js';
import { mapValue, scalarText } from './located-nodes.js';

export type EntryKey = (item: Located) => string | undefined;

function text(node: Located | undefined): string | undefined {
  return node?.kind === 'scalar' ? scalarText(node) : undefined;
}

/**
 * Ports: by host IP, published port(s), target port(s) and protocol, whatever the syntax (`"8080:80"`,
 * `"0.0.0.0:8080:80/tcp"` and `{target: 80, published: "8080"}` are one port); short forms that do not parse
 * by their text.
 */
export const portKey: EntryKey = (item) => {
  if (item.kind === 'scalar') {
    const parsed = parsePortSpec(scalarText(item));
    if (!parsed.ok) return scalarText(item);
    const { hostIp, published, target, protocol } = parsed.spec;
    return canonicalPort(hostIp, published ? rangeText(published) : undefined, rangeText(target), protocol);
  }
  if (item.kind !== 'map') return undefined;
  const target = text(mapValue(item, 'target'));
  if (target === undefined) return undefined;
  return canonicalPort(text(mapValue(item, 'host_ip')), text(mapValue(item, 'published')), target, text(mapValue(item, 'protocol')));
};

const rangeText = (r: PortRange): string => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`);

function canonicalPort(hostIp: string | undefined, published: string | undefined, target: string, protocol: string | undefined): string {
  return `${hostIp === undefined || hostIp === '' ? '0.0.0.0' : hostIp}:${published ?? ''}:${target}/${(protocol ?? 'tcp').toLowerCase()}`;
}

/** Devices: by the path in the container (`/dev/a:/dev/x:rw` and `{source, target}`); `/dev/a` alone is its own target. */
export const deviceKey: EntryKey = (item) => {
  if (item.kind === 'map') return text(mapValue(item, 'target')) ?? text(mapValue(item, 'source'));
  if (item.kind !== 'scalar') return undefined;
  const parts = scalarText(item).split(':');
  return parts.length >= 2 ? parts[1] : parts[0];
};

/** Volumes: by mount target. */
export const volumeKey: EntryKey = (item) => {
  if (item.kind === 'map') return text(mapValue(item, 'target'));
  if (item.kind !== 'scalar') return undefined;
  const split = splitVolumeSpec(scalarText(item));
  return 'reason' in split ? scalarText(item) : split.target;
};

/** Secrets and configs: by target (the default target derives from the source). */
export function fileReferenceKey(defaultDir: string): EntryKey {
  return (item) => {
    if (item.kind === 'scalar') return `${defaultDir}/${scalarText(item)}`;
    if (item.kind !== 'map') return undefined;
    const target = text(mapValue(item, 'target'));
    if (target !== undefined) return target;
    const source = text(mapValue(item, 'source'));
    return source === undefined ? undefined : `${defaultDir}/${source}`;
  };
}

/** `KEY=value` list entries (environment, labels, args, …): by KEY. */
export const assignmentKey: EntryKey = (item) => {
  if (item.kind !== 'scalar') return undefined;
  const t = scalarText(item);
  const eq = t.indexOf('=');
  return eq === -1 ? t : t.slice(0, eq);
};

/** Plain string lists (cap_add, dns, profiles, expose, …): by value; env_file entries by path. */
export const valueKey: EntryKey = (item) => {
  if (item.kind === 'scalar') return scalarText(item);
  if (item.kind === 'map') return text(mapValue(item, 'path'));
  return undefined;
};
