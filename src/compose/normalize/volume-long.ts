/** The long syntax of a service volume: `{type, source, target, read_only, bind: {…}, volume: {…}, tmpfs: {…}}`. */
import type { BindMount, OtherMount, ServiceVolume, TmpfsMount, VolumeMount } from '../model.js';
import { entryOf, type Located, type LocatedMap } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { report, within, type Scope } from './context.js';
import { fieldName, readBoolean, readFileMode, readString } from './scalars.js';
import { asMap, assign, keysOf, optionalExtensions } from './shapes.js';
import { readByteSize } from './bytes.js';
import { readKeyValues } from './key-values.js';
import { cleanContainerPath, resolveHostPath } from './paths.js';

const TYPES = new Set(['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image']);

export function readLongMount(map: LocatedMap, scope: Scope): ServiceVolume | undefined {
  const field = (key: string): Located | undefined => entryOf(map, key)?.value;
  const str = (key: string): string | undefined => {
    const v = field(key);
    return v ? readString(v, within(scope, key)) : undefined;
  };
  const type = str('type');
  if (type === undefined || !TYPES.has(type)) {
    const at = field('type')?.span ?? map.span;
    report(within(scope, 'type'), at, {
      message: type === undefined ? `${fieldName(scope)} has no type` : `${fieldName(scope)}: ${JSON.stringify(type)} is not a mount type`,
      hint: 'Use bind, volume, tmpfs, image, npipe or cluster.',
    });
    return undefined;
  }
  const rawTarget = str('target');
  if (rawTarget === undefined) {
    report(scope, map.span, { message: `${fieldName(scope)} has no target (the path inside the container)` });
    return undefined;
  }
  const target = cleanContainerPath(rawTarget);
  const readOnlyNode = field('read_only');
  const readOnly = readOnlyNode ? readBoolean(readOnlyNode, within(scope, 'read_only')) ?? false : false;
  const keys = { ...keysOf(map), ...nestedKeys(map) };
  const consistency = str('consistency');
  const base = {
    target,
    readOnly,
    syntax: 'long' as const,
    span: map.span,
    keys,
    ...(consistency !== undefined ? { consistency } : {}),
    ...optionalExtensions(map),
  };
  const source = str('source');
  const options = (key: string): LocatedMap | undefined => {
    const v = field(key);
    return v ? asMap(v, within(scope, key)) : undefined;
  };
  const option = (block: LocatedMap | undefined, key: string): [Located, Scope] | undefined => {
    const v = block ? entryOf(block, key)?.value : undefined;
    return v ? [v, within(scope, blockName(block!, map), key)] : undefined;
  };
  switch (type) {
    case 'bind': {
      if (source === undefined) {
        report(scope, map.span, { message: `${fieldName(scope)}: a bind mount needs a source (the host path)` });
        return undefined;
      }
      const bind = options('bind');
      // docker compose creates a missing host path unless told not to (`create_host_path: false`), as for the short syntax.
      const mount: BindMount = { type, ...base, source, resolved: resolveHostPath(source, scope, field('source')!.span), createHostPath: true };
      const create = option(bind, 'create_host_path');
      if (create) mount.createHostPath = readBoolean(...create) ?? true;
      const propagation = option(bind, 'propagation');
      if (propagation) assign(mount, 'propagation', readString(...propagation));
      const recursive = option(bind, 'recursive');
      if (recursive) assign(mount, 'recursive', readString(...recursive));
      const selinux = option(bind, 'selinux');
      if (selinux) {
        const v = readString(...selinux);
        if (v === 'z' || v === 'Z') mount.selinux = v;
        else if (v !== undefined) report(selinux[1], selinux[0].span, { message: `${fieldName(selinux[1])} must be z or Z, not ${JSON.stringify(v)}` });
      }
      return mount;
    }
    case 'volume': {
      const volume = options('volume');
      const mount: VolumeMount = { type, ...base, nocopy: false };
      if (source !== undefined && source !== '') mount.source = source;
      const nocopy = option(volume, 'nocopy');
      if (nocopy) mount.nocopy = readBoolean(...nocopy) ?? false;
      const subpath = option(volume, 'subpath');
      if (subpath) assign(mount, 'subpath', readString(...subpath));
      const labels = option(volume, 'labels');
      if (labels) mount.labels = readKeyValues(...labels);
      return mount;
    }
    case 'tmpfs': {
      const tmpfs = options('tmpfs');
      const mount: TmpfsMount = { type, ...base };
      const size = option(tmpfs, 'size');
      if (size) assign(mount, 'size', readByteSize(...size));
      const mode = option(tmpfs, 'mode');
      if (mode) assign(mount, 'mode', readFileMode(...mode));
      if (source !== undefined) {
        report(within(scope, 'source'), field('source')!.span, { severity: 'warning', code: 'compose/ignored-value', message: `${fieldName(scope)}: a tmpfs mount has no source; it is ignored` });
      }
      return mount;
    }
    default: {
      const mount: OtherMount = { type: type as OtherMount['type'], ...base };
      if (source !== undefined) mount.source = source;
      const subpath = option(options('image'), 'subpath');
      if (subpath) assign(mount, 'subpath', readString(...subpath));
      return mount;
    }
  }
}

function blockName(block: LocatedMap, parent: LocatedMap): string {
  return parent.entries.find((e) => e.value === block)?.key ?? '';
}

/** `bind.propagation`, `volume.nocopy`, … for every key of the nested option blocks. */
function nestedKeys(map: LocatedMap): Record<string, Span> {
  const out: Record<string, Span> = {};
  for (const e of map.entries) {
    if (['bind', 'volume', 'tmpfs', 'image'].includes(e.key) && e.value.kind === 'map') Object.assign(out, keysOf(e.value, `${e.key}.`));
  }
  return out;
}
