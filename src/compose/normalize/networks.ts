/** A service's `networks`: a list of names, or a mapping of names to `null` or `{aliases, ipv4_address, …}`. */
import type { ServiceNetwork } from '../model.js';
import type { Located } from '../../source/located.js';
import { within, type Scope } from './context.js';
import { readInteger, readNumber, readString, readStringList, wrongType } from './scalars.js';
import { asMap, entrySpan, keysOf, optionalExtensions } from './shapes.js';
import { readKeyValues } from './key-values.js';

export function readServiceNetworks(node: Located, scope: Scope): ServiceNetwork[] {
  const out: ServiceNetwork[] = [];
  if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      const name = readString(item, within(scope, i));
      if (name) out.push({ name, aliases: [], span: item.span, keys: {} });
    });
    return out;
  }
  if (node.kind !== 'map') {
    if (node.value !== null) wrongType(node, scope, 'a list of network names or a mapping');
    return out;
  }
  for (const e of node.entries) {
    const s = within(scope, e.key);
    const network: ServiceNetwork = { name: e.key, aliases: [], span: entrySpan(e), keys: {} };
    const map = asMap(e.value, s);
    if (map) {
      Object.assign(network, { keys: keysOf(map), ...optionalExtensions(map) });
      for (const f of map.entries) {
        const fs = within(s, f.key);
        switch (f.key) {
          case 'aliases':
            network.aliases = readStringList(f.value, fs);
            break;
          case 'ipv4_address':
          case 'ipv6_address':
          case 'interface_name':
          case 'mac_address': {
            const v = readString(f.value, fs);
            const key = ({ ipv4_address: 'ipv4Address', ipv6_address: 'ipv6Address', interface_name: 'interfaceName', mac_address: 'macAddress' } as const)[f.key];
            if (v !== undefined) network[key] = v;
            break;
          }
          case 'priority':
          case 'gw_priority': {
            const n = f.key === 'priority' ? readInteger(f.value, fs) : readNumber(f.value, fs);
            if (n !== undefined) network[f.key === 'priority' ? 'priority' : 'gwPriority'] = n;
            break;
          }
          case 'link_local_ips':
            network.linkLocalIps = readStringList(f.value, fs);
            break;
          case 'driver_opts':
            network.driverOpts = readKeyValues(f.value, fs);
            break;
        }
      }
    }
    out.push(network);
  }
  return out;
}
