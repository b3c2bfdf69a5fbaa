/** `ulimits`: `nofile: 65535` (soft and hard alike) or `nofile: {soft: 20000, hard: 40000}`. */
import type { Ulimit } from '../model.js';
import { entryOf, type Located } from '../../source/located.js';
import { report, within, type Scope } from './context.js';
import { fieldName, readInteger } from './scalars.js';
import { asMap, entrySpan } from './shapes.js';

export function readUlimits(node: Located, scope: Scope): Ulimit[] {
  const map = asMap(node, scope);
  if (!map) return [];
  const out: Ulimit[] = [];
  for (const e of map.entries) {
    const s = within(scope, e.key);
    if (e.value.kind === 'map') {
      const soft = entryOf(e.value, 'soft');
      const hard = entryOf(e.value, 'hard');
      if (!soft || !hard) {
        report(s, e.value.span, { message: `${fieldName(s)} needs both soft and hard` });
        continue;
      }
      const softValue = readInteger(soft.value, within(s, 'soft'), { min: -1 });
      const hardValue = readInteger(hard.value, within(s, 'hard'), { min: -1 });
      if (softValue === undefined || hardValue === undefined) continue;
      if (hardValue !== -1 && (softValue === -1 || softValue > hardValue)) {
        report(s, e.value.span, { message: `${fieldName(s)}: the soft limit ${softValue} is above the hard limit ${hardValue}` });
        continue;
      }
      out.push({ name: e.key, soft: softValue, hard: hardValue, span: entrySpan(e) });
    } else {
      const n = readInteger(e.value, s, { min: -1 });
      if (n !== undefined) out.push({ name: e.key, soft: n, hard: n, span: entrySpan(e) });
    }
  }
  return out;
}
