/**
 * How the items of a list are identified, for pairing them across two versions of an object: by the keys
 * the API declares (`x-kubernetes-list-map-keys`: containers and env by `name`, container ports by
 * `containerPort` + `protocol`), as a set, or by position (atomic lists, and every list of a kind the
 * built-in definitions do not know). Answers are cached: the lookup walks the schema tables.
 */
import { listMapKeys, type ListSemantics } from '../k8s/schema/index.js';
import { isObject } from '../k8s/object.js';

const ATOMIC: ListSemantics = { type: 'atomic' };
const cache = new Map<string, ListSemantics>();

/** The semantics of the list at `fields` (field names only) in an object of `apiVersion`/`kind`. */
export function listSemantics(apiVersion: string, kind: string, fields: readonly string[]): ListSemantics {
  const key = `${apiVersion}\u0000${kind}\u0000${fields.join('\u0000')}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = listMapKeys(apiVersion, kind, fields) ?? ATOMIC;
    cache.set(key, found);
  }
  return found;
}

/**
 * Values the API server fills in for list-map keys an item leaves out, so `{containerPort: 80}` and
 * `{containerPort: 80, protocol: TCP}` are the same port.
 */
export const LIST_KEY_DEFAULTS: Readonly<Record<string, string>> = { protocol: 'TCP' };

/**
 * The identity of each item of a map list (JSON of its key values, defaults applied), or `undefined`
 * when the list cannot be keyed: an item that is not a mapping, misses a key, or repeats another's keys.
 * Such a list is compared by position instead.
 */
export function listItemKeys(items: readonly unknown[], keys: readonly string[]): string[] | undefined {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!isObject(item)) return undefined;
    const values: unknown[] = [];
    for (const k of keys) {
      const v = item[k] ?? LIST_KEY_DEFAULTS[k];
      if (v === undefined || v === null || typeof v === 'object') return undefined;
      values.push(v);
    }
    const id = JSON.stringify(values);
    if (seen.has(id)) return undefined;
    seen.add(id);
    out.push(id);
  }
  return out;
}
