/**
 * Durations as docker compose reads them (Go's duration syntax extended with days and weeks): a sequence
 * of decimal numbers with units, `1m30s`, `500ms`, `1.5s`, `2us`, `1d`; `0` alone needs no unit. The
 * model stores milliseconds; `formatDuration` writes them back the way `docker compose config` does.
 */
import type { Duration } from '../model.js';
import type { Located } from '../../source/located.js';
import { report, type Scope } from './context.js';
import { describeNode, fieldName, wrongType } from './scalars.js';

const NS_PER: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
  w: 604800e9,
};

export type DurationParse = { ok: true; ms: Duration } | { ok: false; reason: string };

export function parseDuration(text: string): DurationParse {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ms: 0 };
  if (s === '') return { ok: false, reason: 'it is empty' };
  let ns = 0;
  const part = /^(\d*)(?:\.(\d*))?([^\d.]*)/;
  while (s !== '') {
    const m = part.exec(s)!;
    const [all, whole = '', fraction, unit = ''] = m;
    if (whole === '' && !fraction) return { ok: false, reason: `'${text}' is not a duration` };
    if (unit === '') {
      return /^[+-]?\d+(\.\d+)?$/.test(text.trim())
        ? { ok: false, reason: `'${text}' has no unit` }
        : { ok: false, reason: `'${text}' is not a duration` };
    }
    const per = NS_PER[unit];
    if (per === undefined) return { ok: false, reason: `'${unit}' is not a duration unit (use ns, us, ms, s, m, h, d or w)` };
    ns += Number(`${whole || '0'}.${fraction || '0'}`) * per;
    s = s.slice(all.length);
  }
  return { ok: true, ms: (sign * ns) / 1e6 };
}

/** A duration field: a string (or a number of 0), reported when malformed or negative. */
export function readDuration(node: Located, scope: Scope): Duration | undefined {
  if (node.kind !== 'scalar') {
    wrongType(node, scope, 'a duration such as 30s');
    return undefined;
  }
  if (node.value === null) return undefined;
  if (typeof node.value === 'boolean') {
    report(scope, node.span, { message: `${fieldName(scope)} must be a duration such as 30s, not ${describeNode(node)}` });
    return undefined;
  }
  const parsed = parseDuration(String(node.value));
  if (!parsed.ok) {
    const bare = /no unit/.test(parsed.reason);
    report(scope, node.span, {
      message: `${fieldName(scope)} is not a valid duration: ${parsed.reason}`,
      hint: bare ? `Add a unit, e.g. ${String(node.value).trim()}s (docker compose rejects a number without a unit).` : 'Write a duration such as 1m30s, 500ms or 10s.',
    });
    return undefined;
  }
  if (parsed.ms < 0) {
    report(scope, node.span, { message: `${fieldName(scope)} must not be negative` });
    return undefined;
  }
  return parsed.ms;
}

/** Go's `time.Duration.String()`: `1m30s`, `500ms`, `1h0m0s`, `1.5s`, `2µs`. */
export function formatDuration(ms: Duration): string {
  let ns = Math.round(ms * 1e6);
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  ns = Math.abs(ns);
  if (ns < 1e3) return `${sign}${ns}ns`;
  if (ns < 1e6) return `${sign}${trim(ns / 1e3)}µs`;
  if (ns < 1e9) return `${sign}${trim(ns / 1e6)}ms`;
  const hours = Math.floor(ns / 3600e9);
  const minutes = Math.floor((ns % 3600e9) / 60e9);
  const seconds = (ns % 60e9) / 1e9;
  let out = `${trim(seconds)}s`;
  if (hours > 0 || minutes > 0) out = `${minutes}m${out}`;
  if (hours > 0) out = `${hours}h${out}`;
  return sign + out;
}

function trim(n: number): string {
  return String(Number(n.toFixed(9)));
}
