/**
 * `post_start` and `pre_stop` hooks → the container's lifecycle.postStart / preStop exec handlers. Kubernetes
 * runs one command per hook, as the container's user, with the container's environment: a second hook and a
 * hook's `user`, `privileged`, `working_dir` or `environment` are dropped with a warning. `stop_grace_period`
 * → the pod's terminationGracePeriodSeconds (whole seconds, rounded up; beyond what a duration holds an error, left out).
 */
import type { RawValue } from '../compose/model.js';
import type { JsonObject, ServiceScope, TranslateContext } from './context.js';
import { checkedNumber, DURATION_SECONDS } from './int-range.js';
import type { CheckAsWritten } from './static-addresses.js';

const HOOKS = [
  ['post_start', 'postStart'],
  ['pre_stop', 'preStop'],
] as const;

/** `checkAddresses` reports the private addresses of a hook's command (kept as written: it is never expanded). */
export function translateLifecycle(ctx: TranslateContext, scope: ServiceScope, checkAddresses: CheckAsWritten): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [key, field] of HOOKS) {
    const raw = scope.service.other[key];
    if (!raw) continue;
    const handler = handlerOf(ctx, scope, key, raw, checkAddresses);
    if (handler) out[field] = handler;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** terminationGracePeriodSeconds from `stop_grace_period`, or undefined (reported when out of range). */
export function terminationGracePeriodOf(ctx: TranslateContext, scope: ServiceScope): number | undefined {
  const { service } = scope;
  if (service.stopGracePeriod === undefined) return undefined;
  const at = service.keys.stop_grace_period ?? service.span;
  const value = Math.ceil(service.stopGracePeriod / 1000);
  return checkedNumber(ctx, scope, { key: 'stop_grace_period', at, field: 'terminationGracePeriodSeconds', value, range: DURATION_SECONDS, unit: 'seconds' });
}

function handlerOf(ctx: TranslateContext, scope: ServiceScope, key: string, raw: RawValue, checkAddresses: CheckAsWritten): JsonObject | undefined {
  const hooks = Array.isArray(raw.value) ? raw.value : [];
  if (hooks.length === 0) return undefined;
  if (hooks.length > 1) {
    ctx.warn('convert/dropped-key', raw.span, `'${key}' has ${hooks.length} hooks; Kubernetes runs one per container: only the first is kept`, { object: scope.ref });
  }
  const hook = hooks[0];
  if (hook === null || typeof hook !== 'object' || Array.isArray(hook)) return undefined;
  const { command, ...rest } = hook as JsonObject;
  const dropped = Object.keys(rest).sort();
  if (dropped.length > 0) {
    ctx.warn('convert/dropped-key', raw.span, `'${key}' ${dropped.map((k) => `'${k}'`).join(', ')} dropped: a Kubernetes hook runs as the container's user, in its directory, with its environment`, { object: scope.ref });
  }
  let argv: string[] | undefined;
  if (typeof command === 'string' && command !== '') argv = ['sh', '-c', command];
  else if (Array.isArray(command) && command.length > 0 && command.every((c) => typeof c === 'string')) argv = command as string[];
  if (!argv) {
    ctx.warn('convert/dropped-key', raw.span, `'${key}' has no command and is dropped`, { object: scope.ref });
    return undefined;
  }
  checkAddresses(argv.join(' '), raw.span, `the '${key}' hook`);
  return { exec: { command: argv } };
}
