/**
 * Validation against the Compose Specification JSON Schema (precompiled at build time, loaded on first
 * use). ajv's errors are turned into one plain-words diagnostic per problem, at the offending key or
 * value (which, after merging, lies in the file that supplied it).
 */
import type { DiagnosticSink, FieldPath } from '../diagnostics.js';
import { loadGenerated } from '../generated.js';
import type { Located, LocatedMap } from '../source/located.js';
import type { Span } from '../source/span.js';
import { didYouMeanSuffix } from './did-you-mean.js';
import { describePath } from './field-names.js';
import { serviceOf } from './interpolate-tree.js';
import { plainOf } from './located-nodes.js';

export const UNKNOWN_KEY = 'compose/unknown-key';
export const INVALID_NAME = 'compose/invalid-name';
export const SCHEMA_TYPE = 'compose/invalid-type';
export const SCHEMA_VALUE = 'compose/invalid-value';
export const MISSING_KEY = 'compose/missing-key';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: { properties?: Record<string, unknown>; patternProperties?: Record<string, unknown> };
  data?: unknown;
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

let validator: Validator | undefined;

function composeValidator(): Validator {
  validator ??= loadGenerated<{ compose: Validator }>('compose-validators.cjs').compose;
  return validator;
}

/** Report every way `root` breaks the Compose schema. */
export function validateProject(root: LocatedMap, report: DiagnosticSink): void {
  const validate = composeValidator();
  const inexact = new Map<string, number>();
  if (validate(maskInexactIntegers(plainOf(root), inexact))) return;
  const errors = (validate.errors ?? []).map((e) => ({ ...e, at: locate(root, e.instancePath) }));
  for (const e of selectErrors(errors)) report(toDiagnostic(e, inexact));
}

/** The stand-in for an inexact integer: a number (so `number` fields accept it) that no `integer` field does. */
const NOT_AN_INTEGER = 0.5;

/**
 * ajv takes every whole number for an integer, also those beyond 2^53 that a number cannot hold exactly
 * (`replicas: 1e99`, `99999999999999999999`, which would be printed as `1e+99` and `100000000000000000000`).
 * They are validated as a fraction instead, so that where the schema wants an integer the type error
 * names them (by JSON pointer in `found`); where it accepts any number they still pass.
 */
function maskInexactIntegers(value: unknown, found: Map<string, number>, keys: string[] = []): unknown {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || Number.isSafeInteger(value)) return value;
    // The JSON pointer is built only here: nearly every project has no such number.
    found.set(keys.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''), value);
    return NOT_AN_INTEGER;
  }
  if (value === null || typeof value !== 'object') return value;
  // Copied only where something changed.
  let out: unknown[] | Record<string, unknown> | undefined;
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v === null || (typeof v !== 'object' && typeof v !== 'number')) continue;
    keys.push(k);
    const masked = maskInexactIntegers(v, found, keys);
    keys.pop();
    if (masked === v) continue;
    out ??= Array.isArray(value) ? [...value] : { ...value };
    (out as Record<string, unknown>)[k] = masked;
  }
  return out ?? value;
}

interface Placed extends AjvError {
  at: { node: Located; path: FieldPath; keySpan?: Span };
}

/** Walk a JSON pointer through the located tree: the node, its typed field path and its key's span. */
function locate(root: Located, pointer: string): Placed['at'] {
  let node = root;
  let keySpan: Span | undefined;
  const path: (string | number)[] = [];
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node.kind === 'map') {
      const e = node.entries.find((x) => x.key === part);
      if (!e) break;
      path.push(part);
      keySpan = e.keySpan;
      node = e.value;
    } else if (node.kind === 'seq' && node.items[Number(part)]) {
      path.push(Number(part));
      keySpan = undefined;
      node = node.items[Number(part)]!;
    } else break;
  }
  return { node, path, ...(keySpan ? { keySpan } : {}) };
}

const isUnder = (path: FieldPath, prefix: FieldPath) => path.length >= prefix.length && prefix.every((p, i) => path[i] === p);
const pathKey = (path: FieldPath) => JSON.stringify(path);

/**
 * ajv reports every failed branch of a `oneOf`. Keep what explains the failure: drop the umbrella `oneOf`
 * and the `type` mismatches of branches when a branch of the right type failed deeper or for another reason;
 * merge the remaining `type` errors at one place into one.
 */
