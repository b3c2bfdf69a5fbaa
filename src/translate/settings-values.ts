/**
 * Checks of setting values shared by the x-shipshape block and the kompose.* labels: Kubernetes names, Ingress
 * hosts, storage quantities, cron schedules, and label/annotation maps. Each check says what is wrong in words
 * (undefined when the value is fine); the readers turn that into a positioned diagnostic.
 */
import type { At, TranslateContext } from './context.js';
import type { ObjectRef } from '../diagnostics.js';
import { isLabelValue, isQualifiedName, MANAGED_BY_LABEL, NAME_LABEL, PART_OF_LABEL } from './labels.js';

/** A storage quantity as a PVC accepts it (`5Gi`, `500M`, `1.5Ti`). */
export const STORAGE_QUANTITY = /^(\d+(\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

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
const CRON_FIELD = /^[0-9A-Za-z*?,/\-LW#]+$/;

/** Why `schedule` is not a CronJob schedule (five fields, or a macro such as `@hourly`). */
export function scheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (CRON_MACRO.test(text)) return undefined;
  if (/^(CRON_)?TZ=/.test(text)) return 'sets a time zone inside the schedule, which Kubernetes refuses (use the CronJob timeZone field)';
  const fields = text.split(/\s+/);
  if (fields.length !== 5 || !fields.every((f) => CRON_FIELD.test(f))) return 'is not a cron schedule: five fields (minute hour day-of-month month day-of-week) or @hourly, @daily, @weekly, @monthly, @yearly';
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
