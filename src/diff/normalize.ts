/**
 * One object in canonical form, computed once per object: what the server manages left out, keys sorted,
 * list items in a canonical order where the API says order does not matter, the namespace made explicit.
 * Two objects are the same when their canonical forms compare equal (changes.ts); the canonical form is
 * also what the unified diff prints.
 *
 * - Left out: `status`; `metadata.creationTimestamp`, `resourceVersion`, `uid`, `generation`,
 *   `managedFields`, `selfLink`, `deletionTimestamp`, `deletionGracePeriodSeconds`; the
 *   `kubectl.kubernetes.io/last-applied-configuration` annotation; `null` values and empty lists (the
 *   API stores neither); empty `labels`, `annotations` and `metadata` maps.
 * - `metadata.namespace` is the effective namespace (an object without one equals one in `default`), and
 *   is removed from cluster-scoped objects.
 * - Map lists (`x-kubernetes-list-type: map`) are sorted by their keys, with `protocol` defaulted to
 *   `TCP`; sets are sorted by value; atomic lists keep their order.
 * - A Secret's `stringData` is folded into `data` (base64), as the API server does on write.
 */
import type { DiagnosticSink } from '../diagnostics.js';
import { isObject, type JsonObject } from '../k8s/object.js';
import { LIST_KEY_DEFAULTS, listItemKeys, listSemantics } from './list-semantics.js';
import type { DiffObject } from './objects.js';

/** How a normalized list pairs its items: by key (`ids[i]` names `items[i]`), or as a set. */
export type ListPairing = { type: 'map'; keys: readonly string[]; ids: readonly string[] } | { type: 'set' };

const pairings = new WeakMap<readonly unknown[], ListPairing>();

/** How the items of a list of a normalized object are paired; `undefined` for lists compared by position. */
export function listPairingOf(list: readonly unknown[]): ListPairing | undefined {
  return pairings.get(list);
}

const SERVER_METADATA = ['creationTimestamp', 'resourceVersion', 'uid', 'generation', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'];
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Maps that mean the same empty as absent. */
const DROPPED_WHEN_EMPTY: ReadonlySet<string> = new Set(['labels', 'annotations', 'metadata']);

/** Deeper values are cut (the YAML parser allows 1,000 levels; this keeps every walk of the diff bounded). */
export const MAX_DEPTH = 1000;
/** What stands for a value nested deeper than MAX_DEPTH. */
export const TOO_DEEP = '<nested too deeply>';

/** The canonical form of an object. Never mutates the input; reports a value nested too deeply. */
export function normalizeObject(object: DiffObject, report: DiagnosticSink): JsonObject {
  const top: JsonObject = { ...object.value };
  delete top.status;
  const metadata: JsonObject = isObject(top.metadata) ? { ...top.metadata } : {};
  for (const field of SERVER_METADATA) delete metadata[field];
  if (isObject(metadata.annotations) && LAST_APPLIED in metadata.annotations) {
    const annotations = { ...metadata.annotations };
    delete annotations[LAST_APPLIED];
    metadata.annotations = annotations;
  }
  if (object.namespace !== undefined) metadata.namespace = object.namespace;
  else delete metadata.namespace;
  top.metadata = metadata;
  if (object.kind === 'Secret' && object.group === '') foldStringData(top);
  const walker = new Canonicalizer(object.apiVersion, object.kind);
  const canonical = (walker.value(top) ?? {}) as JsonObject;
  if (walker.cut) {
    const at = object.source ?? { file: '<input>' };
    report({
      code: 'diff/too-deep',
      severity: 'warning',
      message: `${object.kind} '${object.name}' nests values more than ${MAX_DEPTH} levels deep; deeper values are compared as '${TOO_DEEP}'`,
      file: at.file,
      line: at.line ?? 1,
      column: at.column ?? 1,
    });
  }
  return canonical;
}

/**
 * `data` values as the bytes they stand for, in one spelling: the API server decodes base64 ignoring line breaks
 * and white space (`base64` wraps at 76 columns), so two spellings of the same bytes are one value. A value that
 * is not base64 is left as written (the schema reports it).
 */
function canonicalData(secret: JsonObject): void {
  const data = secret.data;
  if (!isObject(data)) return;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    const compact = typeof value === 'string' ? value.replace(/\s+/g, '') : undefined;
    const valid = compact !== undefined && /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact);
    setOwn(out, key, valid ? Buffer.from(compact!, 'base64').toString('base64') : value);
  }
  secret.data = out;
}

