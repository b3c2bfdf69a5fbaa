/** Test builders: diff objects from plain values or YAML text, as the CLI would read them. */
import { objectsOfFiles } from '../../src/diff/manifest-side.js';
import { diffObjectsOfValues, type DiffObject } from '../../src/diff/objects.js';
import type { JsonObject } from '../../src/k8s/object.js';

/** Objects from values, namespaces defaulted to `default`. */
export function objects(...values: JsonObject[]): DiffObject[] {
  return diffObjectsOfValues(values, { defaultNamespace: 'default', sourceFile: 'test.yaml' });
}

export function object(value: JsonObject): DiffObject {
  const [o] = objects(value);
  if (!o) throw new Error('not an object');
  return o;
}

/** Objects of one YAML stream. */
export function yamlObjects(text: string, file = 'test.yaml'): DiffObject[] {
  return objectsOfFiles([{ path: file, text }], { defaultNamespace: 'default' }).objects;
}

export function deployment(containers: unknown[], extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'shop' },
    spec: { selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers } } },
    ...extra,
  };
}
