/** Turn ajv errors of a compiled Kubernetes validator into violations with a field path and plain words. */
import type { ErrorObject } from 'ajv';
import { formatFieldPath, type FieldPath } from '../../diagnostics.js';
import { closestName } from '../../text/edit-distance.js';
import { fieldsOf, shapeAt } from './shapes.js';

export interface SchemaViolation {
  path: FieldPath;
  /** Point at the key (an unknown field) rather than the value. */
  key?: boolean;
  /**
   * What failed: `unknown-field`, `type`, `required`, `int-or-string`, `int32`, `int64` (out of the range of the
   * field's integer type), `quantity`, `base64`, `apiVersion`, `kind`
   * (or another JSON Schema keyword).
   */
  keyword: string;
  /** Plain words naming the field and what was expected. */
  message: string;
}

export interface ViolationContext {
  object: Readonly<Record<string, unknown>>;
  kind: string;
  /** The definition the object was validated against, for field-name suggestions. */
  definition: string;
}

export function violationsOf(errors: readonly ErrorObject[], context: ViolationContext): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const violation = violationOf(error, context);
    const id = `${violation.keyword}\n${violation.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(violation);
  }
  return out;
}

function violationOf(error: ErrorObject, context: ViolationContext): SchemaViolation {
  const { path, value } = resolvePointer(error.instancePath, context.object);
  // A Secret's values are never quoted in a message, whatever their shape (`stringData: |` is a string).
  if (context.kind === 'Secret' && (path[0] === 'data' || path[0] === 'stringData') && error.keyword === 'type') {
    const where = formatFieldPath(path);
    return { path, keyword: 'type', message: `${where} must be ${EXPECTED[String((error.params as { type?: unknown }).type)] ?? 'another type'}, not ${shapeOf(value)} (a Secret value: not shown)` };
  }
  const where = path.length === 0 ? 'the object' : formatFieldPath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'k8sClosed': {
      const field = String(params.additionalProperty);
      const known = fieldsAt(context.definition, path);
      const suggestion = known ? closestName(field, known) : undefined;
      const place = path.length === 0 ? 'at the top level' : `in ${where}`;
      // `$patch`, `$retainKeys`, `$setElementOrder/…`: directives of a strategic merge patch, not of a manifest.
      const note = suggestion ? ` (did you mean '${suggestion}'?)` : field.startsWith('$') ? ' (a patch directive: this is a patch, not a manifest)' : '';
      return { path: [...path, field], key: true, keyword: 'unknown-field', message: `unknown field '${field}' ${place}${note}` };
    }
    case 'k8sRequired': {
      const field = String(params.missingProperty);
      return {
        path,
        ...(typeof path[path.length - 1] === 'string' ? { key: true } : {}),
        keyword: 'required',
        message: path.length === 0 ? `missing required field '${field}'` : `missing required field '${field}' in ${where}`,
      };
    }
    case 'type':
      return { path, keyword: 'type', message: typeMessage(where, String(params.type), value) };
    case 'k8sIntOrString':
      return {
        path,
        keyword: 'int-or-string',
        message:
          typeof value === 'number' && Number.isInteger(value)
            ? `${where} must be a string or an integer from ${INT_RANGES.int32}, not ${numberText(value)}`
            : `${where} must be an integer or a string, not ${describe(value)}`,
      };
    case 'k8sInt32':
    case 'k8sInt64': {
      const format = error.keyword === 'k8sInt32' ? 'int32' : 'int64';
      return { path, keyword: format, message: `${where} must be an integer from ${INT_RANGES[format]} (${format}), not ${numberText(value)}` };
    }
    case 'k8sQuantity':
      return { path, keyword: 'quantity', message: quantityMessage(where, value) };
    case 'k8sBase64': {
      const secretData = context.kind === 'Secret' && path[0] === 'data';
      return {
        path,
        keyword: 'base64',
        message: `${where} must be base64-encoded${secretData ? ' (plain text goes under stringData)' : ''}`,
      };
    }
    default:
      return { path, keyword: error.keyword, message: `${where} does not satisfy '${error.keyword}'` };
  }
}

/** A JSON pointer as a field path: segments that index a list become numbers. */
function resolvePointer(pointer: string, object: unknown): { path: (string | number)[]; value: unknown } {
  const path: (string | number)[] = [];
  let value: unknown = object;
  if (pointer === '') return { path, value };
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { path, value };
}

function fieldsAt(definition: string, path: FieldPath): string[] | undefined {
  const shape = shapeAt(definition, path);
  if (typeof shape !== 'string') return undefined;
  const fields = fieldsOf(shape);
  return fields ? Object.keys(fields) : undefined;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'a list',
};

function typeMessage(where: string, expected: string, value: unknown): string {
  const base = `${where} must be ${EXPECTED[expected] ?? expected}, not ${describe(value)}`;
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return `${base}: put the value in quotes`;
  if (typeof value === 'string' && value.length <= 40) return `${base} (${JSON.stringify(value)})`;
  return base;
}

/** The ranges of the compiled `k8sInt32` / `k8sInt64` keywords (scripts/schemas/kubernetes/strict.mjs), as shown. */
const INT_RANGES = {
  int32: '-2147483648 to 2147483647',
  int64: '-9223372036854775808 to 9223372036854775807',
} as const;

/** A number as written, or in exponent form when it is beyond the integers a double holds exactly. */
function numberText(value: unknown): string {
  if (typeof value !== 'number') return describe(value);
  if (!Number.isFinite(value)) return 'a number too large to represent';
  return Number.isSafeInteger(value) ? String(value) : value.toExponential();
}

/** What a value is, without any of its content. */
function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : `a number with a fraction (${value})`;
    case 'boolean':
      return `a boolean (${value})`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** `1GB`, `512mb`: a decimal unit with a `B` that Kubernetes does not accept; `Gi`/`Mi` is what was meant. */
const BYTE_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([kKmMgGtTpPeE])i?[bB]$/;

function quantityMessage(where: string, value: unknown): string {
  const shown = typeof value === 'string' ? `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'` : describe(value);
  const base = `${where} must be a quantity such as 500m, 128Mi or 2, not ${shown}`;
  const m = typeof value === 'string' ? BYTE_UNIT.exec(value.trim()) : null;
  return m ? `${base} (did you mean '${m[1]}${m[2]!.toUpperCase()}i'?)` : base;
}
