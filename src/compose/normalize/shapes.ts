/** Reading located mappings and lists: shape checks, key spans, `x-*` extensions, raw values. */
import type { NestedSpan, RawValue } from '../model.js';
import { toPlain, type Located, type LocatedEntry, type LocatedMap, type LocatedSeq } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import type { Scope } from './context.js';
import { wrongType } from './scalars.js';

/** The node as a mapping; `null` is absent silently, any other shape is reported. */
export function asMap(node: Located, scope: Scope): LocatedMap | undefined {
  if (node.kind === 'map') return node;
  if (node.kind === 'scalar' && node.value === null) return undefined;
  wrongType(node, scope, 'a mapping');
  return undefined;
}

/** The node as a list; `null` is absent silently, any other shape is reported. */
export function asSeq(node: Located, scope: Scope): LocatedSeq | undefined {
  if (node.kind === 'seq') return node;
  if (node.kind === 'scalar' && node.value === null) return undefined;
  wrongType(node, scope, 'a list');
  return undefined;
}

export function isNull(node: Located): boolean {
  return node.kind === 'scalar' && node.value === null;
}

export const isExtensionKey = (key: string): boolean => key.startsWith('x-');

/** Span of every key of a mapping, optionally under a dotted prefix (`bind.`). */
export function keysOf(map: LocatedMap | undefined, prefix = ''): Record<string, Span> {
  const keys: Record<string, Span> = {};
  if (map) for (const e of map.entries) keys[prefix + e.key] = e.keySpan;
  return keys;
}

export function raw(node: Located): RawValue {
  return { value: toPlain(node), span: node.span };
}

/** A raw value that also keeps the span of every nested value and key, by JSON Pointer (RawValue.spans). */
export function rawWithSpans(node: Located): RawValue {
  const spans = new Map<string, NestedSpan>();
  const walk = (n: Located, pointer: string, key?: Span): void => {
    spans.set(pointer, key ? { value: n.span, key } : { value: n.span });
    if (n.kind === 'map') for (const e of n.entries) walk(e.value, `${pointer}/${e.key.replace(/~/g, '~0').replace(/\//g, '~1')}`, e.keySpan);
    else if (n.kind === 'seq') n.items.forEach((item, i) => walk(item, `${pointer}/${i}`));
  };
  walk(node, '');
  return { ...raw(node), spans };
}

/** The `x-*` entries of a mapping as raw values (empty when there are none). */
export function extensionsOf(map: LocatedMap | undefined): Record<string, RawValue> {
  const out: Record<string, RawValue> = {};
  if (map) for (const e of map.entries) if (isExtensionKey(e.key)) out[e.key] = raw(e.value);
  return out;
}

/** `{ extensions }` when the mapping has `x-*` keys, else nothing: for optional `extensions` fields. */
export function optionalExtensions(map: LocatedMap | undefined): { extensions?: Record<string, RawValue> } {
  const ext = extensionsOf(map);
  return Object.keys(ext).length > 0 ? { extensions: ext } : {};
}

/** Entries of a mapping that are not `x-*` extensions. */
export function plainEntries(map: LocatedMap): LocatedEntry[] {
  return map.entries.filter((e) => !isExtensionKey(e.key));
}

/** A span from the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
  const bAfter = b.endLine > a.endLine || (b.endLine === a.endLine && b.endColumn > a.endColumn);
  return bAfter ? { ...a, endLine: b.endLine, endColumn: b.endColumn } : a;
}

/** The span of a whole `key: value` entry. */
export function entrySpan(e: LocatedEntry): Span {
  return joinSpans(e.keySpan, e.value.span);
}

/** Set an optional field when a reader produced a value (absent values leave the field out). */
export function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
