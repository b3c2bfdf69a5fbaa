/** `deploy.resources`: limits and reservations (cpus, memory, pids, devices such as GPUs). */
import type { DeviceRequest, ResourceAmounts, Resources } from '../model.js';
import type { Located, LocatedMap } from '../../source/located.js';
import { report, within, type Scope } from './context.js';
import { describeNode, fieldName, readInteger, readString, readStringOrList } from './scalars.js';
import { asMap, asSeq, assign, keysOf, optionalExtensions, raw } from './shapes.js';
import { readByteSize } from './bytes.js';
import { readCpus } from './cpus.js';
import { readKeyValues } from './key-values.js';

export function readResources(node: Located, scope: Scope): Resources | undefined {
  const map = asMap(node, scope);
  if (!map) return undefined;
  const resources: Resources = { span: map.span, keys: keysOf(map), ...optionalExtensions(map) };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    if (e.key === 'limits') {
      const m = asMap(e.value, s);
      if (m) resources.limits = readAmounts(m, s);
    } else if (e.key === 'reservations') {
      const m = asMap(e.value, s);
      if (m) resources.reservations = readReservations(m, s);
    }
  }
  return resources;
}

function readAmounts(map: LocatedMap, scope: Scope): ResourceAmounts {
  const amounts: ResourceAmounts = { span: map.span, keys: keysOf(map), ...optionalExtensions(map) };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    if (e.key === 'cpus') assign(amounts, 'cpus', readCpus(e.value, s));
    else if (e.key === 'memory') assign(amounts, 'memory', readByteSize(e.value, s));
    else if (e.key === 'pids') assign(amounts, 'pids', readInteger(e.value, s, { min: -1 }));
  }
  return amounts;
}

function readReservations(map: LocatedMap, scope: Scope): NonNullable<Resources['reservations']> {
  const out: NonNullable<Resources['reservations']> = { ...readAmounts(map, scope), devices: [] };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    if (e.key === 'devices') {
      asSeq(e.value, s)?.items.forEach((item, i) => {
        const device = readDevice(item, within(s, i));
        if (device) out.devices.push(device);
      });
    } else if (e.key === 'generic_resources') {
      out.genericResources = raw(e.value);
    }
  }
  return out;
}

/** A device request (`deploy.resources.reservations.devices[]`, and the items of a service's `gpus`). */
export function readDevice(node: Located, scope: Scope): DeviceRequest | undefined {
  const map = asMap(node, scope);
  if (!map) return undefined;
  const device: DeviceRequest = { capabilities: [], deviceIds: [], span: map.span, keys: keysOf(map), ...optionalExtensions(map) };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    switch (e.key) {
      case 'capabilities':
        device.capabilities = readStringOrList(e.value, s);
        break;
      case 'device_ids':
        device.deviceIds = readStringOrList(e.value, s);
        break;
      case 'driver':
        assign(device, 'driver', readString(e.value, s));
        break;
      case 'options':
        device.options = readKeyValues(e.value, s);
        break;
      case 'count': {
        if (e.value.kind === 'scalar' && typeof e.value.value === 'string' && e.value.value.trim().toLowerCase() === 'all') {
          device.count = 'all';
        } else if (e.value.kind === 'scalar' && typeof e.value.value === 'string' && !/^\s*\d+\s*$/.test(e.value.value)) {
          report(s, e.value.span, { message: `${fieldName(s)} must be a number or "all", not ${describeNode(e.value)}` });
        } else {
          assign(device, 'count', readInteger(e.value, s, { min: 0 }));
        }
        break;
      }
    }
  }
  return device;
}
