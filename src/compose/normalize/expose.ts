/** `expose`: container ports reachable by other services, `"3000"`, `3000`, `"8000-8010"`, `"5000/udp"`. */
import type { ExposedPort, Protocol } from '../model.js';
import type { Located } from '../../source/located.js';
import { report, within, type Scope } from './context.js';
import { fieldName, wrongType } from './scalars.js';
import { asSeq } from './shapes.js';
import { parsePortRange } from './ports.js';

export function readExpose(node: Located, scope: Scope): ExposedPort[] {
  const seq = asSeq(node, scope);
  if (!seq) return [];
  const out: ExposedPort[] = [];
  seq.items.forEach((item, i) => {
    const s = within(scope, i);
    if (item.kind !== 'scalar' || item.value === null || typeof item.value === 'boolean') {
      wrongType(item, s, 'a port such as "3000" or "8000-8010/udp"');
      return;
    }
    const text = String(item.value).trim();
    const [ports = '', proto = 'tcp', extra] = text.split('/');
    const port = parsePortRange(ports);
    const protocol = proto.toLowerCase();
    if (!port || extra !== undefined || !(protocol === 'tcp' || protocol === 'udp' || protocol === 'sctp')) {
      report(s, item.span, {
        message: `${fieldName(s)} is not a valid port: ${JSON.stringify(text)}`,
        hint: 'Write PORT[-PORT][/PROTOCOL], e.g. "3000" or "8000-8010/udp".',
      });
      return;
    }
    out.push({ port, protocol: protocol as Protocol, span: item.span });
  });
  return out;
}
