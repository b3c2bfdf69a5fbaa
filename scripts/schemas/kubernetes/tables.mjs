// Run-time tables derived from the vendored definitions: which apiVersion/kind maps to which definition
// (and its scope), and the field shapes used for list-map keys and "did you mean" suggestions.

const DEFINITION_PREFIX = '#/definitions/';

/**
 * `{ [apiVersion]: { [kind]: [definition, scope] } }`; scope is 'Namespaced', 'Cluster' or '' when the
 * bundle does not say.
 */
export function resourceTable(resources) {
  const table = {};
  for (const { apiVersion, kind, definition, scope } of resources) {
    table[apiVersion] ??= {};
    table[apiVersion][kind] = [definition, scope ?? ''];
  }
  return table;
}

/**
 * Shapes: `{ [definition]: { [field]: Node } }` where a Node is
 * - a definition name (an object of that definition),
 * - `0` (a scalar, or a value of any shape),
 * - `{ m: Node }` (a map whose values are Nodes),
 * - `{ a: Node, l: 'map' | 'set' | 'atomic', k?: string[] }` (a list, how its items are identified, and the keys
 *   of a map list).
 * Definitions without fields (Time, Quantity, RawExtension, …) are not listed; references to them are `0`.
 */
export function shapeTable(definitions) {
  const hasFields = (name) => Boolean(definitions[name]?.properties);
  const node = (schema) => {
    if (schema.$ref) {
      const name = schema.$ref.slice(DEFINITION_PREFIX.length);
      return hasFields(name) ? name : 0;
    }
    if (schema.type === 'array' && schema.items) return { a: node(schema.items), ...listSemantics(schema) };
    if (typeof schema.additionalProperties === 'object') {
      const values = node(schema.additionalProperties);
      return values === 0 ? { m: 0 } : { m: values };
    }
    if (schema.properties) throw new Error('inline object schemas are not expected in Kubernetes definitions');
    return 0;
  };
  const table = {};
  for (const [name, definition] of Object.entries(definitions)) {
    if (!definition.properties) continue;
    const fields = {};
    for (const [field, schema] of Object.entries(definition.properties)) fields[field] = node(schema);
    table[name] = fields;
  }
  return table;
}

/**
 * How a list's items are identified, as server-side apply and strategic merge patch see it:
 * `x-kubernetes-list-type` with `x-kubernetes-list-map-keys`; older definitions only give
 * `x-kubernetes-patch-strategy: merge` with `x-kubernetes-patch-merge-key`. A list that says nothing is atomic.
 */
export function listSemantics(schema) {
  const type = schema['x-kubernetes-list-type'];
  const mapKeys = schema['x-kubernetes-list-map-keys'];
  const mergeKey = schema['x-kubernetes-patch-merge-key'];
  const merges = String(schema['x-kubernetes-patch-strategy'] ?? '').split(',').includes('merge');
  if (type === 'map') {
    const keys = mapKeys ?? (mergeKey ? [mergeKey] : undefined);
    if (!keys) throw new Error('x-kubernetes-list-type: map without keys');
    return { l: 'map', k: keys };
  }
  if (type === 'set' || type === 'atomic') return { l: type };
  if (merges && mergeKey) return { l: 'map', k: [mergeKey] };
  if (merges) return { l: 'set' };
  return { l: 'atomic' };
}
