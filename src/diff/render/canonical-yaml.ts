/**
 * The canonical YAML of an object as the unified diff prints it: the canonical form's key order (sorted),
 * block style, no line folding, strings quoted only where YAML needs it. Deterministic.
 */
import { yamlModule } from '../../source/yaml-module.js';
import type { JsonObject } from '../../k8s/object.js';

export function canonicalYaml(value: JsonObject): string {
  return yamlModule().stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, sortMapEntries: false });
}
