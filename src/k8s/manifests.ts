/**
 * From source files to Kubernetes objects: every document of a YAML stream or JSON file, `List` kinds
 * expanded into their items, namespaces defaulted by scope. Never throws on bad input.
 */
import type { Diagnostic, FieldPath, Severity } from '../diagnostics.js';
import { parseDocuments, type ParsedDocument } from '../source/documents.js';
import type { SourceFile } from '../source/file.js';
import { fallbackScope, type Scope, type ScopeResolver } from './kinds.js';
import { groupOf, isObject, stringMap, type JsonObject, type ManifestObject } from './object.js';

/** The code of diagnostics about documents that are not Kubernetes objects (reported under the schema rule). */
export const MANIFEST_CODE = 'schema';

/** A document (or `List` item) that looks like a Kubernetes object, before namespaces are known. */
export interface RawManifest {
  doc: ParsedDocument;
  base: FieldPath;
  value: JsonObject;
  apiVersion: string;
  kind: string;
}

export interface ManifestRead {
  manifests: RawManifest[];
  diagnostics: Diagnostic[];
}

const MAX_LIST_DEPTH = 8;

/** Read every object of one file. YAML problems come back as `yaml-syntax` diagnostics. */
export function readManifests(file: SourceFile): ManifestRead {
  const stream = parseDocuments(file);
  const manifests: RawManifest[] = [];
  const diagnostics: Diagnostic[] = [...stream.diagnostics];
  for (const doc of stream.documents) collect(doc, [], doc.value, undefined, 0, manifests, diagnostics);
  return { manifests, diagnostics };
}

