/**
 * The ranges of the Kubernetes fields the converter writes numbers from Compose into, and the one check it
 * runs before writing one. Compose takes any number (`replicas: 2147483648`, `interval: 9999999999h`, a user
 * id of 10^20); the API server refuses a value outside the field's Go type (int32, int64) or its validation.
 * Such a value is a `convert/out-of-range` error at the Compose key that gave it, naming the key, the value
 * and the range; the caller then leaves the field out, so the object is never invalid.
 */
import type { At, ServiceScope, TranslateContext } from './context.js';

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** The range in words, for the message: `0 to 2147483647`. */
  readonly text: string;
}

const INT32_MAX = 2 ** 31 - 1;

/** An int32 count or number of seconds that cannot be negative: replicas, backoffLimit, probe fields, minReadySeconds. */
export const COUNT_INT32: NumberRange = { min: 0, max: INT32_MAX, text: `0 to ${INT32_MAX}` };

/**
 * Seconds of a duration in an int64 field (terminationGracePeriodSeconds): at most what a Go time.Duration
 * holds (2^63 ns, about 292 years). Docker Compose refuses longer durations, and the kubelet, which turns the
 * field into a time.Duration, would overflow.
 */
export const DURATION_SECONDS: NumberRange = { min: 0, max: 9_223_372_036, text: '0 to 9223372036' };

/** User and group ids: int64 fields that the API server's validation limits to 0…2^31 - 1. */
export const USER_ID: NumberRange = { min: 0, max: INT32_MAX, text: `0 to ${INT32_MAX}` };

/** CPU cores or bytes of memory: any finite amount (what is not positive means "no limit" and is not written). */
export const FINITE_AMOUNT: NumberRange = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, text: 'a finite amount' };

export interface RangeCheck {
  /** The Compose key as written in the file: `deploy.replicas`, `healthcheck.interval`, `user`. */
  key: string;
  /** Where the key is (its span; the service's when the key has none). */
  at: At;
  /** The Kubernetes field the value becomes: `replicas`, `periodSeconds`, `runAsUser`. */
  field: string;
  /** The value the field would get, in the field's unit. */
  value: number;
  range: NumberRange;
  /** The field's unit, when the Compose value is in another one (`seconds` for a duration). */
  unit?: string;
}

/**
 * `check.value` when it lies in the range; otherwise a `convert/out-of-range` error and undefined (the
 * caller leaves the field out).
 */
export function checkedNumber(ctx: TranslateContext, scope: ServiceScope, check: RangeCheck): number | undefined {
  const { value, range } = check;
  if (Number.isFinite(value) && value >= range.min && value <= range.max) return value;
  const unit = check.unit === undefined ? '' : ` ${check.unit}`;
  ctx.error(
    'convert/out-of-range',
    check.at,
    `'${check.key}' gives ${check.field} ${shownNumber(value)}${Number.isFinite(value) ? unit : ''}, out of the range Kubernetes accepts (${range.text}${unit}): ${check.field} is left out`,
    { object: scope.ref, hint: `write a value that gives ${check.field} ${range.text}${unit}` },
  );
  return undefined;
}

/** A number as written, in exponent form beyond the integers a double holds exactly (`1e+20`). */
export function shownNumber(value: number): string {
  if (Number.isNaN(value)) return 'a value that is not a number';
  if (!Number.isFinite(value)) return 'a number too large to represent';
  return Math.abs(value) <= Number.MAX_SAFE_INTEGER ? String(value) : value.toExponential();
}
