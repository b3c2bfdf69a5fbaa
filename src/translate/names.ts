/**
 * Kubernetes names from Compose names. A DNS-1123 label (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63
 * characters) for most objects, a DNS-1035 label (also starting with a letter) for Services and the names
 * derived from service names. `front_end` → `front-end`; a name that must be shortened keeps a prefix and gets
 * a short stable hash of the original, so two long names stay distinct.
 */
import { createHash } from 'node:crypto';
import type { Service } from '../compose/model.js';
import { positionOf, serviceAt, type At, type ReportExtras } from './context.js';

export const MAX_LABEL_LENGTH = 63;
const HASH_LENGTH = 6;

export interface NameOptions {
  /** DNS-1035: must start with a letter (Service names and everything named after a service). */
  startWithLetter?: boolean;
  /** Maximum length (default 63). */
  maxLength?: number;
}

/** A short stable hash of a string (hex). */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
}

export function isDnsLabel(name: string, startWithLetter = false): boolean {
  if (name.length === 0 || name.length > MAX_LABEL_LENGTH) return false;
  return (startWithLetter ? /^[a-z]([-a-z0-9]*[a-z0-9])?$/ : /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).test(name);
}

/**
 * The DNS label for `raw`: lower-cased, every other character than a-z, 0-9 and `-` replaced by `-`, no `-`
 * at either end, `x` prefixed when a letter must come first, shortened with a hash of `raw` when too long.
 * Never empty.
 */
export function toDnsLabel(raw: string, options: NameOptions = {}): string {
  const max = options.maxLength ?? MAX_LABEL_LENGTH;
  let name = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name === '') name = `x${shortHash(raw)}`;
  if (options.startWithLetter && !/^[a-z]/.test(name)) name = `x${name}`;
  if (name.length > max) name = `${name.slice(0, max - HASH_LENGTH - 1).replace(/-+$/, '')}-${shortHash(raw)}`;
  return name;
}

/**
 * `<base>-<suffix>` as a DNS label of at most 63 characters: the base is shortened (with a hash of the whole
 * name) when needed, the suffix is kept whole. `base` is already a label (a service's Kubernetes name).
 */
export function derivedName(base: string, suffix: string, options: NameOptions = {}): string {
  const full = `${base}-${toDnsLabel(suffix)}`;
  const max = options.maxLength ?? MAX_LABEL_LENGTH;
  if (full.length <= max) return full;
  const tail = `-${shortHash(full)}-${toDnsLabel(suffix)}`;
  if (tail.length >= max - 1) return toDnsLabel(full, options);
  return `${base.slice(0, max - tail.length).replace(/-+$/, '')}${tail}`;
}

/**
 * The longest name of a StatefulSet or CronJob. A StatefulSet's pods carry a `controller-revision-hash` label
 * of its name and an 11-character hash, which must stay a 63-character label value (kubernetes#64023: the
 * pods are never created otherwise); a CronJob's Jobs are named after it with an 11-character suffix, and the
 * API refuses a CronJob name over 52 characters.
 */
export const MAX_POD_OWNER_NAME = 52;

/** The headless Service that governs a StatefulSet named after service `name` (its pods' stable DNS names). */
export function governingServiceName(name: string): string {
  return derivedName(name, 'headless', { startWithLetter: true });
}

type Reporter = (code: string, at: At, message: string, extras?: ReportExtras) => void;

/**
 * The Kubernetes name of every service (DNS-1035), by Compose name. A service whose name had to change gets
 * an info (others reach it under the new name); two services with the same Kubernetes name are an error
 * naming both, and the second keeps a hashed name so conversion can go on.
 */
export function assignServiceNames(services: readonly Service[], reporters: { error: Reporter; info: Reporter }): Map<string, string> {
  const names = new Map<string, string>();
  const owner = new Map<string, Service>();
  for (const service of services) {
    let name = toDnsLabel(service.name, { startWithLetter: true });
    const first = owner.get(name);
    if (first) {
      reporters.error(
        'convert/name-collision',
        serviceAt(service),
        `services '${first.name}' and '${service.name}' would both be named '${name}' in Kubernetes`,
        {
          object: { kind: 'ComposeService', name: service.name },
          related: [{ message: `service '${first.name}' is defined here`, ...positionOf(serviceAt(first)) }],
          hint: 'rename one of them: Kubernetes names are lower-case letters, digits and -',
        },
      );
      name = derivedName(name, shortHash(service.name), { startWithLetter: true });
    } else if (name !== service.name.toLowerCase()) {
      reporters.info('convert/renamed', serviceAt(service), `service '${service.name}' is named '${name}' in Kubernetes: other services must reach it as '${name}'`, {
        object: { kind: 'ComposeService', name: service.name },
      });
    }
    owner.set(name, service);
    names.set(service.name, name);
  }
  return names;
}
