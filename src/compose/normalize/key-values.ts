/**
 * The specification's `list_or_dict`: `["KEY=value", "KEY"]` or `{KEY: value, KEY: null}`. Used by labels,
 * annotations, sysctls, driver options, build args and (with resolution from the environment) `environment`.
 */
import type { KeyValue } from '../model.js';
import type { Located } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { IGNORED_VALUE, report, within, type Scope } from './context.js';
import { readString, wrongType } from './scalars.js';
import { entrySpan } from './shapes.js';

export interface RawKeyValue {
  key: string;
  /** Undefined when the source gave no value (`- KEY` or `KEY:`). */
  value: string | undefined;
  span: Span;
}

/** Entries in source order; a key given twice keeps its last value (as docker compose does), with a warning. */
export function readListOrDict(node: Located, scope: Scope): RawKeyValue[] {
  const out: RawKeyValue[] = [];
  if (node.kind === 'map') {
    for (const e of node.entries) {
      const s = within(scope, e.key);
      if (e.value.kind !== 'scalar') {
        wrongType(e.value, s, 'a string, a number, a boolean or null');
        continue;
      }
      out.push({ key: e.key, value: e.value.value === null ? undefined : String(e.value.value), span: entrySpan(e) });
    }
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      const s = within(scope, i);
      const text = readString(item, s);
      if (text === undefined) return;
      const eq = text.indexOf('=');
      const key = eq === -1 ? text : text.slice(0, eq);
      if (key === '') {
        report(s, item.span, { message: `${JSON.stringify(text)} has no name before '='`, hint: 'Write NAME=value.' });
        return;
      }
      out.push({ key, value: eq === -1 ? undefined : text.slice(eq + 1), span: item.span });
    });
  } else if (node.value !== null) {
    wrongType(node, scope, 'a list of "KEY=value" strings or a mapping');
  }
  return lastWins(out, scope);
}

function lastWins(entries: RawKeyValue[], scope: Scope): RawKeyValue[] {
  const last = new Map<string, number>();
  entries.forEach((e, i) => last.set(e.key, i));
  if (last.size === entries.length) return entries;
  return entries.filter((e, i) => {
    if (last.get(e.key) === i) return true;
    report(scope, e.span, {
      severity: 'warning',
      code: IGNORED_VALUE,
      message: `'${e.key}' is set more than once; the last value wins`,
    });
    return false;
  });
}

/** Labels, annotations, sysctls, options: a missing value is the empty string. */
export function readKeyValues(node: Located, scope: Scope): KeyValue[] {
  return readListOrDict(node, scope).map((e) => ({ key: e.key, value: e.value ?? '', span: e.span }));
}
