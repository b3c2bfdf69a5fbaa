/**
 * A Kubernetes object read from a manifest, with what every stage needs to know about it, and the
 * generic accessors for pod templates and containers (so CRD workloads are seen too).
 */
import type { FieldPath, ObjectRef } from '../diagnostics.js';
import type { ParsedDocument } from '../source/documents.js';

export type JsonObject = Record<string, unknown>;

export interface ManifestObject {
  /** The document the object came from (for positions: `doc.locate([...base, ...path])`). */
  doc: ParsedDocument;
  /** Path of the object inside its document: `[]`, or `['items', i]` for a member of a `List`. */
  base: FieldPath;
  value: JsonObject;
  apiVersion: string;
  /** API group: `''` for the core group (`v1`), `apps` for `apps/v1`. */
  group: string;
  kind: string;
  name: string;
  /** The effective namespace (after defaulting); undefined for cluster-scoped kinds. */
  namespace?: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  ref: ObjectRef;
}

/** A pod template found inside an object (or a bare Pod, whose template is the object itself). */
export interface PodTemplate {
  owner: ManifestObject;
  /** Path from the object to the template (`['spec', 'template']`, `[]` for a Pod). */
  path: FieldPath;
  labels: Readonly<Record<string, string>>;
  /** The pod spec (`template.spec`, or the Pod's `spec`); `{}` when absent. */
  spec: JsonObject;
  /** Path from the object to the pod spec. */
  specPath: FieldPath;
}

export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef {
  template: PodTemplate;
  container: JsonObject;
  kind: ContainerKind;
  /** Path from the object to the container. */
  path: FieldPath;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** String values of a string map (labels, annotations, selectors); non-string values are ignored. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** `apps/v1` → `apps`; `v1` → `''`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/**
 * Pod templates of an object, found by shape rather than by kind: `spec.template` (Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, Job, ReplicationController, Argo Rollout, …), `spec.jobTemplate.spec.template`
 * (CronJob), `template` (PodTemplate), or the object itself for a Pod.
 */
export function podTemplatesOf(object: ManifestObject): readonly PodTemplate[] {
  // Computed once per object: a dozen rules ask for the templates (and containers) of every object.
  let templates = templateCache.get(object);
  if (!templates) templateCache.set(object, (templates = findPodTemplates(object)));
  return templates;
}

const templateCache = new WeakMap<ManifestObject, readonly PodTemplate[]>();

function findPodTemplates(object: ManifestObject): PodTemplate[] {
  const v = object.value;
  if (object.kind === 'Pod') return [template(object, [], v)];
  const spec = v.spec;
  const out: PodTemplate[] = [];
  if (isObject(spec)) {
    if (isObject(spec.template) && looksLikePodTemplate(spec.template)) out.push(template(object, ['spec', 'template'], spec.template));
    const jt = spec.jobTemplate;
    if (isObject(jt) && isObject(jt.spec) && isObject(jt.spec.template)) {
      out.push(template(object, ['spec', 'jobTemplate', 'spec', 'template'], jt.spec.template));
    }
  }
  if (object.kind === 'PodTemplate' && isObject(v.template)) out.push(template(object, ['template'], v.template));
  return out;
}

function looksLikePodTemplate(t: JsonObject): boolean {
  return isObject(t.spec) ? Array.isArray(t.spec.containers) || t.spec.containers === undefined : isObject(t.metadata);
}

function template(owner: ManifestObject, path: FieldPath, t: JsonObject): PodTemplate {
  const meta = isObject(t.metadata) ? t.metadata : {};
  const spec = isObject(t.spec) ? t.spec : {};
  return { owner, path, labels: stringMap(meta.labels), spec, specPath: [...path, 'spec'] };
}

/** Every container of every pod template of an object, with its path. */
export function containersOf(object: ManifestObject, kinds: readonly ContainerKind[] = ['initContainers', 'containers']): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const t of podTemplatesOf(object)) {
    for (const kind of kinds) {
      const list = t.spec[kind];
      if (!Array.isArray(list)) continue;
      list.forEach((container, i) => {
        if (isObject(container)) out.push({ template: t, container, kind, path: [...t.specPath, kind, i] });
      });
    }
  }
  return out;
}
