/**
 * The generated Kubernetes tables and validators (scripts/schemas/kubernetes.mjs → generated/k8s/), each
 * loaded on first use and kept: importing this module loads nothing.
 */
import type { ErrorObject } from 'ajv';
import { loadGenerated } from '../../generated.js';

/** `[definition, scope]`; scope is '' where the bundle does not say. */
export type ResourceEntry = readonly [definition: string, scope: 'Namespaced' | 'Cluster' | ''];
export type ResourceTable = Readonly<Record<string, Readonly<Record<string, ResourceEntry>>>>;

/** How a list's items are identified. */
export type ListType = 'map' | 'set' | 'atomic';
/** A field's shape: a definition name, `0` for a value without fields, a list, or a map. */
export type Shape = string | 0 | { readonly a: Shape; readonly l: ListType; readonly k?: readonly string[] } | { readonly m: Shape };
export type ShapeTable = Readonly<Record<string, Readonly<Record<string, Shape>>>>;

/** A compiled validator (standalone ajv): `errors` is set after a failed call. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

interface Linker {
  resolve(definition: string): CompiledValidator | undefined;
}

let resources: ResourceTable | undefined;
let shapes: ShapeTable | undefined;
let linker: Linker | undefined;

export function resourceTable(): ResourceTable {
  return (resources ??= loadGenerated<ResourceTable>('k8s/resources.json'));
}

export function shapeTable(): ShapeTable {
  return (shapes ??= loadGenerated<ShapeTable>('k8s/shapes.json'));
}

/** The validator of a definition; its module (and the modules it refers to) load on first use. */
export function validatorOf(definition: string): CompiledValidator | undefined {
  linker ??= loadGenerated<Linker>('k8s/link.cjs');
  return linker.resolve(definition);
}
