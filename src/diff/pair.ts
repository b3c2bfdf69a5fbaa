/**
 * Pair the objects of two sides by identity: API group, kind, namespace (after defaulting) and name. The
 * version is not part of it (`apps/v1beta2` → `apps/v1` is a change of one object). One map lookup per
 * object: no all-pairs comparison.
 */
import type { Diagnostic, DiagnosticSink } from '../diagnostics.js';
import type { DiffObject } from './objects.js';

export interface ObjectPair {
  left?: DiffObject;
  right?: DiffObject;
}

export type Side = 'left' | 'right';

/** The identity of an object as one string. */
export function identityKey(object: DiffObject): string {
  return `${object.group}\u0000${object.kind}\u0000${object.namespace ?? ''}\u0000${object.name}`;
}

/** `Kind namespace/name`, or `Kind name` without a namespace. */
export function identityLabel(object: DiffObject): string {
  return object.namespace !== undefined ? `${object.kind} ${object.namespace}/${object.name}` : `${object.kind} ${object.name}`;
}

function index(objects: readonly DiffObject[], side: Side, report: DiagnosticSink): Map<string, DiffObject> {
  const byKey = new Map<string, DiffObject>();
  for (const object of objects) {
    const key = identityKey(object);
    const earlier = byKey.get(key);
    if (earlier) report(duplicate(earlier, object, side));
    // As `kubectl apply` of the whole set would leave it: the later definition wins.
    byKey.set(key, object);
  }
  return byKey;
}

function duplicate(earlier: DiffObject, later: DiffObject, side: Side): Diagnostic {
  const at = later.source ?? { file: `<${side}>` };
  const d: Diagnostic = {
    code: 'diff/duplicate-object',
    severity: 'warning',
    message: `${identityLabel(later)} is defined twice on the ${side} side; the later definition is compared`,
    file: at.file,
    line: at.line ?? 1,
    column: at.column ?? 1,
    object: later.namespace !== undefined
      ? { apiVersion: later.apiVersion, kind: later.kind, name: later.name, namespace: later.namespace }
      : { apiVersion: later.apiVersion, kind: later.kind, name: later.name },
  };
  if (earlier.source) d.related = [{ message: 'first defined here', file: earlier.source.file, line: earlier.source.line ?? 1, column: earlier.source.column ?? 1 }];
  return d;
}

/**
 * Every object of either side, once, with its counterpart when the other side has one. Objects of one
 * identity defined twice on a side are reported through `report`; the later one is used.
 */
export function pairObjects(left: readonly DiffObject[], right: readonly DiffObject[], report: DiagnosticSink): ObjectPair[] {
  const leftByKey = index(left, 'left', report);
  const rightByKey = index(right, 'right', report);
  const pairs: ObjectPair[] = [];
  for (const [key, l] of leftByKey) {
    const r = rightByKey.get(key);
    pairs.push(r ? { left: l, right: r } : { left: l });
  }
  for (const [key, r] of rightByKey) if (!leftByKey.has(key)) pairs.push({ right: r });
  return pairs;
}