function collect(
  doc: ParsedDocument,
  base: FieldPath,
  value: unknown,
  inherited: { apiVersion: string; kind: string } | undefined,
  depth: number,
  out: RawManifest[],
  diagnostics: Diagnostic[],
): void {
  const what = base.length ? 'List item' : 'document';
  if (!isObject(value)) {
    if (base.length === 0) {
      // A top-level document that is not a mapping is some other YAML file (a list of tasks, a value).
      diagnostics.push(notAnObject(doc, base, 'notAManifest', `this document is not a Kubernetes manifest (it is ${describe(value)}, not a mapping with apiVersion and kind): skipped`, 'info'));
    } else {
      // Inside a List it is a broken item.
      diagnostics.push(notAnObject(doc, base, 'notAnObject', `this ${what} is not a Kubernetes object (found ${describe(value)})`, 'error'));
    }
    return;
  }
  // `apiVersion: 5`, `kind: [x]`: a broken manifest, not some other file.
  for (const key of ['apiVersion', 'kind'] as const) {
    if (value[key] === undefined || value[key] === null || typeof value[key] === 'string') continue;
    diagnostics.push(notAnObject(doc, [...base, key], 'badTypeMeta', `this ${what} is not a Kubernetes object: its ${key} is ${describe(value[key])}, not a string`, 'error'));
    return;
  }
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : inherited?.apiVersion;
  const kind = typeof value.kind === 'string' ? value.kind : inherited?.kind;
  if (kind === 'List' && value.items !== undefined && value.items !== null && !Array.isArray(value.items)) {
    // A forgotten `-`: the List's objects would otherwise be taken for one custom resource and never linted.
    diagnostics.push(notAnObject(doc, [...base, 'items'], 'badListItems', `the items of this List must be a list of objects, not ${describe(value.items)}`, 'error'));
    return;
  }
  if (kind !== undefined && /List$/.test(kind) && Array.isArray(value.items) && depth < MAX_LIST_DEPTH) {
    // `List` holds any objects; a typed list (`DeploymentList`) may leave apiVersion/kind out of its items.
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    const items = value.items;
    items.forEach((item, i) => {
      const itemDefaults = itemKind && apiVersion ? { apiVersion, kind: itemKind } : undefined;
      collect(doc, [...base, 'items', i], item, itemDefaults, depth + 1, out, diagnostics);
    });
    return;
  }
  // A strategic-merge patch (`$patch: delete`, Kustomize's patch files) is not an object to apply.
  if (typeof value.$patch === 'string') return;
  if (!apiVersion && !kind && base.length === 0) {
    // Neither apiVersion nor kind: another kind of file (package.json, values.yaml, a Compose file).
    diagnostics.push(notAnObject(doc, base, 'notAManifest', 'this document is not a Kubernetes manifest (it has no apiVersion and no kind): skipped', 'info'));
    return;
  }
  if (apiVersion === undefined || kind === undefined || apiVersion === '' || kind === '') {
    const missing = [apiVersion ? undefined : 'apiVersion', kind ? undefined : 'kind'].filter(Boolean).join(' and ');
    diagnostics.push(notAnObject(doc, base, 'missingTypeMeta', `this ${what} is not a Kubernetes object: it has no ${missing}`, 'error'));
    return;
  }
  out.push({ doc, base, value, apiVersion, kind });
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

function notAnObject(doc: ParsedDocument, base: FieldPath, messageId: string, message: string, severity: Severity): Diagnostic {
  const at = base.length === 0 ? doc.start : doc.locate(base);
  return {
    code: MANIFEST_CODE,
    messageId,
    severity,
    message,
    file: doc.file,
    line: at.line,
    column: at.column,
    hint: 'Only Kubernetes manifests can be linted: remove the document, or keep such files out of the paths given (see `ignore` in .shipshape.yaml).',
  };
}

export interface NamespaceOptions {
  /** Namespace of namespaced objects that give none. */
  defaultNamespace: string;
  /** Scope of a kind; built-in knowledge is used when it answers `undefined`. */
  scope?: ScopeResolver;
}

/**
 * Scopes declared by CustomResourceDefinitions in the input (`spec.scope` of `spec.names.kind` in
 * `spec.group`), so custom objects are defaulted correctly.
 */
export function crdScopes(manifests: readonly RawManifest[]): ScopeResolver {
  const scopes = new Map<string, Scope>();
  for (const m of manifests) {
    if (m.kind !== 'CustomResourceDefinition' || !isObject(m.value.spec)) continue;
    const { group, scope, names } = m.value.spec;
    if (typeof group !== 'string' || !isObject(names) || typeof names.kind !== 'string') continue;
    if (scope === 'Cluster' || scope === 'Namespaced') scopes.set(`${group}/${names.kind}`, scope);
  }
  return (apiVersion, kind) => scopes.get(`${groupOf(apiVersion)}/${kind}`);
}

/** Turn a raw manifest into a ManifestObject with its effective namespace. */
export function toManifestObject(raw: RawManifest, options: NamespaceOptions): ManifestObject {
  const metadata = isObject(raw.value.metadata) ? raw.value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? metadata.generateName : '';
  const scope = options.scope?.(raw.apiVersion, raw.kind) ?? fallbackScope(raw.apiVersion, raw.kind);
  const given = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
  const namespace = scope === 'Cluster' ? undefined : (given ?? options.defaultNamespace);
  return {
    doc: raw.doc,
    base: raw.base,
    value: raw.value,
    apiVersion: raw.apiVersion,
    group: groupOf(raw.apiVersion),
    kind: raw.kind,
    name,
    namespace,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    ref: namespace === undefined ? { apiVersion: raw.apiVersion, kind: raw.kind, name } : { apiVersion: raw.apiVersion, kind: raw.kind, name, namespace },
  };
}

/** Chain scope resolvers: the first that knows wins. */
export function chainScopes(...resolvers: (ScopeResolver | undefined)[]): ScopeResolver {
  return (apiVersion, kind) => {
    for (const r of resolvers) {
      const s = r?.(apiVersion, kind);
      if (s) return s;
    }
    return undefined;
  };
}
