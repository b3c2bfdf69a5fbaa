/**
 * Where Secret values sit in the input, so that reports never print them (code frames mask these
 * regions): every value under a Secret's `data` and `stringData`, and its last-applied-configuration
 * annotation (which repeats them). Computed per file, on demand.
 */
import { isObject, type ManifestObject } from '../k8s/object.js';

export interface SecretRegion {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function secretRegionsOf(objects: readonly ManifestObject[]): (file: string) => SecretRegion[] {
  const byFile = new Map<string, ManifestObject[]>();
  for (const o of objects) {
    if (o.kind !== 'Secret') continue;
    const list = byFile.get(o.doc.file);
    if (list) list.push(o);
    else byFile.set(o.doc.file, [o]);
  }
  const cache = new Map<string, SecretRegion[]>();
  return (file) => {
    const cached = cache.get(file);
    if (cached) return cached;
    const regions: SecretRegion[] = [];
    for (const secret of byFile.get(file) ?? []) {
      const paths: (string | number)[][] = [];
      for (const field of ['data', 'stringData']) {
        const map = secret.value[field];
        if (isObject(map)) for (const key of Object.keys(map)) paths.push([field, key]);
      }
      if (secret.annotations[LAST_APPLIED] !== undefined) paths.push(['metadata', 'annotations', LAST_APPLIED]);
      for (const path of paths) {
        const span = secret.doc.locate([...secret.base, ...path]);
        regions.push({ line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn });
      }
    }
    cache.set(file, regions);
    return regions;
  };
}
