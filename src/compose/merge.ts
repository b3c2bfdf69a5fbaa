/**
 * Merging Compose trees (later files override earlier ones, a service overrides the service it extends),
 * following the specification's merge rules:
 * - mappings merge recursively; scalars are replaced; a null override keeps the earlier value;
 * - sequences are appended, except `command`, `entrypoint` and `healthcheck.test`, which are replaced;
 * - `environment`, `labels`, `annotations`, `sysctls`, `build.args`, … merge by key;
 * - `ports`, `volumes` (by target), `secrets`, `configs` (by target) replace entries with the same key and
 *   append the others; `expose`, `cap_add`, `cap_drop`, `dns`, `profiles`, … append without duplicates;
 * - `depends_on` and `networks` merge as mappings whichever syntax each side uses;
 * - `!reset` removes a value, `!override` replaces it instead of merging.
 * Merged nodes keep the spans of the file that supplied them.
 */
import type { DiagnosticSink, FieldPath } from '../diagnostics.js';
import type { Located, LocatedEntry, LocatedMap, LocatedSeq } from '../source/located.js';
import { describePath } from './field-names.js';
import { assignmentKey, deviceKey, fileReferenceKey, portKey, valueKey, volumeKey, type EntryKey } from './merge-keys.js';
import { mapNode, mapValue, scalarNode, scalarText, seqNode, spanFromTo, untagged } from './located-nodes.js';

export const MERGE_CONFLICT = 'compose/merge-conflict';

type Rule =
  | { kind: 'replace' }
  | { kind: 'by-key' }
  | { kind: 'unique'; key: EntryKey }
  | { kind: 'build' }
  | { kind: 'depends-on' }
  | { kind: 'networks' }
  | { kind: 'logging' }
  | { kind: 'ulimit' };

const RULES: readonly (readonly [string, Rule])[] = [
  ['services.*.command', { kind: 'replace' }],
  ['services.*.entrypoint', { kind: 'replace' }],
  ['services.*.healthcheck.test', { kind: 'replace' }],
  ...[
    'services.*.environment',
    'services.*.labels',
    'services.*.annotations',
    'services.*.sysctls',
    'services.*.build.args',
    'services.*.build.labels',
    'services.*.build.additional_contexts',
    'services.*.deploy.labels',
    'networks.*.labels',
    'volumes.*.labels',
    'secrets.*.labels',
    'configs.*.labels',
  ].map((p) => [p, { kind: 'by-key' }] as const),
  ['services.*.ports', { kind: 'unique', key: portKey }],
  ['services.*.volumes', { kind: 'unique', key: volumeKey }],
  ['services.*.secrets', { kind: 'unique', key: fileReferenceKey('/run/secrets') }],
  ['services.*.configs', { kind: 'unique', key: fileReferenceKey('') }],
  ...[
    'services.*.expose',
    'services.*.cap_add',
    'services.*.cap_drop',
    'services.*.dns',
    'services.*.dns_search',
    'services.*.dns_opt',
    'services.*.profiles',
    'services.*.tmpfs',
    'services.*.env_file',
    'services.*.label_file',
    'services.*.security_opt',
    'services.*.extra_hosts',
    'services.*.build.extra_hosts',
    'services.*.build.tags',
    'services.*.links',
    'services.*.networks.*.aliases',
    'services.*.networks.*.link_local_ips',
  ].map((p) => [p, { kind: 'unique', key: valueKey }] as const),
  ['services.*.devices', { kind: 'unique', key: deviceKey }],
  ['services.*.build', { kind: 'build' }],
  ['services.*.depends_on', { kind: 'depends-on' }],
  ['services.*.networks', { kind: 'networks' }],
  ['services.*.logging', { kind: 'logging' }],
  ['services.*.ulimits.*', { kind: 'ulimit' }],
];

const rulesByLength = new Map<number, (readonly [string[], Rule])[]>();
for (const [pattern, rule] of RULES) {
  const parts = pattern.split('.');
  const list = rulesByLength.get(parts.length) ?? [];
  list.push([parts, rule]);
  rulesByLength.set(parts.length, list);
}

function ruleAt(path: FieldPath): Rule | undefined {
  for (const [parts, rule] of rulesByLength.get(path.length) ?? []) {
    if (parts.every((p, i) => p === '*' || p === String(path[i]))) return rule;
  }
  return undefined;
}

/**
 * `over` merged onto `base` at `path` (field path from the project root, e.g. `['services', 'web']`).
 * `undefined` when the result is removed (`!reset`).
 */
