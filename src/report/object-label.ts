import type { ObjectRef } from '../diagnostics.js';

/** `Kind namespace/name`, or `Kind name` for an object without a namespace (cluster-scoped, Compose). */
export function objectLabel(object: ObjectRef): string {
  return object.namespace ? `${object.kind} ${object.namespace}/${object.name}` : `${object.kind} ${object.name}`;
}
