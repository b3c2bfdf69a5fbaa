// Vendor the Kubernetes API definitions: from the shared OpenAPI bundle, keep the definitions that
// built-in kinds reach, with only the keywords validation and list semantics need (no prose).
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Keywords kept from the OpenAPI definitions; everything else (descriptions, GVK lists, unions) is prose or unused. */
const KEPT = new Set([
  'type',
  'format',
  'properties',
  'required',
  'items',
  'additionalProperties',
  '$ref',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
]);

const DEFINITION_PREFIX = '#/definitions/';

/** Keep the kept keywords of a schema node; property names are data, not keywords. */
export function stripSchema(node) {
  if (Array.isArray(node)) return node.map(stripSchema);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, stripSchema(schema)]));
    } else {
      out[key] = stripSchema(value);
    }
  }
  return out;
}

/** Names of the definitions a schema node refers to (through properties, items, additionalProperties). */
export function referencesOf(node, into = []) {
  if (!node || typeof node !== 'object') return into;
  if (typeof node.$ref === 'string') into.push(node.$ref.slice(DEFINITION_PREFIX.length));
  for (const schema of Object.values(node.properties ?? {})) referencesOf(schema, into);
  if (node.items) referencesOf(node.items, into);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') referencesOf(node.additionalProperties, into);
  return into;
}

/**
 * @param {string} bundlePath  the gzipped kustomize OpenAPI union bundle
 * @param {string} outFile     schemas/kubernetes/api-definitions.json
 */
export function vendor(bundlePath, outFile) {
  const bundle = JSON.parse(gunzipSync(readFileSync(bundlePath)).toString('utf8'));
  // apimachinery kinds (Status, DeleteOptions, WatchEvent, APIGroup, …) are API plumbing, not manifests.
  const resources = bundle.resources
    .filter((r) => typeof r.definition === 'string' && !r.definition.startsWith('io.k8s.apimachinery.'))
    .map(({ apiVersion, kind, definition, scope }) => (scope ? { apiVersion, kind, definition, scope } : { apiVersion, kind, definition }))
    .sort((a, b) => (a.apiVersion + ' ' + a.kind < b.apiVersion + ' ' + b.kind ? -1 : 1));
  const reached = new Set();
  const pending = resources.map((r) => r.definition);
  while (pending.length > 0) {
    const name = pending.pop();
    if (reached.has(name)) continue;
    const definition = bundle.definitions[name];
    if (!definition) throw new Error(`definition ${name} is referenced but missing from the bundle`);
    reached.add(name);
    referencesOf(definition, pending);
  }
  const lines = [...reached].sort().map((name) => `    ${JSON.stringify(name)}: ${JSON.stringify(stripSchema(bundle.definitions[name]))}`);
  const header = {
    source: 'kubernetes-sigs/kustomize kyaml/openapi/kubernetesapi/data/kubernetes-openapi-union.bundle-v1.json.gz @e2e0526',
    coverage: bundle.coverage,
    kubernetes: bundle.sources.map((s) => `${s.kubernetesVersion}@${s.gitCommit.slice(0, 12)}`),
  };
  const text = [
    '{',
    `  "about": ${JSON.stringify(header)},`,
    '  "resources": [',
    resources.map((r) => `    ${JSON.stringify(r)}`).join(',\n'),
    '  ],',
    '  "definitions": {',
    lines.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
  writeFileSync(outFile, text);
  return { resources: resources.length, definitions: reached.size, bytes: text.length };
}