export function mergeNode(base: Located | undefined, over: Located, path: FieldPath, report: DiagnosticSink): Located | undefined {
  if (over.tag === '!reset') return undefined;
  if (base === undefined || over.tag === '!override') return withoutResets(over);
  const rule = ruleAt(path);
  switch (rule?.kind) {
    case 'replace':
      return withoutResets(over);
    case 'by-key':
      return mergeByKey(base, over);
    case 'unique':
      return mergeUnique(base, over, rule.key, path, report);
    case 'build':
      return mergeMaps(buildAsMap(base), buildAsMap(over), path, report);
    case 'depends-on':
      return mergeMaps(listAsMap(base, dependencyDefaults), listAsMap(over, dependencyDefaults), path, report);
    case 'networks':
      return mergeMaps(listAsMap(base, () => undefined), listAsMap(over, () => undefined), path, report);
    case 'logging':
      return base.kind === 'map' && over.kind === 'map' && driversDiffer(base, over) ? withoutResets(over) : mergeDefault(base, over, path, report);
    case 'ulimit':
      return base.kind === 'map' && over.kind === 'map' ? mergeMaps(base, over, path, report) : withoutResets(over);
    default:
      return mergeDefault(base, over, path, report);
  }
}

function mergeDefault(base: Located, over: Located, path: FieldPath, report: DiagnosticSink): Located {
  if (over.kind === 'scalar' && over.value === null) return base;
  if (base.kind === 'map' && over.kind === 'map') return mergeMaps(base, over, path, report);
  if (base.kind === 'seq' && over.kind === 'seq') return seqNode([...base.items, ...withoutResets(over).items], base.span);
  if (base.kind !== 'scalar' && base.kind !== over.kind) conflict(base, over, path, report);
  return withoutResets(over);
}

function mergeMaps(base: LocatedMap, over: LocatedMap, path: FieldPath, report: DiagnosticSink): LocatedMap {
  const entries: (LocatedEntry | undefined)[] = [...base.entries];
  const index = new Map(base.entries.map((e, i) => [e.key, i]));
  for (const e of over.entries) {
    const at = index.get(e.key);
    if (at === undefined) {
      if (e.value.tag === '!reset') continue;
      index.set(e.key, entries.length);
      entries.push({ ...e, value: withoutResets(e.value) });
      continue;
    }
    const before = entries[at]!;
    const merged = mergeNode(before.value, e.value, [...path, e.key], report);
    if (merged === undefined) entries[at] = undefined;
    else entries[at] = { key: e.key, keySpan: merged === before.value ? before.keySpan : e.keySpan, value: merged };
  }
  return { ...untagged(base), entries: entries.filter((e): e is LocatedEntry => e !== undefined) };
}

/** list_or_dict fields: a later value for the same key wins, in the earlier key's place. */
function mergeByKey(base: Located, over: Located): Located {
  if (over.kind === 'scalar' && over.value === null) return base;
  if (base.kind === 'map' && over.kind === 'map') {
    const entries: (LocatedEntry | undefined)[] = [...base.entries];
    const index = new Map(base.entries.map((e, i) => [e.key, i]));
    for (const e of over.entries) {
      const at = index.get(e.key);
      const value = e.value.tag === '!reset' ? undefined : { ...e, value: withoutResets(e.value) };
      if (at !== undefined) entries[at] = value;
      else if (value) {
        index.set(e.key, entries.length);
        entries.push(value);
      }
    }
    return { ...untagged(base), entries: entries.filter((e): e is LocatedEntry => e !== undefined) };
  }
  return replaceByKey(assignmentList(base), assignmentList(withoutResets(over)), assignmentKey);
}

/** A list_or_dict as a list of `KEY=value` scalars. */
function assignmentList(node: Located): LocatedSeq {
  if (node.kind === 'seq') return node;
  if (node.kind === 'scalar') return seqNode(node.value === null ? [] : [node], node.span);
  return seqNode(
    node.entries.map((e) => {
      const v = e.value;
      const text = v.kind === 'scalar' ? (v.value === null ? e.key : `${e.key}=${scalarText(v)}`) : `${e.key}=${JSON.stringify(v)}`;
      return scalarNode(text, spanFromTo(e.keySpan, v.span));
    }),
    node.span,
  );
}