function foldStringData(secret: JsonObject): void {
  canonicalData(secret);
  const stringData = secret.stringData;
  if (!isObject(stringData)) return;
  const data: JsonObject = isObject(secret.data) ? { ...secret.data } : {};
  for (const [key, value] of Object.entries(stringData)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    setOwn(data, key, Buffer.from(String(value), 'utf8').toString('base64'));
  }
  secret.data = data;
  delete secret.stringData;
}

class Canonicalizer {
  private readonly fields: string[] = [];
  private depth = 0;
  /** Whether a value was cut at MAX_DEPTH. */
  cut = false;

  constructor(
    private readonly apiVersion: string,
    private readonly kind: string,
  ) {}

  /** The canonical value; `undefined` for what is left out. */
  value(value: unknown): unknown {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'object') return value;
    if (this.depth >= MAX_DEPTH) {
      this.cut = true;
      return TOO_DEEP;
    }
    this.depth++;
    const out = Array.isArray(value) ? this.list(value) : this.map(value as JsonObject);
    this.depth--;
    return out;
  }

  private map(value: JsonObject): JsonObject | undefined {
    const out: JsonObject = {};
    let empty = true;
    for (const key of Object.keys(value).sort()) {
      this.fields.push(key);
      const v = this.value(value[key]);
      this.fields.pop();
      if (v !== undefined) {
        setOwn(out, key, v);
        empty = false;
      }
    }
    if (empty && DROPPED_WHEN_EMPTY.has(this.fields[this.fields.length - 1] ?? '')) return undefined;
    return out;
  }

  private list(value: readonly unknown[]): unknown[] | undefined {
    if (value.length === 0) return undefined;
    // Items of a list share their list's field path (`containers`, then `containers.ports`).
    const items = value.map((item) => this.value(item) ?? null);
    const semantics = listSemantics(this.apiVersion, this.kind, this.fields);
    if (semantics.type === 'map') return this.mapList(items, semantics.keys);
    if (semantics.type === 'set') {
      const keyed = items.map((item) => ({ item, id: JSON.stringify(item) }));
      keyed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const sorted = keyed.map((k) => k.item);
      pairings.set(sorted, { type: 'set' });
      return sorted;
    }
    return items;
  }

  private mapList(items: unknown[], keys: readonly string[]): unknown[] {
    const withDefaults = items.map((item) => {
      if (!isObject(item)) return item;
      let out: JsonObject | undefined;
      for (const k of keys) {
        const fallback = LIST_KEY_DEFAULTS[k];
        if (fallback !== undefined && (item[k] === undefined || item[k] === null)) {
          out ??= { ...item };
          out[k] = fallback;
        }
      }
      return out ? sortedCopy(out) : item;
    });
    const ids = listItemKeys(withDefaults, keys);
    // Items that cannot be keyed (a missing or repeated key): compared by position, as written.
    if (!ids) return items;
    const order = withDefaults.map((item, i) => ({ item, id: ids[i]!, values: keyValues(item as JsonObject, keys) }));
    order.sort((a, b) => compareKeyValues(a.values, b.values));
    const sorted = order.map((o) => o.item);
    pairings.set(sorted, { type: 'map', keys, ids: order.map((o) => o.id) });
    return sorted;
  }
}

/** `__proto__` is a key like any other in YAML: define it as a field, never set the prototype. */
export function setOwn(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function sortedCopy(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) setOwn(out, key, value[key]);
  return out;
}

function keyValues(item: JsonObject, keys: readonly string[]): unknown[] {
  return keys.map((k) => item[k]);
}

/** Numbers in numeric order, then everything else by its text. */
function compareKeyValues(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y;
      continue;
    }
    const sx = String(x);
    const sy = String(y);
    if (sx !== sy) return sx < sy ? -1 : 1;
  }
  return 0;
}
