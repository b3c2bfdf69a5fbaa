/**
 * deploy.resources, mem_limit, mem_reservation, cpus and GPU reservations → container `resources`, in
 * canonical quantities: CPU as whole cores (`2`) or millicores (`1500m`), memory with the largest exact binary
 * suffix (`512Mi`, `1Gi`), else bytes. A value of 0 means "no limit" in Compose and is not written. An amount
 * too large to represent (`cpus: "1e309"`) is an error at its key, and is left out.
 */
import type { DeviceRequest, Service } from '../compose/model.js';
import { positionOf, type At, type JsonObject, type ServiceScope, type TranslateContext } from './context.js';
import { checkedNumber, FINITE_AMOUNT } from './int-range.js';

export const GPU_RESOURCE = 'nvidia.com/gpu';

/**
 * Cores → quantity; rounded up to whole millicores (never 0 for a positive value). Beyond the integers a
 * double holds exactly, whole cores.
 */
export function cpuQuantity(cores: number): string | undefined {
  if (!Number.isFinite(cores) || cores <= 0) return undefined;
  const millis = Math.max(1, Math.ceil(cores * 1000 - 1e-6));
  if (millis > Number.MAX_SAFE_INTEGER) return integerText(Math.ceil(cores));
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** An integer in plain digits: `String(1e21)` is `1e+21`, which followed by a suffix is no quantity. */
function integerText(n: number): string {
  return BigInt(n).toString();
}

const BINARY_SUFFIXES: readonly [string, number][] = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

/** Bytes → quantity with the largest binary suffix that divides it exactly (`536870912` → `512Mi`). */
export function memoryQuantity(bytes: number): string | undefined {
  if (!Number.isFinite(bytes) || bytes <= 0) return undefined;
  const whole = Math.ceil(bytes);
  for (const [suffix, unit] of BINARY_SUFFIXES) if (whole % unit === 0) return `${integerText(whole / unit)}${suffix}`;
  return integerText(whole);
}

interface Amounts {
  cpu?: number;
  memory?: number;
}

/** The container's `resources`, or undefined when the service asks for none. */
export function translateResources(ctx: TranslateContext, scope: ServiceScope): JsonObject | undefined {
  const { service } = scope;
  const res = service.deploy?.resources;
  const limits: Amounts = {};
  const requests: Amounts = {};
  /** Where each amount written came from, for the clamp below (`limits.cpu`, `requests.memory`). */
  const from: Record<string, { key: string; at: At }> = {};
  /** deploy.resources wins over the service-level key; an amount that is not finite is reported and left out. */
  const pick = (deployValue: number | undefined, serviceValue: number | undefined, key: string, deployKey: string, field: string): number | undefined => {
    if (deployValue !== undefined && serviceValue !== undefined && deployValue !== serviceValue) {
      ctx.warn('convert/conflicting-resources', service.keys[key] ?? service.span, `'${key}' differs from deploy.resources.${deployKey}; deploy.resources wins`, { object: scope.ref });
    }
    const [group, name] = deployKey.split('.') as ['limits' | 'reservations', string];
    const amounts = res?.[group];
    const source: { key: string; at: At } | undefined =
      deployValue !== undefined
        ? { key: `deploy.resources.${deployKey}`, at: amounts?.keys[name] ?? amounts?.span ?? service.span }
        : serviceValue !== undefined
          ? { key, at: service.keys[key] ?? service.span }
          : undefined;
    const value = deployValue ?? serviceValue;
    if (value === undefined || !source) return undefined;
    from[field] = source;
    return checkedNumber(ctx, scope, { ...source, field, value, range: FINITE_AMOUNT });
  };
  const cpuLimit = pick(res?.limits?.cpus, service.cpus, 'cpus', 'limits.cpus', 'limits.cpu');
  const memLimit = pick(res?.limits?.memory, service.memLimit, 'mem_limit', 'limits.memory', 'limits.memory');
  const memRequest = pick(res?.reservations?.memory, service.memReservation, 'mem_reservation', 'reservations.memory', 'requests.memory');
  const cpuRequest = pick(res?.reservations?.cpus, undefined, 'cpus', 'reservations.cpus', 'requests.cpu');
  if (cpuLimit !== undefined) limits.cpu = cpuLimit;
  if (memLimit !== undefined) limits.memory = memLimit;
  if (cpuRequest !== undefined) requests.cpu = cpuRequest;
  if (memRequest !== undefined) requests.memory = memRequest;

  // A request above its limit is rejected by the API server: clamp it, and say so at the reservation, the limit related.
  for (const field of ['cpu', 'memory'] as const) {
    const limit = limits[field];
    const request = requests[field];
    if (limit !== undefined && limit > 0 && request !== undefined && request > limit) {
      const reservation = from[`requests.${field}`]!;
      const cap = from[`limits.${field}`]!;
      ctx.warn('convert/request-above-limit', reservation.at, `the ${field} reservation ('${reservation.key}') is above its limit ('${cap.key}'); the request is lowered to the limit`, {
        object: scope.ref,
        related: [{ message: `the ${field} limit`, ...positionOf(cap.at) }],
      });
      requests[field] = limit;
    }
  }

  const out: JsonObject = {};
  const limitMap = quantities(limits);
  const requestMap = quantities(requests);
  const gpus = gpuCount(ctx, scope, res?.reservations?.devices ?? [], Array.isArray(service.gpus) ? service.gpus : [], service.gpus === 'all' ? service.keys.gpus ?? service.span : undefined);
  if (gpus !== undefined) limitMap[GPU_RESOURCE] = String(gpus);
  if (Object.keys(limitMap).length > 0) out.limits = limitMap;
  if (Object.keys(requestMap).length > 0) out.requests = requestMap;
  return Object.keys(out).length > 0 ? out : undefined;
}

function quantities(amounts: Amounts): Record<string, string> {
  const out: Record<string, string> = {};
  const cpu = amounts.cpu === undefined ? undefined : cpuQuantity(amounts.cpu);
  const memory = amounts.memory === undefined ? undefined : memoryQuantity(amounts.memory);
  if (cpu !== undefined) out.cpu = cpu;
  if (memory !== undefined) out.memory = memory;
  return out;
}

/**
 * GPUs from device reservations with the `gpu` capability and from the `gpus:` list (GPUs whatever their
 * capabilities); `allAt` is the position of `gpus: all`. Other devices are dropped.
 */
function gpuCount(
  ctx: TranslateContext,
  scope: ServiceScope,
  devices: readonly DeviceRequest[],
  gpus: readonly DeviceRequest[],
  allAt: Service['span'] | undefined,
): number | undefined {
  let total: number | undefined;
  const add = (count: number | 'all' | undefined, at: DeviceRequest['span']): void => {
    let n: number;
    if (count === 'all' || count === undefined) {
      ctx.warn('convert/gpu-count', at, `'count: ${count ?? 'all'}' (every GPU of the host) has no Kubernetes equivalent; one GPU (${GPU_RESOURCE}: 1) is requested`, {
        object: scope.ref,
        hint: 'give a number of GPUs',
      });
      n = 1;
    } else n = count;
    total = (total ?? 0) + n;
  };
  for (const device of [...devices, ...gpus]) {
    if (!device.capabilities.includes('gpu') && !gpus.includes(device)) {
      ctx.warn('convert/dropped-device', device.span, `a device reservation with capabilities [${device.capabilities.join(', ')}] has no Kubernetes equivalent and is dropped`, {
        object: scope.ref,
        hint: 'request the extended resource of its device plugin with x-shipshape',
      });
      continue;
    }
    if (device.driver !== undefined && device.driver !== 'nvidia') {
      ctx.warn('convert/gpu-driver', device.keys.driver ?? device.span, `GPU driver '${device.driver}' is requested as ${GPU_RESOURCE}`, { object: scope.ref });
    }
    if (device.deviceIds.length > 0) {
      ctx.warn('convert/dropped-key', device.keys.device_ids ?? device.span, `'device_ids' is dropped: Kubernetes assigns GPUs itself; ${device.deviceIds.length} GPU(s) are requested instead`, { object: scope.ref });
      add(device.count ?? device.deviceIds.length, device.span);
    } else add(device.count, device.span);
  }
  if (allAt) add('all', allAt);
  return total;
}
