/**
 * diff/: two sets of Kubernetes objects → per object added, removed, changed or unchanged, with the changed
 * fields. Pure: objects come in (read by src/cli/ or produced by a conversion), results go out for the
 * renderers (render/). Secret values are masked here, before any renderer sees them, unless `showSecrets`.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { JsonObject } from '../k8s/object.js';
import { compareObjects, type FieldChange } from './changes.js';
import { holdsSecretValues, maskChanges, maskForDisplay, maskObject } from './mask.js';
import { maskSettingChanges, maskSettingsForDisplay, maskSettingsOfObject } from './mask-settings.js';
import { normalizeObject } from './normalize.js';
import type { DiffObject, ObjectSource } from './objects.js';
import { identityLabel, pairObjects, type ObjectPair } from './pair.js';

export type { DiffObject, ObjectSource } from './objects.js';
export { diffObjectsOfManifests, diffObjectsOfValues } from './objects.js';
export type { FieldChange, ChangeOp } from './changes.js';
export { formatChangePath, type ChangePath, type ItemSelector } from './field-path.js';

export type ObjectStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffOptions {
  /**
   * Show Secret `data`/`stringData` values, and the values of environment variables and ConfigMap keys named
   * like secrets (mask-settings.ts), instead of masks.
   */
  showSecrets?: boolean;
}

/** One side of an object in the result: its version and where it came from. */
export interface ObjectSide {
  apiVersion: string;
  source?: ObjectSource;
  /** The canonical form as renderers show it (Secret values masked); absent for unchanged objects. */
  canonical?: JsonObject;
}

export interface ObjectDiff {
  status: ObjectStatus;
  group: string;
  kind: string;
  namespace?: string;
  name: string;
  /** `Kind namespace/name` (`Kind.group namespace/name` when two groups share the kind and name). */
  label: string;
  left?: ObjectSide;
  right?: ObjectSide;
  /**
   * What changed: for `changed`, each field; for `added`/`removed`, one change at path `[]` holding the
   * whole canonical object; empty for `unchanged`.
   */
  changes: FieldChange[];
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export interface DiffResult {
  /** Sorted by kind, namespace, name, group. */
  objects: ObjectDiff[];
  counts: DiffCounts;
  /** Duplicate objects on a side, values nested too deeply. */
  diagnostics: Diagnostic[];
}

/** Compare two sets of objects. Never throws on bad input. */
export function diffManifests(left: readonly DiffObject[], right: readonly DiffObject[], options: DiffOptions = {}): DiffResult {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  const counts: DiffCounts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const objects: ObjectDiff[] = [];
  for (const pair of pairObjects(left, right, report)) {
    const diff = diffPair(pair, options, report);
    counts[diff.status]++;
    objects.push(diff);
  }
  objects.sort(compareObjectDiffs);
  labelAmbiguous(objects);
  return { objects, counts, diagnostics };
}

function side(object: DiffObject, canonical: JsonObject | undefined): ObjectSide {
  const out: ObjectSide = { apiVersion: object.apiVersion };
  if (object.source) out.source = object.source;
  if (canonical) out.canonical = canonical;
  return out;
}

function diffPair(pair: ObjectPair, options: DiffOptions, report: (d: Diagnostic) => void): ObjectDiff {
  const any = (pair.left ?? pair.right)!;
  const mask = !options.showSecrets && holdsSecretValues(any.kind);
  const base = { group: any.group, kind: any.kind, name: any.name, label: identityLabel(any) };
  const withNamespace = <T extends object>(o: T): T => (any.namespace !== undefined ? { ...o, namespace: any.namespace } : o);
  const left = pair.left && normalizeObject(pair.left, report);
  const right = pair.right && normalizeObject(pair.right, report);
  const settings = !options.showSecrets && !holdsSecretValues(any.kind);
  if (!left || !right) {
    const object = (left ?? right)!;
    const shown = mask ? maskObject(object) : settings ? maskSettingsOfObject(object, any.kind) : object;
    const change: FieldChange = left ? { op: 'removed', path: [], old: shown } : { op: 'added', path: [], new: shown };
    if (mask || shown !== object) change.masked = true;
    const status: ObjectStatus = left ? 'removed' : 'added';
    return withNamespace({
      status,
      ...base,
      ...(left ? { left: side(pair.left!, shown) } : { right: side(pair.right!, shown) }),
      changes: [change],
    });
  }
  const changes = compareObjects(left, right);
  if (changes.length === 0) {
    return withNamespace({ status: 'unchanged' as const, ...base, left: side(pair.left!, undefined), right: side(pair.right!, undefined), changes });
  }
  const display = mask ? maskForDisplay(left, right, changes) : settings ? maskSettingsForDisplay(left, right, any.kind, changes) : { left, right };
  return withNamespace({
    status: 'changed' as const,
    ...base,
    left: side(pair.left!, display.left),
    right: side(pair.right!, display.right),
    changes: mask ? maskChanges(changes) : settings ? maskSettingChanges(changes, any.kind) : changes,
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareObjectDiffs(a: ObjectDiff, b: ObjectDiff): number {
  return compareText(a.kind, b.kind) || compareText(a.namespace ?? '', b.namespace ?? '') || compareText(a.name, b.name) || compareText(a.group, b.group);
}

/** Where two groups share a kind and a name (`extensions` and `networking.k8s.io` Ingress), name the group. */
function labelAmbiguous(objects: ObjectDiff[]): void {
  const byLabel = new Map<string, ObjectDiff[]>();
  for (const o of objects) {
    const list = byLabel.get(o.label);
    if (list) list.push(o);
    else byLabel.set(o.label, [o]);
  }
  for (const list of byLabel.values()) {
    if (list.length < 2) continue;
    for (const o of list) {
      const kind = o.group === '' ? `${o.kind}.core` : `${o.kind}.${o.group}`;
      o.label = o.namespace !== undefined ? `${kind} ${o.namespace}/${o.name}` : `${kind} ${o.name}`;
    }
  }
}
