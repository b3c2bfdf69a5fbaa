/**
 * healthcheck → liveness and readiness probes (and a startupProbe for `start_period`). `CMD` runs as an exec
 * probe; `CMD-SHELL` and the string form run through `sh -c` (an exec probe does not use a shell). Durations are
 * whole seconds, rounded up, never 0. Unset values take Compose's defaults (30s interval and timeout, 3 retries),
 * not Kubernetes's, so the probe behaves as the healthcheck did. A value beyond a probe field's int32 is an
 * error at its key, and the field is left out (Kubernetes's default applies). A private address in the test is
 * kept as written (a probe's command is never expanded) and reported as in a file (static-addresses.ts).
 */
import type { Duration, Healthcheck } from '../compose/model.js';
import type { JsonObject, ServiceScope, TranslateContext } from './context.js';
import { checkedNumber, COUNT_INT32 } from './int-range.js';
import type { CheckAsWritten } from './static-addresses.js';

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

/** `checkAddresses` reports the private addresses of the test command (which the probes keep as written). */
export function translateProbes(ctx: TranslateContext, scope: ServiceScope, checkAddresses: CheckAsWritten): Probes {
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
  checkAddresses(command.join(' '), check.keys.test ?? check.span, 'the healthcheck test');
  const timing = timingOf(check);
  /** A probe field from a healthcheck key (undefined, reported, when out of range); each key is checked once. */
  const field = (key: string, name: string, value: number, unit?: string): number | undefined =>
    checkedNumber(ctx, scope, { key: `healthcheck.${key}`, at: check.keys[key] ?? check.span, field: name, value, range: COUNT_INT32, ...(unit ? { unit } : {}) });
  const timeoutSeconds = field('timeout', 'timeoutSeconds', probeSeconds(timing.timeout), 'seconds');
  const probe = (failureThreshold: number | undefined, periodSeconds: number | undefined): JsonObject => ({
    exec: { command },
    ...(periodSeconds !== undefined ? { periodSeconds } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(failureThreshold !== undefined ? { failureThreshold } : {}),
    successThreshold: 1,
  });
  const retries = field('retries', 'failureThreshold', timing.retries);
  const period = field('interval', 'periodSeconds', probeSeconds(timing.interval), 'seconds');
  const probes: Probes = { livenessProbe: probe(retries, period), readinessProbe: probe(retries, period) };
  if (check.startPeriod !== undefined && check.startPeriod > 0) {
    // Failures during start_period do not count in Compose: a startupProbe holds the others back until the
    // container has passed once, and gives up after start_period plus the usual retries.
    const startPeriodSeconds = probeSeconds(check.startInterval ?? Math.min(timing.interval, COMPOSE_DEFAULT_START_INTERVAL));
    const startPeriod =
      check.startInterval === undefined ? startPeriodSeconds : field('start_interval', 'startupProbe.periodSeconds', startPeriodSeconds, 'seconds');
    const threshold = Math.ceil(probeSeconds(check.startPeriod) / startPeriodSeconds) + timing.retries;
    // When `retries` is out of range (reported), so is this sum: it is left out without a second error.
    const startThreshold = retries === undefined ? undefined : field('start_period', 'startupProbe.failureThreshold', threshold);
    probes.startupProbe = probe(startThreshold, startPeriod);
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
