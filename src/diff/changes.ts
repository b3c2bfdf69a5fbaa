/**
 * The changes between two canonical objects (normalize.ts), as field paths with old and new values.
 * Mappings are compared key by key; map lists item by item through their keys
 * (`containers[name=api].image`); sets as wholes, by value; atomic lists position by position when their
 * lengths agree, else as wholes. Quantities are equal by value (`1000m` = `1`).
 */
import { isObject, type JsonObject } from '../k8s/object.js';
import type { ChangePath, ChangePathSegment, ItemSelector } from './field-path.js';
import { listPairingOf } from './normalize.js';
import { sameQuantity } from './quantity.js';
import { isQuantityField } from './quantity-fields.js';

export type ChangeOp = 'added' | 'removed' | 'changed';

export interface FieldChange {
  op: ChangeOp;
  /** `[]` for the object itself (an added or removed object). */
  path: ChangePath;
  /** Absent for `added`. */
  old?: unknown;
  /** Absent for `removed`. */
  new?: unknown;
  /** Set by mask.ts: `old`/`new` hold masks (`***`) instead of Secret values. */
  masked?: boolean;
}

/**
 * The changes from `left` to `right`, in canonical order. Where a quantity on the right equals the left
 * one in another spelling (`1024Mi` for `1Gi`), the right canonical object takes the left spelling, so
 * that printing both shows no difference there; nothing else of either object is modified.
 */
export function compareObjects(left: JsonObject, right: JsonObject): FieldChange[] {
  const walk = new ChangeWalk();
  walk.maps(left, right);
  return walk.changes;
}

function isSelectorValue(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

class ChangeWalk {
  readonly changes: FieldChange[] = [];
  /** The change path so far. */
  private readonly path: ChangePathSegment[] = [];
  /** Field names only (for quantity fields). */
  private readonly fields: string[] = [];

  private emit(op: ChangeOp, old: unknown, next: unknown): void {
    const change: FieldChange = { op, path: [...this.path] };
    if (op !== 'added') change.old = old;
    if (op !== 'removed') change.new = next;
    this.changes.push(change);
  }

  /** Compare two values; `parent[key]` holds `right` (for aligning quantity spellings). */
  private value(left: unknown, right: unknown, parent: JsonObject | unknown[], key: string | number): void {
    if (left === right) return;
    if (Array.isArray(left) && Array.isArray(right)) return this.lists(left, right);
    if (isObject(left) && isObject(right)) return this.maps(left, right);
    if (typeof left !== 'object' && typeof right !== 'object' && isQuantityField(this.fields) && sameQuantity(left, right)) {
      (parent as Record<string | number, unknown>)[key] = left;
      return;
    }
    this.emit('changed', left, right);
  }

  maps(left: JsonObject, right: JsonObject): void {
    for (const key of Object.keys(left)) {
      this.path.push(key);
      this.fields.push(key);
      if (!Object.hasOwn(right, key)) this.emit('removed', left[key], undefined);
      else this.value(left[key], right[key], right, key);
      this.fields.pop();
      this.path.pop();
    }
    for (const key of Object.keys(right)) {
      if (Object.hasOwn(left, key)) continue;
      this.path.push(key);
      this.emit('added', undefined, right[key]);
      this.path.pop();
    }
  }

  private lists(left: unknown[], right: unknown[]): void {
    const lp = listPairingOf(left);
    const rp = listPairingOf(right);
    if (lp?.type === 'map' && rp?.type === 'map' && lp.keys.join() === rp.keys.join()) {
      return this.mapLists(left, right, lp.keys, lp.ids, rp.ids);
    }
    if (lp?.type === 'set' && rp?.type === 'set') {
      if (!sameSet(left, right)) this.emit('changed', left, right);
      return;
    }
    if (left.length !== right.length) {
      this.emit('changed', left, right);
      return;
    }
    for (let i = 0; i < left.length; i++) {
      this.path.push(i);
      this.value(left[i], right[i], right, i);
      this.path.pop();
    }
  }

  private mapLists(left: unknown[], right: unknown[], keys: readonly string[], leftIds: readonly string[], rightIds: readonly string[]): void {
    const rightIndex = new Map<string, number>();
    rightIds.forEach((id, i) => rightIndex.set(id, i));
    const inLeft = new Set(leftIds);
    const select = (item: unknown): ItemSelector => {
      const values: Record<string, string | number | boolean> = {};
      for (const k of keys) {
        const v = (item as JsonObject)[k];
        values[k] = isSelectorValue(v) ? v : String(v);
      }
      return { keys: values };
    };
    for (let i = 0; i < left.length; i++) {
      const j = rightIndex.get(leftIds[i]!);
      this.path.push(select(left[i]));
      if (j === undefined) this.emit('removed', left[i], undefined);
      else this.value(left[i], right[j], right, j);
      this.path.pop();
    }
    for (let j = 0; j < right.length; j++) {
      if (inLeft.has(rightIds[j]!)) continue;
      this.path.push(select(right[j]));
      this.emit('added', undefined, right[j]);
      this.path.pop();
    }
  }
}

/** Canonical sets are sorted: equal sets are equal lists. */
function sameSet(left: readonly unknown[], right: readonly unknown[]): boolean {
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) if (JSON.stringify(left[i]) !== JSON.stringify(right[i])) return false;
  return true;
}
