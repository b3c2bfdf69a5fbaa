/** Top-level `volumes` and `networks` definitions (`null` entries get every default). */
import type { NetworkDefinition, RawValue, VolumeDefinition } from '../model.js';
import type { Located, LocatedMap } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { within, type Scope } from './context.js';
import { readBoolean, readString } from './scalars.js';
import { asMap, entrySpan, extensionsOf, isExtensionKey, isNull, keysOf, raw } from './shapes.js';
import { readExternal, reportExternalConflicts } from './external.js';
import { readKeyValues } from './key-values.js';

export function readVolumeDefinitions(node: Located, scope: Scope): VolumeDefinition[] {
  return definitions(node, scope, (key, map, span, s): VolumeDefinition => {
    const { external, name } = map ? readExternal(map, key, s) : { external: false, name: undefined };
    const def: VolumeDefinition = { key, external, driverOpts: [], labels: [], span, keys: keysOf(map), extensions: extensionsOf(map) };
    if (name !== undefined) def.name = name;
    if (!map) return def;
    if (external) reportExternalConflicts(map, ['driver', 'driver_opts'], s);
    const other: Record<string, RawValue> = {};
    for (const e of map.entries) {
      const fs = within(s, e.key);
      if (e.key === 'driver') {
        const v = readString(e.value, fs);
        if (v !== undefined) def.driver = v;
      } else if (e.key === 'driver_opts') def.driverOpts = readKeyValues(e.value, fs);
      else if (e.key === 'labels') def.labels = readKeyValues(e.value, fs);
      else if (e.key !== 'name' && e.key !== 'external' && !isExtensionKey(e.key)) other[e.key] = raw(e.value);
    }
    if (Object.keys(other).length > 0) def.other = other;
    return def;
  });
}

export function readNetworkDefinitions(node: Located, scope: Scope): NetworkDefinition[] {
  return definitions(node, scope, (key, map, span, s): NetworkDefinition => {
    const { external, name } = map ? readExternal(map, key, s) : { external: false, name: undefined };
    const def: NetworkDefinition = { key, external, internal: false, span, keys: keysOf(map), extensions: extensionsOf(map) };
    if (name !== undefined) def.name = name;
    if (!map) return def;
    if (external) reportExternalConflicts(map, ['driver', 'driver_opts', 'ipam', 'internal'], s);
    const other: Record<string, RawValue> = {};
    for (const e of map.entries) {
      const fs = within(s, e.key);
      if (e.key === 'driver') {
        const v = readString(e.value, fs);
        if (v !== undefined) def.driver = v;
      } else if (e.key === 'internal') def.internal = readBoolean(e.value, fs) ?? false;
      else if (e.key === 'driver_opts') def.driverOpts = readKeyValues(e.value, fs);
      else if (e.key === 'labels') def.labels = readKeyValues(e.value, fs);
      else if (e.key !== 'name' && e.key !== 'external' && !isExtensionKey(e.key)) other[e.key] = raw(e.value);
    }
    if (Object.keys(other).length > 0) def.other = other;
    return def;
  });
}

/** Each non-`x-*` entry of a top-level section, its mapping (absent for `null`), in source order. */
export function definitions<T>(
  node: Located,
  scope: Scope,
  read: (key: string, map: LocatedMap | undefined, span: Span, scope: Scope) => T | undefined,
): T[] {
  const section = asMap(node, scope);
  if (!section) return [];
  const out: T[] = [];
  for (const e of section.entries) {
    if (isExtensionKey(e.key)) continue;
    const s = within(scope, e.key);
    const map = asMap(e.value, s);
    if (!map && !isNull(e.value)) continue;
    const def = read(e.key, map, entrySpan(e), s);
    if (def !== undefined) out.push(def);
  }
  return out;
}
