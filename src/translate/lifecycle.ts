/**
 * `post_start` and `pre_stop` hooks → the container's lifecycle.postStart / preStop exec handlers. Kubernetes
 * runs one command per hook, as the container's user, with the container's environment: a second hook and a
 * hook's `user`, `privileged`, `working_dir` or `environment` are dropped with a warning.
 */
import type { RawValue } from '../compose/model.js';
import type { JsonObject, ServiceScope, TranslateContext } from './context.js';

const HOOKS = [
  ['post_start', 'postStart'],
  ['pre_stop', 'preStop'],
] as const;

export function translateLifecycle(ctx: TranslateContext, scope: ServiceScope): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [key, field] of HOOKS) {
    const raw = scope.service.other[key];
    if (!raw) continue;
    const handler = handlerOf(ctx, scope, key, raw);
    if (handler) out[field] = handler;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function handlerOf(ctx: TranslateContext, scope: ServiceScope, key: string, raw: RawValue): JsonObject | undefined {
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
  return { exec: { command: argv } };
}
