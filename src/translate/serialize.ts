/**
 * Deterministic output: the same objects give the same bytes. Mapping keys are sorted (as kubectl prints
 * them), sequences keep their order, nothing time- or machine-dependent is added. YAML: one document per
 * object separated by `---`; JSON: one `v1` `List`.
 */
import { stringify } from 'yaml';
import type { JsonObject } from '../k8s/object.js';
import type { KubeObject } from './context.js';

/** A deep copy with every mapping's keys sorted and `undefined` values removed. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as JsonObject)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * One object as a YAML document (no `---`), ending with a newline. Scalars are quoted as YAML 1.1 needs
 * (`"yes"`, `"on"`, `"1:20"`, `"2024-01-01"`): kubectl's parser reads YAML 1.1, where those unquoted would be
 * booleans, numbers or timestamps instead of the strings a container's args or env need.
 */
export function toYamlDocument(object: KubeObject | JsonObject): string {
  return stringify(sortKeys(object), { version: '1.1', lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, singleQuote: false });
}

/** A multi-document YAML stream. Empty string for no objects. */
export function toYamlStream(objects: readonly KubeObject[]): string {
  return objects.map(toYamlDocument).join('---\n');
}

/** A `v1` `List` of the objects, pretty-printed, ending with a newline. */
export function toJsonList(objects: readonly KubeObject[]): string {
  return `${JSON.stringify(sortKeys({ apiVersion: 'v1', kind: 'List', metadata: {}, items: objects }), null, 2)}\n`;
}
