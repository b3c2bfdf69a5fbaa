/** A service's `secrets` and `configs`: a name, or `{source, target, uid, gid, mode}`. */
import type { FileReference } from '../model.js';
import { entryOf, type Located } from '../../source/located.js';
import { report, within, type Scope } from './context.js';
import { fieldName, readFileMode, readString, wrongType } from './scalars.js';
import { asSeq, keysOf, optionalExtensions } from './shapes.js';

export function readFileReferences(node: Located, scope: Scope): FileReference[] {
  const seq = asSeq(node, scope);
  if (!seq) return [];
  const out: FileReference[] = [];
  seq.items.forEach((item, i) => {
    const s = within(scope, i);
    if (item.kind === 'scalar') {
      const source = readString(item, s);
      if (source) out.push({ source, span: item.span, keys: {} });
      return;
    }
    if (item.kind !== 'map') {
      wrongType(item, s, 'a name or a mapping with source');
      return;
    }
    const sourceNode = entryOf(item, 'source')?.value;
    const source = sourceNode ? readString(sourceNode, within(s, 'source')) : undefined;
    if (!source) {
      report(s, sourceNode?.span ?? item.span, { message: `${fieldName(s)} has no source (the name of the top-level definition)` });
      return;
    }
    const ref: FileReference = { source, span: item.span, keys: keysOf(item), ...optionalExtensions(item) };
    for (const e of item.entries) {
      const fs = within(s, e.key);
      if (e.key === 'target' || e.key === 'uid' || e.key === 'gid') {
        const v = readString(e.value, fs);
        if (v !== undefined) ref[e.key] = v;
      } else if (e.key === 'mode') {
        const mode = readFileMode(e.value, fs);
        if (mode !== undefined) ref.mode = mode;
      }
    }
    out.push(ref);
  });
  return out;
}
