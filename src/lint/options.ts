/**
 * Rule options: validated against each rule's `meta.options` JSON Schema. These schemas are tiny and
 * only compiled when a user actually passes options, so ajv is loaded lazily (never at start-up).
 */
import { createRequire } from 'node:module';
import type { FieldPath } from '../diagnostics.js';
import type { AnyRule } from './engine.js';

export interface OptionProblem {
  /** Path inside the options object. */
  path: FieldPath;
  message: string;
  /** The problem is the key itself (an unknown property). */
  key?: boolean;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvInstance {
  compile(schema: object): Validate;
}

let ajv: AjvInstance | undefined;
const compiled = new WeakMap<object, Validate>();

function validatorFor(schema: object): Validate {
  let v = compiled.get(schema);
  if (!v) {
    if (!ajv) {
      const Ajv = createRequire(import.meta.url)('ajv') as { default: new (o: object) => AjvInstance };
      ajv = new Ajv.default({ allErrors: true, strict: false });
    }
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** `/a/0/b` → `['a', 0, 'b']`. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^(0|[1-9]\d*)$/.test(p) ? Number(p) : p));
}

/** One readable sentence per ajv error. */
export function describeAjvError(e: AjvError): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property '${String(e.params.additionalProperty)}'`;
    case 'enum':
      return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `missing required property '${String(e.params.missingProperty)}'`;
    default:
      return e.message ?? `fails '${e.keyword}'`;
  }
}

/** Problems with a rule's user options (an empty list when they are valid). */
export function validateRuleOptions(rule: AnyRule, options: unknown): OptionProblem[] {
  const schema = rule.meta.options;
  if (!schema) {
    const empty = typeof options === 'object' && options !== null && Object.keys(options).length === 0;
    return empty ? [] : [{ path: [], message: `rule '${rule.id}' takes no options` }];
  }
  const validate = validatorFor(schema);
  if (validate(options)) return [];
  const problems: OptionProblem[] = [];
  for (const e of validate.errors ?? []) {
    const path = pointerToPath(e.instancePath);
    const key = e.keyword === 'additionalProperties';
    if (key) path.push(String(e.params.additionalProperty));
    problems.push({ path, message: describeAjvError(e), ...(key ? { key } : {}) });
  }
  return problems;
}

/** The options a rule runs with: its defaults, overlaid (one level deep) with the user's. */
export function mergeRuleOptions(rule: AnyRule, options: unknown): unknown {
  const defaults = rule.meta.defaults as unknown;
  if (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults)) return options ?? defaults;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return defaults;
  return { ...defaults, ...options };
}
