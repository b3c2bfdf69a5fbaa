/** `depends_on`: a list of service names, or a mapping with `condition`, `restart` and `required`. */
import type { Dependency } from '../model.js';
import type { Located } from '../../source/located.js';
import { within, type Scope } from './context.js';
import { readBoolean, readString, wrongType } from './scalars.js';
import { asMap, entrySpan, keysOf, optionalExtensions } from './shapes.js';
import { readChoice } from './deploy.js';

const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'] as const;

export function readDependsOn(node: Located, scope: Scope): Dependency[] {
  const out: Dependency[] = [];
  if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      const service = readString(item, within(scope, i));
      if (service) out.push({ service, condition: 'service_started', restart: false, required: true, span: item.span, keys: {} });
    });
  } else if (node.kind === 'map') {
    for (const e of node.entries) {
      const s = within(scope, e.key);
      const dep: Dependency = { service: e.key, condition: 'service_started', restart: false, required: true, span: entrySpan(e), keys: {} };
      if (e.value.kind === 'scalar' && e.value.value === null) {
        out.push(dep);
        continue;
      }
      const map = asMap(e.value, s);
      if (!map) continue;
      Object.assign(dep, { keys: keysOf(map), ...optionalExtensions(map) });
      for (const f of map.entries) {
        const fs = within(s, f.key);
        if (f.key === 'condition') dep.condition = readChoice(f.value, fs, CONDITIONS) ?? dep.condition;
        else if (f.key === 'restart') dep.restart = readBoolean(f.value, fs) ?? false;
        else if (f.key === 'required') dep.required = readBoolean(f.value, fs) ?? true;
      }
      out.push(dep);
    }
  } else if (node.value !== null) {
    wrongType(node, scope, 'a list of service names or a mapping');
  }
  return out;
}
