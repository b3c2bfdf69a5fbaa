/**
 * `extra_hosts`: a list of `host=ip` or `host:ip` (the first `=`, else the first `:`, separates; so
 * `host:::1` is IPv6), or a mapping `host: ip` / `host: [ip, ip]`. Several addresses may be comma-separated;
 * brackets around IPv6 addresses are removed; a host listed twice collects all its addresses.
 */
import type { HostEntry } from '../model.js';
import type { Located } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { report, within, type Scope } from './context.js';
import { fieldName, readString, readStringList, wrongType } from './scalars.js';
import { entrySpan } from './shapes.js';

export function readExtraHosts(node: Located, scope: Scope): HostEntry[] {
  const hosts = new Map<string, HostEntry>();
  const add = (host: string, ips: string[], span: Span, s: Scope): void => {
    if (host === '' || /[:=]/.test(host)) {
      report(s, span, { message: `${fieldName(s)}: ${JSON.stringify(host)} is not a host name`, hint: 'Write host=ip, e.g. somehost=162.242.195.82.' });
      return;
    }
    const cleaned = ips.map((ip) => (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip));
    if (cleaned.length === 0 || cleaned.some((ip) => ip === '')) {
      report(s, span, { message: `${fieldName(s)}: host ${JSON.stringify(host)} has no IP address` });
      return;
    }
    const known = hosts.get(host);
    if (known) known.ips.push(...cleaned);
    else hosts.set(host, { host, ips: cleaned, span });
  };
  if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      const s = within(scope, i);
      const text = readString(item, s);
      if (text === undefined) return;
      const sep = text.includes('=') ? '=' : ':';
      const at = text.indexOf(sep);
      if (at === -1) {
        report(s, item.span, { message: `${fieldName(s)} has no IP address: ${JSON.stringify(text)}`, hint: 'Write host=ip.' });
        return;
      }
      add(text.slice(0, at), text.slice(at + 1).split(','), item.span, s);
    });
  } else if (node.kind === 'map') {
    for (const e of node.entries) {
      const s = within(scope, e.key);
      const ips = e.value.kind === 'seq' ? readStringList(e.value, s) : [readString(e.value, s) ?? ''];
      add(e.key, ips, entrySpan(e), s);
    }
  } else if (node.value !== null) {
    wrongType(node, scope, 'a list of host=ip strings or a mapping');
  }
  return [...hosts.values()];
}
