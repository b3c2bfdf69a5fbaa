/**
 * Typed reads of located scalars. Interpolated values arrive as strings where numbers or booleans are
 * expected (`"8080"`, `"true"`): they are accepted the way docker compose casts them. A value of the wrong
 * shape is reported at its position and read as absent; nothing here throws.
 */
import { formatFieldPath } from '../../diagnostics.js';
import type { Located } from '../../source/located.js';
import { INVALID_TYPE, report, type Scope } from './context.js';

/** `a mapping`, `a list`, `a number`, … for messages. */
export function describeNode(node: Located): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'null';
  return typeof node.value === 'string' ? `the string ${JSON.stringify(node.value)}` : `${typeof node.value === 'number' ? 'the number' : 'the boolean'} ${String(node.value)}`;
}

/** The field a scope points at, for messages: `services.web.ports[0]`. */
export function fieldName(scope: Scope): string {
  return scope.path.length > 0 ? formatFieldPath(scope.path) : 'the value';
}

export function wrongType(node: Located, scope: Scope, expected: string): void {
  report(scope, node.span, {
    code: INVALID_TYPE,
    message: `${fieldName(scope)} must be ${expected}, not ${describeNode(node)}`,
  });
}

/** A string; numbers and booleans are written back as text. `null` (an empty value) is absent, silently. */
export function readString(node: Located, scope: Scope): string | undefined {
  if (node.kind !== 'scalar') {
    wrongType(node, scope, 'a string');
    return undefined;
  }
  if (node.value === null) return undefined;
  return String(node.value);
}

export interface IntegerBounds {
  min?: number;
  max?: number;
}

/** An integer, from a number or a decimal string (`"3"`). */
export function readInteger(node: Located, scope: Scope, bounds: IntegerBounds = {}): number | undefined {
  const n = readNumber(node, scope, 'an integer');
  if (n === undefined) return undefined;
  if (!Number.isInteger(n)) {
    report(scope, node.span, { message: `${fieldName(scope)} must be a whole number, not ${n}` });
    return undefined;
  }
  const { min, max } = bounds;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range = max === undefined ? `at least ${min}` : min === undefined ? `at most ${max}` : `between ${min} and ${max}`;
    report(scope, node.span, { message: `${fieldName(scope)} must be ${range}, not ${n}` });
    return undefined;
  }
  return n;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number, from a number or a numeric string (`"0.5"`). */
export function readNumber(node: Located, scope: Scope, expected = 'a number'): number | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'number') {
    if (Number.isFinite(node.value)) return node.value;
  } else if (node.kind === 'scalar' && typeof node.value === 'string' && NUMBER.test(node.value.trim())) {
    return Number(node.value.trim());
  } else if (node.kind === 'scalar' && node.value === null) {
    return undefined;
  }
  if (node.kind === 'scalar' && node.value !== null && typeof node.value !== 'boolean') {
    report(scope, node.span, { message: `${fieldName(scope)} must be ${expected}, not ${describeNode(node)}` });
  } else {
    wrongType(node, scope, expected);
  }
  return undefined;
}

const TRUE = new Set(['true', '1', 'y', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'n', 'no', 'off']);

/** A boolean, from a boolean or the strings docker compose casts (`"true"`, `"yes"`, `"1"`, …). */
export function readBoolean(node: Located, scope: Scope): boolean | undefined {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'boolean') return node.value;
    if (node.value === null) return undefined;
    const text = String(node.value).trim().toLowerCase();
    if (TRUE.has(text)) return true;
    if (FALSE.has(text)) return false;
  }
  report(scope, node.span, {
    code: node.kind === 'scalar' ? undefined : INVALID_TYPE,
    message: `${fieldName(scope)} must be true or false, not ${describeNode(node)}`,
  });
  return undefined;
}

/** A list of strings (items of the wrong shape are reported and skipped). */
export function readStringList(node: Located, scope: Scope): string[] {
  if (node.kind === 'scalar' && node.value === null) return [];
  if (node.kind !== 'seq') {
    wrongType(node, scope, 'a list of strings');
    return [];
  }
  const out: string[] = [];
  node.items.forEach((item, i) => {
    const s = readString(item, { ...scope, path: [...scope.path, i] });
    if (s !== undefined) out.push(s);
  });
  return out;
}

/** A single string or a list of strings (`dns: 8.8.8.8` or `dns: [8.8.8.8, 1.1.1.1]`). */
export function readStringOrList(node: Located, scope: Scope): string[] {
  if (node.kind === 'scalar') {
    const s = readString(node, scope);
    return s === undefined ? [] : [s];
  }
  return readStringList(node, scope);
}

/**
 * A file mode, as docker compose reads it: a string is always octal (`"0440"`, `"440"`); a YAML number is
 * taken as it is, except that a plain number written with a leading zero (`0440`) is octal for docker
 * compose (Go's YAML reads it so) while YAML 1.2 reads it as decimal: the source width tells them apart.
 */
export function readFileMode(node: Located, scope: Scope): number | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    const text = node.value.trim();
    if (/^[0-7]+$/.test(text)) return parseInt(text, 8);
    report(scope, node.span, { message: `${fieldName(scope)} must be an octal file mode such as 0440, not ${describeNode(node)}` });
    return undefined;
  }
  const n = readInteger(node, scope, { min: 0 });
  if (n === undefined || node.kind !== 'scalar') return n;
  const digits = String(n);
  const width = node.span.line === node.span.endLine ? node.span.endColumn - node.span.column : digits.length;
  if (node.style === 'plain' && width === digits.length + 1 && /^[0-7]+$/.test(digits)) return parseInt(digits, 8);
  return n;
}
