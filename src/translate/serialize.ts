/**
 * Deterministic output: the same objects give the same bytes. Mapping keys are sorted (as kubectl prints
 * them), sequences keep their order, nothing time- or machine-dependent is added. YAML: one document per
 * object separated by `---`; JSON: one `v1` `List`.
 */
import { yamlModule } from '../source/yaml-module.js';
import type { JsonObject } from '../k8s/object.js';
import type { KubeObject } from './context.js';

/** A deep copy with every mapping's keys sorted and `undefined` values removed. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as JsonObject)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * Integers Go reads (kubectl, kustomize: `strconv.ParseInt` with base prefixes) that YAML 1.1 does not know:
 * `0o17`, `0O17`, `0X1F`, `0B11`. Declared as an int tag so that `yaml` quotes such strings (`value: "0o17"`
 * stays a string; unquoted, kustomize turns it into 15). Never used to write numbers.
 */
const GO_PREFIXED_INT = { tag: 'tag:yaml.org,2002:int', default: true, test: /^[-+]?0(?:[oO][0-7_]+|[xX][0-9a-fA-F_]+|[bB][01_]+)$/, resolve: (text: string) => text };
const YAML_OPTIONS: import('yaml').DocumentOptions & import('yaml').SchemaOptions & import('yaml').ToStringOptions & import('yaml').CreateNodeOptions = {
  version: '1.1',
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  singleQuote: false,
  customTags: [GO_PREFIXED_INT],
};
/** `yaml`'s writer, loaded on first use: most converted objects never need it. */
const stringify = (value: unknown, options: typeof YAML_OPTIONS): string => yamlModule().stringify(value, options);

/**
 * One object as a YAML document (no `---`), ending with a newline. Scalars are quoted as YAML 1.1 needs
 * (`"yes"`, `"on"`, `"1:20"`, `"2024-01-01"`): kubectl's parser reads YAML 1.1, where those unquoted would be
 * booleans, numbers or timestamps instead of the strings a container's args or env need.
 *
 * The bytes are `yaml`'s `stringify` with the options above; building its Document model for every object
 * cost a third of a second for 1,000 objects (docs/performance.md), so the block structure is written here
 * and `yaml` is asked only about scalars that are not plainly safe (cached), or, for the rare shape this
 * writer does not cover, about the whole object. test/translate/serialize.test.ts compares both on a corpus.
 */
export function toYamlDocument(object: KubeObject | JsonObject): string {
  const lines: string[] = [];
  if (!writeMap(object as JsonObject, 0, lines)) return stringify(sortKeys(object), YAML_OPTIONS);
  return `${lines.join('\n')}\n`;
}

/** The document as `yaml` writes it (the reference the direct writer must match byte for byte). */
export function toYamlDocumentByYaml(object: KubeObject | JsonObject): string {
  return stringify(sortKeys(object), YAML_OPTIONS);
}

const isMap = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

/**
 * The keys of a map in the order `sortKeys(map)` enumerates them, without building the copy: sorted, keys
 * with `undefined` values left out, and (as in every JavaScript object) array-index keys first, in numeric
 * order. `__proto__` is left out as well: assigning it to the copy sets its prototype instead of a key.
 */
function orderedKeys(map: JsonObject): string[] {
  const keys = Object.keys(map)
    .filter((k) => map[k] !== undefined && k !== '__proto__')
    .sort();
  const indexes = keys.filter((k) => ARRAY_INDEX.test(k) && Number(k) <= 4294967294);
  if (indexes.length === 0) return keys;
  const rest = keys.filter((k) => !(ARRAY_INDEX.test(k) && Number(k) <= 4294967294));
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...rest];
}

const isNonEmptyMap = (v: unknown): v is JsonObject => isMap(v) && orderedKeys(v).length > 0;

/** Block mapping entries at `indent`; false when a key or value needs the full writer. */
function writeMap(map: JsonObject, indent: number, out: string[]): boolean {
  const pad = ' '.repeat(indent);
  for (const key of orderedKeys(map)) {
    const k = keyText(key, indent);
    if (k === undefined) return false;
    const value = map[key];
    if (isNonEmptyMap(value)) {
      out.push(`${pad}${k}:`);
      if (!writeMap(value, indent + 2, out)) return false;
    } else if (Array.isArray(value) && value.length > 0) {
      out.push(`${pad}${k}:`);
      if (!writeSeq(value, indent + 2, out)) return false;
    } else {
      const v = scalarText(value, indent);
      if (v === undefined) return false;
      out.push(`${pad}${k}: ${v}`);
    }
  }
  return true;
}

/** Block sequence items at `indent` (the column of `-`). */
function writeSeq(items: readonly unknown[], indent: number, out: string[]): boolean {
  const pad = ' '.repeat(indent);
  for (const item of items) {
    const nested = isNonEmptyMap(item) ? 'map' : Array.isArray(item) && item.length > 0 ? 'seq' : undefined;
    if (nested) {
      // The first line of the nested collection goes on the item's line, after `- `.
      const first = out.length;
      const ok = nested === 'map' ? writeMap(item as JsonObject, indent + 2, out) : writeSeq(item as unknown[], indent + 2, out);
      if (!ok) return false;
      out[first] = `${pad}- ${out[first]!.slice(indent + 2)}`;
    } else {
      const v = scalarText(item, indent);
      if (v === undefined) return false;
      out.push(`${pad}- ${v}`);
    }
  }
  return true;
}

