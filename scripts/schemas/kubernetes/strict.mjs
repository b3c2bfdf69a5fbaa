// Turn vendored OpenAPI definitions into strict JSON Schemas (draft-07) for ajv, as kubeconform's strict
// mode does: unknown fields are errors; int-or-string and quantities accept what the API server accepts;
// int32 and int64 fields accept only numbers in the range of their Go type.

/** Keyword of a reference to another definition: `k8sRef` (value required) and `k8sRefOrNull` (null = absent). */
export const REF = 'k8sRef';
export const REF_OR_NULL = 'k8sRefOrNull';
/** Keywords for the two value types OpenAPI describes only in prose: an int-or-string and a resource.Quantity. */
export const INT_OR_STRING = 'k8sIntOrString';
export const QUANTITY_KEYWORD = 'k8sQuantity';
/**
 * Keyword for "no fields besides `properties`" (what `additionalProperties: false` says). ajv's own keyword
 * embeds the whole schema object in the generated code for objects with many properties; this one does not.
 */
export const CLOSED = 'k8sClosed';
/** Keyword for `required` where a field set to `null` counts as missing, as the API server decodes it. */
export const REQUIRED = 'k8sRequired';
/** Keyword for `format: byte` (base64 data such as Secret `data` values). */
export const BASE64_KEYWORD = 'k8sBase64';
/**
 * Keywords for `format: int32` / `format: int64` on integers: the range of the Go type the API server decodes
 * the field into (a number outside it is refused, as `kubectl apply` does). ajv's `format` applies to strings.
 */
export const INT32_KEYWORD = 'k8sInt32';
export const INT64_KEYWORD = 'k8sInt64';
/** The ranges, as JavaScript numbers. 2^63 - 1 is not a double: it rounds to 2^63, which is therefore accepted. */
export const INT_RANGES = {
  [INT32_KEYWORD]: { min: -(2 ** 31), max: 2 ** 31 - 1 },
  [INT64_KEYWORD]: { min: -(2 ** 63), max: 2 ** 63 },
};

/** A resource.Quantity string (the pattern CRD generators use for quantities). */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

/** Standard base64 with padding; Go's decoder skips CR and LF anywhere, so they are allowed between characters. */
const B = '[A-Za-z0-9+/][\\r\\n]*';
export const BASE64_PATTERN = `^[\\r\\n]*(?:${B}${B}${B}${B})*(?:${B}${B}(?:==|${B}=)[\\r\\n]*)?$`;

const DEFINITION_PREFIX = '#/definitions/';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** Replacement schemas for definitions whose OpenAPI form does not say what the API server accepts. */
const SPECIAL = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { [INT_OR_STRING]: true },
  [QUANTITY]: { [QUANTITY_KEYWORD]: true },
};

/**
 * A definition is inlined where it is used (no function call) when it is a plain value: no properties,
 * items or map values (Time, RawExtension, JSON, IntOrString, Quantity).
 */
function isLeaf(definition) {
  return !definition.properties && !definition.items && !definition.additionalProperties && !definition.$ref;
}

/**
 * @param {Record<string, object>} definitions  vendored definitions
 * @returns {{ schemas: Record<string, object>, leaves: Set<string> }}  strict schema per non-leaf definition
 */
export function strictSchemas(definitions) {
  const leaves = new Set(Object.keys(definitions).filter((name) => SPECIAL[name] || isLeaf(definitions[name])));
  const leafSchema = (name) => SPECIAL[name] ?? convert(definitions[name]);

  function reference(node, nullable) {
    const name = node.$ref.slice(DEFINITION_PREFIX.length);
    if (!definitions[name]) throw new Error(`unknown definition ${name}`);
    if (leaves.has(name)) {
      const schema = structuredClone(leafSchema(name));
      return nullable ? orNull(schema) : schema;
    }
    return { [nullable ? REF_OR_NULL : REF]: name };
  }

  /** A field's value: Kubernetes decodes `null` as "not set" for every optional field. */
  function field(node) {
    return node.$ref ? reference(node, true) : orNull(convert(node));
  }

  function convert(node) {
    if (node.$ref) return reference(node, false);
    const out = {};
    if (node.format === 'int-or-string' || node['x-kubernetes-int-or-string']) out[INT_OR_STRING] = true;
    else if (node.type) out.type = node.type;
    if (node.format === 'byte') out[BASE64_KEYWORD] = true;
    if (node.type === 'integer' && node.format === 'int32') out[INT32_KEYWORD] = true;
    if (node.type === 'integer' && node.format === 'int64') out[INT64_KEYWORD] = true;
    if (node.properties) {
      out.properties = {};
      for (const [name, schema] of Object.entries(node.properties)) out.properties[name] = field(schema);
    }
    if (node.required?.length) out[REQUIRED] = node.required;
    if (node.items) out.items = convert(node.items);
    if (typeof node.additionalProperties === 'object') out.additionalProperties = field(node.additionalProperties);
    else if (node.additionalProperties === true || node['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = true;
    else if (node.properties) out[CLOSED] = true;
    return out;
  }

  const schemas = {};
  for (const [name, definition] of Object.entries(definitions)) {
    if (!leaves.has(name)) schemas[name] = { $id: name, ...convert(definition) };
  }
  return { schemas, leaves };
}

/**
 * Allow `null` besides what the schema accepts. `nullable` (not a type list) keeps ajv's type errors literal,
 * so the generated code does not embed schema objects. The custom keywords accept null themselves.
 */
function orNull(schema) {
  if (schema.type === undefined) return schema;
  return { ...schema, nullable: true };
}
