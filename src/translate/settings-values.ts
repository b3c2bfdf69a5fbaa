/**
 * Checks of setting values shared by the x-shipshape block and the kompose.* labels: Kubernetes names, Ingress
 * hosts and paths, storage sizes, claim access modes, cron schedules, and label/annotation maps. Each value is
 * checked as the API server checks it: a value it refuses passes schema validation and lint, then fails at apply.
 * Each check says what is wrong in words (undefined when the value is fine); the readers turn that into a
 * positioned diagnostic.
 */
import type { At, TranslateContext } from './context.js';
import type { ObjectRef } from '../diagnostics.js';
import type { AccessMode, PathType } from './extensions.js';
import { isLabelValue, isQualifiedName, MANAGED_BY_LABEL, NAME_LABEL, PART_OF_LABEL } from './labels.js';

/** A storage quantity as a PVC accepts it (`5Gi`, `500M`, `1.5Ti`). */
export const STORAGE_QUANTITY = /^(\d+(\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** Why `size` cannot be a claim's requested storage: not a quantity, or zero (the API wants a positive amount). */
export function storageSizeProblem(size: string): string | undefined {
  if (!STORAGE_QUANTITY.test(size)) return 'must be a Kubernetes quantity such as 5Gi or 500Mi';
  if (!/[1-9]/.test(size.replace(/[A-Za-z]+$/, ''))) return 'is zero; a claim must request a positive amount of storage';
  return undefined;
}

/** Why a claim cannot have these access modes (Kubernetes refuses ReadWriteOncePod together with another mode). */
export function accessModesProblem(modes: readonly AccessMode[]): string | undefined {
  return modes.includes('ReadWriteOncePod') && modes.some((m) => m !== 'ReadWriteOncePod') ? 'may not use ReadWriteOncePod with other access modes' : undefined;
}

/** What the API server refuses in a Prefix or Exact Ingress path (networking validation, validateIngressHTTPPath). */
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

/** Why `path` cannot be the path of an Ingress rule with `pathType` (beyond starting with '/', checked by the readers). */
export function ingressPathProblem(path: string, pathType: PathType): string | undefined {
  if (pathType === 'ImplementationSpecific') return undefined;
  const sequence = INVALID_PATH_SEQUENCES.find((s) => path.includes(s));
  if (sequence !== undefined) return `must not contain '${sequence}' (pathType ${pathType})`;
  const suffix = INVALID_PATH_SUFFIXES.find((s) => path.endsWith(s));
  if (suffix !== undefined) return `cannot end with '${suffix}' (pathType ${pathType})`;
  return undefined;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Why `name` is not a DNS-1123 subdomain (Secret, ServiceAccount, StorageClass, IngressClass names); `what` names
 * the kind of name in the message (`a Secret name`).
 */
export function subdomainProblem(name: string, what: string): string | undefined {
  if (name.length === 0) return `is empty; it must be ${what}`;
  if (name.length > 253) return `is not ${what}: longer than 253 characters`;
  return DNS_SUBDOMAIN.test(name) ? undefined : `is not ${what}: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit`;
}

/** Why `host` cannot be an Ingress rule host (a DNS name, optionally `*.` first; not an IP address). */
export function hostProblem(host: string): string | undefined {
  if (/^\d+(\.\d+){3}$/.test(host) || host.includes(':')) return 'is an IP address or has a port; an Ingress host is a DNS name';
  return subdomainProblem(host.startsWith('*.') ? host.slice(2) : host, 'a host name');
}

/** A Service port name (IANA_SVC_NAME: at most 15 lower-case letters, digits and -, with a letter). */
export function isPortName(name: string): boolean {
  return name.length <= 15 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) && /[a-z]/.test(name) && !name.includes('--');
}

const CRON_MACRO = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/;

interface CronField {
  name: string;
  min: number;
  max: number;
  /** Three-letter names (any case) and their numbers. */
  names?: Readonly<Record<string, number>>;
  /** How the allowed values are said in a message. */
  allowed: string;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The five fields of ParseStandard, with robfig/cron's bounds (day of week 7 is refused: Sunday is 0). */
const CRON_FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59, allowed: '0-59' },
  { name: 'hour', min: 0, max: 23, allowed: '0-23' },
  { name: 'day of month', min: 1, max: 31, allowed: '1-31' },
  { name: 'month', min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((n, i) => [n, i + 1])), allowed: '1-12 or JAN-DEC' },
  { name: 'day of week', min: 0, max: 6, names: Object.fromEntries(DAY_NAMES.map((n, i) => [n, i])), allowed: '0-6 or SUN-SAT' },
];

