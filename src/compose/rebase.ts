/**
 * Relative paths of content brought from another directory (a service extended from a file elsewhere, a
 * project brought in by `include`) resolve against that content's own directory, not the project's: they
 * are made absolute before the content joins the project. Paths starting with `~` are left for the
 * normalizers (they expand HOME).
 */
import { posix } from 'node:path';
import type { Located, LocatedEntry, LocatedMap } from '../source/located.js';
import { isRemoteContext } from './normalize/paths.js';
import { splitVolumeSpec } from './normalize/volumes.js';
import { mapValue, scalarText, stringValue, withEntry } from './located-nodes.js';

/** A whole project tree: every service, and the files of top-level secrets and configs. */
export function rebaseProject(root: LocatedMap, dir: string): LocatedMap {
  return {
    ...root,
    entries: root.entries.map((e): LocatedEntry => {
      if (e.key === 'services' && e.value.kind === 'map') return { ...e, value: eachValue(e.value, (s) => rebaseService(s, dir)) };
      if ((e.key === 'secrets' || e.key === 'configs') && e.value.kind === 'map') {
        return { ...e, value: eachValue(e.value, (d) => rebaseField(d, 'file', dir)) };
      }
      return e;
    }),
  };
}

/** One service's build context, env files, label files, bind mounts and extends file. */
export function rebaseService(service: Located, dir: string): Located {
  if (service.kind !== 'map') return service;
  let out: LocatedMap = service;
  for (const e of service.entries) {
    const v = e.value;
    switch (e.key) {
      case 'build':
        if (v.kind === 'scalar') out = withEntry(out, 'build', rebaseContext(v, dir));
        else if (v.kind === 'map') out = withEntry(out, 'build', rebaseField(v, 'context', dir, true));
        break;
      case 'env_file':
      case 'label_file':
        out = withEntry(out, e.key, mapItems(v, (item) => (item.kind === 'map' ? rebaseField(item, 'path', dir) : rebasePath(item, dir))));
        break;
      case 'volumes':
        out = withEntry(out, e.key, mapItems(v, (item) => rebaseMount(item, dir)));
        break;
      case 'extends':
        if (v.kind === 'map') out = withEntry(out, e.key, rebaseField(v, 'file', dir));
        break;
    }
  }
  return out;
}

function eachValue(map: LocatedMap, f: (value: Located) => Located): LocatedMap {
  return { ...map, entries: map.entries.map((e) => ({ ...e, value: f(e.value) })) };
}

function mapItems(node: Located, f: (item: Located) => Located): Located {
  if (node.kind === 'seq') return { ...node, items: node.items.map(f) };
  return f(node);
}

function rebaseField(map: Located, key: string, dir: string, context = false): Located {
  const value = mapValue(map, key);
  if (map.kind !== 'map' || value === undefined) return map;
  return withEntry(map, key, context ? rebaseContext(value, dir) : rebasePath(value, dir));
}

function rebaseContext(node: Located, dir: string): Located {
  const text = stringValue(node);
  return text !== undefined && isRemoteContext(text) ? node : rebasePath(node, dir);
}

function rebasePath(node: Located, dir: string): Located {
  if (node.kind !== 'scalar' || node.value === null) return node;
  const text = scalarText(node);
  if (text === '' || text.startsWith('~') || posix.isAbsolute(text)) return node;
  return { ...node, value: posix.join(dir, text) };
}

/** `./data:/data:ro` → `/abs/data:/data:ro`; a long-syntax bind mount's `source`. Named volumes are kept. */
function rebaseMount(item: Located, dir: string): Located {
  if (item.kind === 'map') {
    return stringValue(mapValue(item, 'type')) === 'bind' ? rebaseField(item, 'source', dir) : item;
  }
  const text = stringValue(item);
  if (text === undefined || item.kind !== 'scalar') return item;
  const split = splitVolumeSpec(text);
  if ('reason' in split || split.source === undefined || !split.source.startsWith('.')) return item;
  return { ...item, value: `${posix.join(dir, split.source)}${text.slice(split.source.length)}` };
}
