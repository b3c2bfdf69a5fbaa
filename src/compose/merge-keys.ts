/**
 * What makes two entries of a service list "the same" when a later file overrides an earlier one
 * (the specification's unique resources): a later entry with the same key replaces the earlier one in place.
 */
import type { Located } from '../source/located.js';
import { splitVolumeSpec } from './normalize/volumes.js';
import { mapValue, scalarText } from './located-nodes.js';

export type EntryKey = (item: Located) => string | undefined;

function text(node: Located | undefined): string | undefined {
  return node?.kind === 'scalar' ? scalarText(node) : undefined;
}

/** Ports: the short form as written; the long form by host IP, published port, target and protocol. */
export const portKey: EntryKey = (item) => {
  if (item.kind === 'scalar') return scalarText(item);
  if (item.kind !== 'map') return undefined;
  const target = text(mapValue(item, 'target'));
  if (target === undefined) return undefined;
  return `${text(mapValue(item, 'host_ip')) ?? '0.0.0.0'}:${text(mapValue(item, 'published')) ?? ''}:${target}/${text(mapValue(item, 'protocol')) ?? 'tcp'}`;
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