/**
 * Plain in YAML 1.1 as they are: letters, digits and `_./-@=`, starting with a letter or `/` (after one or two
 * `-`: command-line flags), with `:` only between two such characters (image references, URLs), unless one of
 * its special words; and Kubernetes quantities
 * (`500m`, `256Mi`). Everything else is asked of `yaml`.
 */
const SAFE_PLAIN = /^(?:--?)?[A-Za-z/](?:[A-Za-z0-9_./@=-]|:(?=[A-Za-z0-9_./@=-]))*$/;
/** Lines of printable ASCII that start and end with a visible character, with or without one final line break. */
const SIMPLE_LINES = /^[!-~](?:[ -~]*[!-~])?(?:\n[!-~](?:[ -~]*[!-~])?)*\n?$/;
const QUANTITY = /^[1-9][0-9]*(?:m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)$/;
const YAML11_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL']);
/** `E5` and `-e5` are YAML 1.1 floats (an empty mantissa). */
const EXPONENT = /^-?[eE][-+]?[0-9]/;
const isSafePlain = (s: string): boolean => (SAFE_PLAIN.test(s) && !YAML11_WORDS.has(s) && !EXPONENT.test(s)) || QUANTITY.test(s);

const keyCache = new Map<string, string | undefined>();
const scalarCache = new Map<string, string | undefined>();

/**
 * A mapping key as `yaml` writes it at `indent` (at column 0, `---x` would read as a document marker);
 * undefined when it would not be a one-line implicit key.
 */
function keyText(key: string, indent: number): string | undefined {
  // Above 1,024 characters a key is written as an explicit `? key` (left to the full writer).
  if (key.length <= 1000 && isSafePlain(key)) return key;
  const cacheKey = `${indent === 0 ? 0 : 1}\u0000${key}`;
  if (keyCache.has(cacheKey)) return keyCache.get(cacheKey);
  const prefix = indent === 0 ? '' : 'a:\n  ';
  const written = stringify(indent === 0 ? { [key]: 0 } : { a: { [key]: 0 } }, YAML_OPTIONS);
  const text = written.startsWith(prefix) && written.endsWith(': 0\n') ? written.slice(prefix.length, -4) : undefined;
  const ok = text !== undefined && !text.includes('\n') && !text.startsWith('? ');
  keyCache.set(cacheKey, ok ? text : undefined);
  return ok ? text : undefined;
}

/**
 * A scalar (or empty collection) as `yaml` writes it after `key: ` or `- ` at `indent`. Block scalars
 * (multi-line strings) come back with their lines indented for that position.
 */
function scalarText(value: unknown, indent: number): string | undefined {
  if (typeof value === 'string') {
    if (isSafePlain(value)) return value;
  } else if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  } else if (typeof value === 'boolean') {
    return String(value);
  } else if (value === null) {
    return 'null';
  } else if (isMap(value)) {
    return '{}';
  } else if (Array.isArray(value)) {
    return '[]';
  }
  const multiLine = typeof value === 'string' && (value.includes('\n') || value.includes('\r'));
  // A simple multi-line string (or one line and its line break) is a literal block: `|` keeps its one final
  // line break, `|-` has none.
  if (multiLine && SIMPLE_LINES.test(value as string)) {
    const text = value as string;
    const keep = text.endsWith('\n');
    const pad = ' '.repeat(indent + 2);
    return `${keep ? '|' : '|-'}\n${pad}${(keep ? text.slice(0, -1) : text).split('\n').join(`\n${pad}`)}`;
  }
  const cacheKey = `${multiLine ? indent : 0}\u0000${typeof value}\u0000${String(value)}`;
  if (scalarCache.has(cacheKey)) return scalarCache.get(cacheKey);
  // Ask `yaml`, nested so that the value sits at the same column: `a:\n  a:\n    v: <value>`.
  const depth = multiLine ? indent / 2 : 0;
  let wrapped: unknown = { v: value };
  for (let i = 0; i < depth; i++) wrapped = { a: wrapped };
  const written = stringify(wrapped, YAML_OPTIONS);
  const prefix = `${'  '.repeat(depth)}v: `;
  const start = written.split('\n', depth).reduce((n, line) => n + line.length + 1, 0);
  let text: string | undefined;
  if (written.startsWith(prefix, start) && written.endsWith('\n')) {
    text = written.slice(start + prefix.length, -1);
    if (!multiLine && text.includes('\n')) text = undefined;
  }
  scalarCache.set(cacheKey, text);
  return text;
}

/** A multi-document YAML stream. Empty string for no objects. */
export function toYamlStream(objects: readonly KubeObject[]): string {
  return objects.map(toYamlDocument).join('---\n');
}

/** A `v1` `List` of the objects, pretty-printed, ending with a newline. */
export function toJsonList(objects: readonly KubeObject[]): string {
  return `${JSON.stringify(sortKeys({ apiVersion: 'v1', kind: 'List', metadata: {}, items: objects }), null, 2)}\n`;
}
