/** Walk the field shapes of a definition (generated/k8s/shapes.json) along a path. */
import type { FieldPath } from '../../diagnostics.js';
import { shapeTable, type Shape } from './generated.js';

/** The fields of a definition, or `undefined` when it has none (a plain value) or is unknown. */
export function fieldsOf(definition: string): Readonly<Record<string, Shape>> | undefined {
  const table = shapeTable();
  return Object.hasOwn(table, definition) ? table[definition] : undefined;
}

/**
 * The shape at `path` below a definition: indices (numbers) step into list items, strings into fields or
 * map values. With `implicitItems`, a field name met at a list steps into its items first, so paths can
 * name fields only (`['spec', 'containers', 'ports']`). `undefined` when the path leaves the schema.
 */
export function shapeAt(definition: string, path: FieldPath, implicitItems = false): Shape | undefined {
  let shape: Shape = definition;
  for (const segment of path) {
    if (implicitItems && typeof segment === 'string' && typeof shape === 'object' && 'a' in shape) shape = shape.a;
    const next = step(shape, segment);
    if (next === undefined) return undefined;
    shape = next;
  }
  return shape;
}

function step(shape: Shape, segment: string | number): Shape | undefined {
  if (typeof shape === 'string') {
    if (typeof segment !== 'string') return undefined;
    const fields = fieldsOf(shape);
    return fields && Object.hasOwn(fields, segment) ? fields[segment] : undefined;
  }
  if (shape === 0) return undefined;
  if ('a' in shape) return typeof segment === 'number' ? shape.a : undefined;
  return typeof segment === 'string' ? shape.m : undefined;
}