function mergeUnique(base: Located, over: Located, key: EntryKey, path: FieldPath, report: DiagnosticSink): Located {
  if (over.kind === 'scalar' && over.value === null) return base;
  const b = asList(base);
  const o = asList(withoutResets(over));
  if (!b || !o) {
    conflict(base, over, path, report);
    return withoutResets(over);
  }
  return replaceByKey(b, o, key);
}

function replaceByKey(base: LocatedSeq, over: LocatedSeq, key: EntryKey): LocatedSeq {
  const items = [...base.items];
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k !== undefined && !index.has(k)) index.set(k, i);
  });
  for (const item of over.items) {
    const k = key(item);
    const at = k === undefined ? undefined : index.get(k);
    if (at === undefined) items.push(item);
    else items[at] = item;
  }
  return seqNode(items, base.span);
}

/** A string, or a list; `undefined` for a mapping (which no unique list accepts, except `extra_hosts`). */
function asList(node: Located): LocatedSeq | undefined {
  if (node.kind === 'seq') return node;
  if (node.kind === 'scalar') return seqNode(node.value === null ? [] : [node], node.span);
  // extra_hosts as a mapping: `host: ip` (or a list of addresses) → `host=ip` entries.
  const items: Located[] = [];
  for (const e of node.entries) {
    const values = e.value.kind === 'seq' ? e.value.items : [e.value];
    for (const v of values) if (v.kind === 'scalar') items.push(scalarNode(`${e.key}=${scalarText(v)}`, spanFromTo(e.keySpan, v.span)));
  }
  return seqNode(items, node.span);
}

function buildAsMap(node: Located): LocatedMap {
  if (node.kind === 'map') return node;
  const context = node.kind === 'scalar' ? [{ key: 'context', keySpan: node.span, value: node }] : [];
  return mapNode(context, node.span);
}

function dependencyDefaults(item: Located): LocatedMap {
  return mapNode(
    [
      { key: 'condition', keySpan: item.span, value: scalarNode('service_started', item.span) },
      { key: 'required', keySpan: item.span, value: scalarNode(true, item.span) },
    ],
    item.span,
  );
}

/** `[a, b]` → `{a: <value for a>, b: …}`; a mapping is kept. */
function listAsMap(node: Located, valueFor: (item: Located) => Located | undefined): LocatedMap {
  if (node.kind === 'map') return node;
  if (node.kind === 'scalar') return mapNode([], node.span);
  const entries: LocatedEntry[] = [];
  for (const item of node.items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    entries.push({ key: scalarText(item), keySpan: item.span, value: valueFor(item) ?? scalarNode(null, item.span) });
  }
  return mapNode(entries, node.span);
}

function driversDiffer(base: LocatedMap, over: LocatedMap): boolean {
  const a = mapValue(base, 'driver');
  const b = mapValue(over, 'driver');
  return a?.kind === 'scalar' && b?.kind === 'scalar' && a.value !== b.value;
}

/** The node with `!reset` entries removed and `!override` tags dropped, at every depth (itself when it has no tag). */
export function withoutResets<T extends Located>(node: T): T {
  if (!hasTags(node)) return node;
  const plain = untagged(node);
  if (plain.kind === 'map') {
    return { ...plain, entries: plain.entries.filter((e) => e.value.tag !== '!reset').map((e) => ({ ...e, value: withoutResets(e.value) })) };
  }
  if (plain.kind === 'seq') {
    return { ...plain, items: plain.items.filter((i) => i.tag !== '!reset').map((i) => withoutResets(i)) };
  }
  return plain;
}

function hasTags(node: Located): boolean {
  if (node.tag !== undefined) return true;
  if (node.kind === 'map') return node.entries.some((e) => hasTags(e.value));
  if (node.kind === 'seq') return node.items.some(hasTags);
  return false;
}

function conflict(base: Located, over: Located, path: FieldPath, report: DiagnosticSink): void {
  report({
    code: MERGE_CONFLICT,
    severity: 'error',
    message: `cannot merge ${describePath(path)}: it is ${kindName(over)} here but ${kindName(base)} in an earlier file`,
    hint: 'Use the same form in both files, or tag this value !override to replace the earlier one.',
    path,
    ...over.span,
    related: [{ message: 'the earlier value', ...base.span }],
    ...(path[0] === 'services' && typeof path[1] === 'string' ? { object: { kind: 'ComposeService', name: path[1] } } : {}),
  });
}

function kindName(node: Located): string {
  return node.kind === 'map' ? 'a mapping' : node.kind === 'seq' ? 'a list' : 'a single value';
}
