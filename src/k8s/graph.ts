/**
 * The object graph of one lint run: every object, indexed once by kind, by identity and (for pod
 * templates) by label, so cross-object rules do lookups instead of scanning all pairs.
 */
import type { ObjectGraph } from '../lint/rule.js';
import { podTemplatesOf, type ManifestObject, type PodTemplate } from './object.js';

const NO_NAMESPACE = '\u0000cluster';
const SEP = '\u0000';

function nsKey(namespace: string | undefined): string {
  return namespace ?? NO_NAMESPACE;
}

class IndexedGraph implements ObjectGraph {
  private readonly byKind = new Map<string, ManifestObject[]>();
  private readonly byIdentity = new Map<string, ManifestObject[]>();
  private readonly templatesByNamespace = new Map<string, PodTemplate[]>();
  /** namespace → `key=value` → templates having that label. */
  private readonly labelIndex = new Map<string, Map<string, PodTemplate[]>>();
  private readonly templatesOf = new Map<ManifestObject, readonly PodTemplate[]>();

  constructor(readonly objects: readonly ManifestObject[]) {
    for (const o of objects) {
      push(this.byKind, o.kind, o);
      push(this.byIdentity, identityKey(o.kind, o.namespace, o.name), o);
      const templates = podTemplatesOf(o);
      this.templatesOf.set(o, templates);
      if (templates.length === 0 || o.namespace === undefined) continue;
      const ns = nsKey(o.namespace);
      let labels = this.labelIndex.get(ns);
      if (!labels) this.labelIndex.set(ns, (labels = new Map()));
      for (const t of templates) {
        push(this.templatesByNamespace, ns, t);
        for (const [k, v] of Object.entries(t.labels)) push(labels, labelKey(k, v), t);
      }
    }
  }

  ofKind(kind: string): readonly ManifestObject[] {
    return this.byKind.get(kind) ?? [];
  }

  hasKind(kind: string): boolean {
    return this.byKind.has(kind);
  }

  find(query: { kind: string; name: string; namespace?: string; group?: string }): ManifestObject | undefined {
    const found = this.byIdentity.get(identityKey(query.kind, query.namespace, query.name));
    if (!found) return undefined;
    return query.group === undefined ? found[0] : found.find((o) => o.group === query.group);
  }

  podTemplates(namespace: string | undefined): readonly PodTemplate[] {
    return this.templatesByNamespace.get(nsKey(namespace)) ?? [];
  }

  /** Pod templates of one object (cached: computed once per run). */
  podTemplatesOf(object: ManifestObject): readonly PodTemplate[] {
    return this.templatesOf.get(object) ?? podTemplatesOf(object);
  }

  podTemplatesMatching(namespace: string | undefined, selector: Readonly<Record<string, string>>): readonly PodTemplate[] {
    const pairs = Object.entries(selector);
    if (pairs.length === 0) return this.podTemplates(namespace);
    const labels = this.labelIndex.get(nsKey(namespace));
    if (!labels) return [];
    // Start from the rarest pair, then check the others on that short list.
    let smallest: PodTemplate[] | undefined;
    for (const [k, v] of pairs) {
      const list = labels.get(labelKey(k, v));
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return smallest!.filter((t) => pairs.every(([k, v]) => t.labels[k] === v));
  }
}

function identityKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}${SEP}${nsKey(namespace)}${SEP}${name}`;
}

function labelKey(key: string, value: string): string {
  return `${key}=${value}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type IndexedObjectGraph = ObjectGraph & { podTemplatesOf(object: ManifestObject): readonly PodTemplate[] };

/** Build the indexes over every object of a run (linear in the number of objects and labels). */
export function buildObjectGraph(objects: readonly ManifestObject[]): IndexedObjectGraph {
  return new IndexedGraph(objects);
}
