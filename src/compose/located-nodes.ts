/**
 * Building and reading located nodes for the loader's tree rewrites (interpolation, merging, extends,
 * include, path rebasing). Rewrites never mutate their input: a node may be shared by several results
 * (a base service extended twice), so every change makes a new node that keeps the original spans.
 */
import type { Located, LocatedEntry, LocatedMap, LocatedScalar, LocatedSeq } from '../source/located.js';
import type { Span } from '../source/span.js';

export type ScalarValue = LocatedScalar['value'];

export function scalarNode(value: ScalarValue, span: Span, style: LocatedScalar['style'] = 'plain'): LocatedScalar {
  return { kind: 'scalar', value, style, span };
}

export function mapNode(entries: LocatedEntry[], span: Span): LocatedMap {
  return { kind: 'map', entries, span };
}

export function seqNode(items: Located[], span: Span): LocatedSeq {
  return { kind: 'seq', items, span };
}

/** The same node without its tag (a copy when it had one). */
export function untagged<T extends Located>(node: T): T {
  if (node.tag === undefined) return node;
  const { tag: _tag, ...rest } = node;
  return rest as T;
}

/** A map with `key` set to `value` (replacing an existing entry in place, else appended). */
export function withEntry(map: LocatedMap, key: string, value: Located, keySpan?: Span): LocatedMap {
  const at = map.entries.findIndex((e) => e.key === key);
  const entries = [...map.entries];
  if (at === -1) entries.push({ key, keySpan: keySpan ?? value.span, value });
  else entries[at] = { ...entries[at]!, value };
  return { ...map, entries };
}

export function withoutEntry(map: LocatedMap, key: string): LocatedMap {
  return { ...map, entries: map.entries.filter((e) => e.key !== key) };
}

export function mapValue(node: Located | undefined, key: string): Located | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

/** A scalar's text as Compose reads it (`null` as the empty string). */
export function scalarText(node: LocatedScalar): string {
  return node.value === null ? '' : String(node.value);
}

/** The string value of a node, when it is a string scalar. */
export function stringValue(node: Located | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** A span from the start of `a` to the end of `b` (same file). */
export function spanFromTo(a: Span, b: Span): Span {
  return { file: a.file, line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/**
 * The plain JavaScript value of a tree, for the schema validator and deep comparisons. Keys are own
 * data properties even when named `__proto__`.
 */
export function plainOf(node: Located): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(plainOf);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        Object.defineProperty(out, e.key, { value: plainOf(e.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

/** Structural equality of two trees (spans and tags ignored). */
export function sameValue(a: Located, b: Located): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'scalar') return a.value === (b as LocatedScalar).value;
  if (a.kind === 'seq') {
    const items = (b as LocatedSeq).items;
    return a.items.length === items.length && a.items.every((x, i) => sameValue(x, items[i]!));
  }
  const other = b as LocatedMap;
  if (a.entries.length !== other.entries.length) return false;
  return a.entries.every((e) => {
    const o = other.entries.find((x) => x.key === e.key);
    return o !== undefined && sameValue(e.value, o.value);
  });
}