const INT64_MAX = 9223372036854775807n;

/** A number as Go's strconv.Atoi reads it (an optional `+`, decimal digits, within int64); a name where the field has names. */
function cronNumber(text: string, names?: Readonly<Record<string, number>>): number | string {
  const named = names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\+?\d+$/.test(text) || BigInt(text.replace(/^\+/, '')) > INT64_MAX) {
    return `'${text}' is not a number${names ? ` or a ${names.jan === undefined ? 'day' : 'month'} name` : ''}`;
  }
  return Number(text);
}

/** Why one comma-separated part of a field (`*`, `?`, `5`, `1-5`, `*\/10`, `1-30/5`, `MON-FRI`) is refused. */
function cronRangeProblem(expr: string, field: CronField): string | undefined {
  const rangeAndStep = expr.split('/');
  if (rangeAndStep.length > 2) return "has more than one '/'";
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start = field.min;
  let end = field.max;
  // As robfig/cron does: after `*` or `?`, the rest of the range is not read.
  if (lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') {
    if (lowAndHigh.length > 2) return "has more than one '-'";
    const low = cronNumber(lowAndHigh[0]!, field.names);
    if (typeof low === 'string') return low;
    const high = lowAndHigh.length === 2 ? cronNumber(lowAndHigh[1]!, field.names) : low;
    if (typeof high === 'string') return high;
    start = low;
    end = high;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const n = cronNumber(rangeAndStep[1]!);
    if (typeof n === 'string') return n;
    step = n;
    if (lowAndHigh.length === 1) end = field.max; // `N/step` is `N-max/step`
  }
  if (start < field.min) return `${start} is below ${field.min}`;
  if (end > field.max) return `${end} is above ${field.max}`;
  if (start > end) return `the range starts at ${start}, after its end ${end}`;
  if (step === 0) return 'the step is 0; it must be 1 or more';
  return undefined;
}

/**
 * Why `schedule` is not a CronJob schedule the API server accepts: a macro such as `@hourly`, or five fields
 * checked as robfig/cron's ParseStandard does (ranges, lists, steps, month and day names), and no time zone.
 */
export function scheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (CRON_MACRO.test(text)) return undefined;
  // The API server refuses any schedule containing "TZ" (TZ=, CRON_TZ=).
  if (text.includes('TZ')) return 'sets a time zone inside the schedule, which Kubernetes refuses (use the CronJob timeZone field)';
  const fields = text.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return 'is not a cron schedule: five fields (minute hour day-of-month month day-of-week) or @hourly, @daily, @weekly, @monthly, @yearly';
  for (const [i, text] of fields.entries()) {
    const field = CRON_FIELDS[i]!;
    // Empty items of a list are skipped, as robfig/cron does (`1,,2`).
    for (const expr of text.split(',').filter((e) => e !== '')) {
      const problem = cronRangeProblem(expr, field);
      if (problem !== undefined) return `is not a cron schedule Kubernetes accepts: ${field.name} '${expr}': ${problem} (${field.name}: ${field.allowed})`;
    }
  }
  return undefined;
}

/** The labels shipshape sets itself: part of selectors, never overridden. */
const RESERVED_LABELS = new Set([NAME_LABEL, PART_OF_LABEL, MANAGED_BY_LABEL]);

export interface MapEntry {
  key: string;
  value: string;
  /** Where the entry is (its key). */
  at: At;
}

/**
 * Labels or annotations given by the user: invalid keys or label values, and shipshape's own selector labels,
 * are errors and left out.
 */
export function checkedMap(ctx: TranslateContext, kind: 'label' | 'annotation', entries: readonly MapEntry[], where: string, object: ObjectRef): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value, at } of entries) {
    if (!isQualifiedName(key)) {
      ctx.error(`x-shipshape/invalid-value`, at, `${where}: '${key}' is not a valid ${kind} key (an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_', '.')`, { object });
    } else if (kind === 'label' && RESERVED_LABELS.has(key)) {
      ctx.error('x-shipshape/invalid-value', at, `${where}: '${key}' is set by shipshape (it is part of the selectors) and cannot be changed`, { object });
    } else if (kind === 'label' && !isLabelValue(value)) {
      ctx.error('x-shipshape/invalid-value', at, `${where}: the value of '${key}' is not a valid label value (at most 63 letters, digits, '-', '_', '.'); put it in an annotation`, { object });
    } else {
      out[key] = value;
    }
  }
  return out;
}