function selectErrors(errors: Placed[]): Placed[] {
  const specific = (e: Placed) => !['type', 'oneOf', 'anyOf', 'if'].includes(e.keyword);
  const deeper = (o: Placed, e: Placed) => o.at.path.length > e.at.path.length && isUnder(o.at.path, e.at.path);
  const samePlace = (o: Placed, e: Placed) => pathKey(o.at.path) === pathKey(e.at.path);
  const kept: Placed[] = [];
  const typeAt = new Map<string, Placed>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      const noneMatched = !Array.isArray(e.params.passingSchemas);
      if (noneMatched && errors.some((o) => o !== e && (deeper(o, e) || samePlace(o, e)))) continue;
      kept.push(e);
      continue;
    }
    if (e.keyword === 'type') {
      if (errors.some((o) => deeper(o, e) || (specific(o) && samePlace(o, e)))) continue;
      const k = pathKey(e.at.path);
      const first = typeAt.get(k);
      if (first) {
        first.params = { type: [...typeList(first.params.type), ...typeList(e.params.type)] };
        continue;
      }
      const copy = { ...e, params: { type: typeList(e.params.type) } };
      typeAt.set(k, copy);
      kept.push(copy);
      continue;
    }
    kept.push(e);
  }
  const seen = new Set<string>();
  return kept.filter((e) => {
    const k = `${pathKey(e.at.path)}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function typeList(t: unknown): string[] {
  return Array.isArray(t) ? t.map(String) : [String(t)];
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  null: 'null',
  array: 'a list',
  object: 'a mapping',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return TYPE_WORDS[typeof value] ?? typeof value;
}

function orList(words: readonly string[]): string {
  const unique = [...new Set(words)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function toDiagnostic(e: Placed, inexact: ReadonlyMap<string, number>) {
  const { node, path, keySpan } = e.at;
  const where = describePath(path);
  const object = serviceOf(path);
  const base = { severity: 'error' as const, path, ...(object ? { object } : {}) };
  const at = (span: Span) => ({ ...span });
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const child = node.kind === 'map' ? node.entries.find((x) => x.key === key) : undefined;
      const span = child?.keySpan ?? node.span;
      const keys = Object.keys(e.parentSchema?.properties ?? {});
      const childPath = [...path, key];
      if (keys.length === 0) {
        return {
          ...base,
          path: childPath,
          code: INVALID_NAME,
          message: `'${key}' is not a valid name in ${where}: names use only letters, digits, '.', '_' and '-'`,
          ...at(span),
        };
      }
      const extensions = Object.keys(e.parentSchema?.patternProperties ?? {}).includes('^x-');
      const suggestion = didYouMeanSuffix(key, keys);
      const hint = extensions ? 'Custom keys must start with x- (extension fields).' : `Allowed keys: ${keys.join(', ')}.`;
      return {
        ...base,
        path: childPath,
        code: UNKNOWN_KEY,
        message: `unknown key '${key}' in ${where === 'the file' ? 'the top level' : where}${suggestion}`,
        ...(suggestion ? {} : { hint }),
        ...at(span),
      };
    }
    case 'required':
      return {
        ...base,
        code: MISSING_KEY,
        message: `${where} is missing the required key '${String(e.params.missingProperty)}'`,
        ...at(keySpan ?? node.span),
      };
    case 'type': {
      const big = inexact.get(e.instancePath);
      return {
        ...base,
        code: SCHEMA_TYPE,
        message:
          `${where} must be ${orList(typeList(e.params.type).map((t) => TYPE_WORDS[t] ?? t))}, not ` +
          (big === undefined ? typeOf(e.data) : `${String(big)}: a number beyond ±${Number.MAX_SAFE_INTEGER} is no exact integer`),
        ...at(node.span),
      };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[] | undefined)?.map(String) ?? [];
      const suggestion = typeof e.data === 'string' ? didYouMeanSuffix(e.data, allowed) : '';
      return {
        ...base,
        code: SCHEMA_VALUE,
        message: `${where} must be one of ${allowed.map((v) => `'${v}'`).join(', ')}, not ${JSON.stringify(e.data)}${suggestion}`,
        ...at(node.span),
      };
    }
    case 'uniqueItems': {
      const later = Math.max(Number(e.params.i), Number(e.params.j));
      const item = node.kind === 'seq' ? node.items[later] : undefined;
      return {
        ...base,
        path: [...path, later],
        code: SCHEMA_VALUE,
        message: `${where} lists the same value twice (items ${Math.min(Number(e.params.i), Number(e.params.j))} and ${later})`,
        hint: 'Remove the duplicate.',
        ...at(item?.span ?? node.span),
      };
    }
    case 'oneOf':
    case 'anyOf':
      return {
        ...base,
        code: SCHEMA_VALUE,
        message: Array.isArray(e.params.passingSchemas)
          ? `${where} matches more than one of the forms the specification allows`
          : `${where} matches none of the forms the specification allows`,
        ...at(node.span),
      };
    default:
      return { ...base, code: SCHEMA_VALUE, message: `${where} ${e.message ?? 'is not valid'}`, ...at(node.span) };
  }
}
