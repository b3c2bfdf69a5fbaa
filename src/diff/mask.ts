/**
 * Secret values never leave a diff unless asked for (`--show-secrets`): every value under a Secret's
 * `data` and `stringData` is replaced by a mask before anything is rendered. A change is still visible:
 * in the unified diff the two sides read `*** (before)` and `*** (after)`, in the change list the change
 * is kept with `masked: true` and masks for values. Keys stay visible (they name the setting, as kubectl
 * shows them). The last-applied annotation, which repeats the values, is dropped by normalization.
 */
import { isObject, type JsonObject } from '../k8s/object.js';
import type { FieldChange } from './changes.js';
import { setOwn } from './normalize.js';

export const MASK = '***';
export const MASK_BEFORE = '*** (before)';
export const MASK_AFTER = '*** (after)';

/** The fields of a Secret whose values are secret. */
const SECRET_FIELDS: readonly string[] = ['data', 'stringData'];

/** Secrets of any API group are masked (a lookalike kind in a custom group is treated the same). */
export function holdsSecretValues(kind: string): boolean {
  return kind === 'Secret';
}

/** A value with every leaf replaced by `mask`, keys of mappings kept. */
function maskValue(value: unknown, mask: string): unknown {
  if (!isObject(value)) return mask;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) setOwn(out, key, mask);
  return out;
}

/** A copy of a Secret with its values masked; `changed` names the keys (per field) shown as before/after. */
function maskSecret(secret: JsonObject, mask: string, changed: ReadonlyMap<string, ReadonlySet<string> | 'all'>, changedMask: string): JsonObject {
  const out: JsonObject = { ...secret };
  for (const field of SECRET_FIELDS) {
    if (!Object.hasOwn(secret, field)) continue;
    const value = secret[field];
    const keys = changed.get(field);
    if (!isObject(value)) {
      out[field] = keys ? changedMask : mask;
      continue;
    }
    const masked: JsonObject = {};
    for (const key of Object.keys(value)) {
      setOwn(masked, key, keys === 'all' || keys?.has(key) ? changedMask : mask);
    }
    out[field] = masked;
  }
  return out;
}

/** A whole object with its Secret values masked (an added or removed Secret). */
export function maskObject(value: JsonObject): JsonObject {
  return maskSecret(value, MASK, new Map(), MASK);
}

/** Which keys of `data`/`stringData` a list of changes touches as `changed` (not added or removed). */
function changedKeys(changes: readonly FieldChange[]): Map<string, Set<string> | 'all'> {
  const out = new Map<string, Set<string> | 'all'>();
  for (const c of changes) {
    const [field, key] = c.path;
    if (typeof field !== 'string' || !SECRET_FIELDS.includes(field)) continue;
    if (typeof key !== 'string') {
      if (c.op === 'changed') out.set(field, 'all');
      continue;
    }
    if (c.op !== 'changed') continue;
    const keys = out.get(field);
    if (keys === 'all') continue;
    if (keys) keys.add(key);
    else out.set(field, new Set([key]));
  }
  return out;
}

/** The two canonical Secrets as the unified diff shows them. */
export function maskForDisplay(left: JsonObject, right: JsonObject, changes: readonly FieldChange[]): { left: JsonObject; right: JsonObject } {
  const changed = changedKeys(changes);
  return { left: maskSecret(left, MASK, changed, MASK_BEFORE), right: maskSecret(right, MASK, changed, MASK_AFTER) };
}

/** The changes of a Secret with every value under `data`/`stringData` (or of the whole object) masked. */
export function maskChanges(changes: readonly FieldChange[]): FieldChange[] {
  return changes.map((c) => {
    const field = c.path[0];
    if (c.path.length === 0) {
      const out: FieldChange = { op: c.op, path: c.path, masked: true };
      if ('old' in c) out.old = isObject(c.old) ? maskObject(c.old) : MASK;
      if ('new' in c) out.new = isObject(c.new) ? maskObject(c.new) : MASK;
      return out;
    }
    if (typeof field !== 'string' || !SECRET_FIELDS.includes(field)) return c;
    const out: FieldChange = { op: c.op, path: c.path, masked: true };
    // `data` as a whole keeps its keys; anything below a key is one masked value.
    const mask = (v: unknown) => (c.path.length === 1 ? maskValue(v, MASK) : MASK);
    if ('old' in c) out.old = mask(c.old);
    if ('new' in c) out.new = mask(c.new);
    return out;
  });
}
