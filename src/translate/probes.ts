/**
 * healthcheck → liveness and readiness probes (and a startupProbe for `start_period`). `CMD` runs as an exec
 * probe; `CMD-SHELL` and the string form run through `sh -c` (an exec probe does not use a shell). Durations are
 * whole seconds, rounded up, never 0. Unset values take Compose's defaults (30s interval and timeout, 3 retries),
 * not Kubernetes's, so the probe behaves as the healthcheck did.
 */
import type { Duration, Healthcheck } from '../compose/model.js';
import type { JsonObject, ServiceScope, TranslateContext } from './context.js';

export const COMPOSE_DEFAULT_INTERVAL = 30_000;
export const COMPOSE_DEFAULT_TIMEOUT = 30_000;
export const COMPOSE_DEFAULT_RETRIES = 3;
export const COMPOSE_DEFAULT_START_INTERVAL = 5_000;

/** Milliseconds → whole seconds for a probe field: rounded up, at least 1. */
export function probeSeconds(ms: Duration): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export interface Probes {
  livenessProbe?: JsonObject;
  readinessProbe?: JsonObject;
  startupProbe?: JsonObject;
}

export function translateProbes(ctx: TranslateContext, scope: ServiceScope): Probes {
  const check = scope.service.healthcheck;
  if (!check || check.disable || check.test?.kind === 'none') return {};
  if (check.test === undefined) {
    ctx.warn('convert/healthcheck-without-test', check.keys.test ?? check.span, "the healthcheck has no 'test' (it uses the image's): no probe is generated, because the image's test is not known here", {
      object: scope.ref,
      hint: "write the image's test in the healthcheck",
    });
    return {};
  }
  const command = check.test.kind === 'exec' ? [...check.test.argv] : ['sh', '-c', check.test.command];
  if (command.length === 0 || command[0] === '') {
    ctx.warn('convert/healthcheck-without-test', check.keys.test ?? check.span, 'the healthcheck test is empty: no probe is generated', { object: scope.ref });
    return {};
  }
  const timing = timingOf(check);
  const probe = (failureThreshold: number, periodMs: Duration): JsonObject => ({
    exec: { command },
    periodSeconds: probeSeconds(periodMs),
    timeoutSeconds: probeSeconds(timing.timeout),
    failureThreshold,
    successThreshold: 1,
  });
  const probes: Probes = {
    livenessProbe: probe(timing.retries, timing.interval),
    readinessProbe: probe(timing.retries, timing.interval),
  };
  if (check.startPeriod !== undefined && check.startPeriod > 0) {
    // Failures during start_period do not count in Compose: a startupProbe holds the others back until the
    // container has passed once, and gives up after start_period plus the usual retries.
    const period = check.startInterval ?? Math.min(timing.interval, COMPOSE_DEFAULT_START_INTERVAL);
    const periodSeconds = probeSeconds(period);
    probes.startupProbe = probe(Math.ceil(probeSeconds(check.startPeriod) / periodSeconds) + timing.retries, period);
  } else if (check.startInterval !== undefined) {
    ctx.info('convert/dropped-key', check.keys.start_interval ?? check.span, "'start_interval' has no effect without 'start_period' and is dropped", { object: scope.ref });
  }
  return probes;
}

function timingOf(check: Healthcheck): { interval: Duration; timeout: Duration; retries: number } {
  return {
    interval: check.interval !== undefined && check.interval > 0 ? check.interval : COMPOSE_DEFAULT_INTERVAL,
    timeout: check.timeout !== undefined && check.timeout > 0 ? check.timeout : COMPOSE_DEFAULT_TIMEOUT,
    retries: check.retries !== undefined && check.retries > 0 ? check.retries : COMPOSE_DEFAULT_RETRIES,
  };
}
