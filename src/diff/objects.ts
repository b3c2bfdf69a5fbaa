/**
 * The objects a diff compares, whatever side they come from: manifests read from files (D1's loader, with
 * namespaces defaulted) or objects a conversion produced in memory.
 */
import type { Position } from '../diagnostics.js';
import { fallbackScope } from '../k8s/kinds.js';
import { groupOf, isObject, type JsonObject, type ManifestObject } from '../k8s/object.js';
import { resourceScope } from '../k8s/schema/index.js';

/** Where an object came from, for headers and diagnostics: a file and, when known, its line. */
export interface ObjectSource {
  file: string;
  line?: number;
  column?: number;
}

export interface DiffObject {
  value: JsonObject;
  apiVersion: string;
  /** API group: `''` for the core group. */
  group: string;
  kind: string;
  name: string;
  /** The effective namespace (after defaulting); undefined for cluster-scoped kinds. */
  namespace?: string;
  source?: ObjectSource;
}

/**
 * Kustomize's own files (`kustomization.yaml`: `kustomize.config.k8s.io` Kustomization and Component) sit
 * next to manifests, and `convert -o` writes one, but they are not objects of the cluster: a diff leaves
 * them out.
 */
export function isKustomizeConfiguration(group: string): boolean {
  return group === 'kustomize.config.k8s.io';
}

/** A manifest read by the loader, as a diff object. */
export function diffObjectOfManifest(object: ManifestObject): DiffObject {
  const at: Position = object.base.length === 0 ? object.doc.start : object.doc.locate(object.base);
  const out: DiffObject = {
    value: object.value,
    apiVersion: object.apiVersion,
    group: object.group,
    kind: object.kind,
    name: object.name,
    source: { file: at.file, line: at.line, column: at.column },
  };
  if (object.namespace !== undefined) out.namespace = object.namespace;
  return out;
}

/** Manifests as diff objects, Kustomize configuration left out. */
export function diffObjectsOfManifests(objects: readonly ManifestObject[]): DiffObject[] {
  const out: DiffObject[] = [];
  for (const o of objects) if (!isKustomizeConfiguration(o.group)) out.push(diffObjectOfManifest(o));
  return out;
}

export interface ValueOptions {
  /** Namespace of namespaced objects that give none. */
  defaultNamespace: string;
  /** Shown as the source of every object (`compose.yaml`). */
  sourceFile?: string;
}

/**
 * Objects held in memory (a conversion's output) as diff objects: namespaces defaulted by the kind's scope
 * as the loader does for files. Values without a string apiVersion and kind are skipped.
 */
export function diffObjectsOfValues(values: readonly JsonObject[], options: ValueOptions): DiffObject[] {
  const out: DiffObject[] = [];
  for (const value of values) {
    const { apiVersion, kind } = value;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') continue;
    const group = groupOf(apiVersion);
    if (isKustomizeConfiguration(group)) continue;
    const metadata = isObject(value.metadata) ? value.metadata : {};
    const name = typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? metadata.generateName : '';
    const scope = resourceScope(apiVersion, kind) ?? fallbackScope(apiVersion, kind);
    const given = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
    const object: DiffObject = { value, apiVersion, group, kind, name };
    if (scope !== 'Cluster') object.namespace = given ?? options.defaultNamespace;
    if (options.sourceFile !== undefined) object.source = { file: options.sourceFile };
    out.push(object);
  }
  return out;
}
