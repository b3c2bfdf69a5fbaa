/** How the items of a list field are identified, for pairing list items in a semantic diff. */
import { shapeAt } from './shapes.js';
import { resourceOf } from './resources.js';

export type ListSemantics = { type: 'map'; keys: string[] } | { type: 'set' | 'atomic' };

/**
 * From `x-kubernetes-list-type` / `x-kubernetes-list-map-keys` (or, in older definitions,
 * `x-kubernetes-patch-strategy: merge` with `x-kubernetes-patch-merge-key`): `map` lists pair items by their
 * keys (containers by `name`, container ports by `containerPort` + `protocol`), `set` lists by value, and
 * `atomic` lists (including lists that declare nothing, such as tolerations) are compared whole.
 * `path` holds field names only (`['spec', 'template', 'spec', 'containers', 'ports']`); `undefined` when
 * the kind is not built in or the path does not name a list.
 */
export function listMapKeys(apiVersion: string, kind: string, path: readonly string[]): ListSemantics | undefined {
  const definition = resourceOf(apiVersion, kind)?.[0];
  if (definition === undefined) return undefined;
  const shape = shapeAt(definition, path, true);
  if (typeof shape !== 'object' || !('a' in shape)) return undefined;
  return shape.l === 'map' ? { type: 'map', keys: [...(shape.k ?? [])] } : { type: shape.l };
}
