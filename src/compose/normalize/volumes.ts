/**
 * A service's `volumes`: the short syntax `[SOURCE:]TARGET[:OPTIONS]` parsed as docker compose parses it
 * (a source starting with `.`, `/` or `~` is a bind mount, any other source names a volume, no source is an
 * anonymous volume), and the long syntax for every mount type.
 */
import type { BindMount, ServiceVolume, TmpfsMount, VolumeMount } from '../model.js';
import type { Located } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { IGNORED_VALUE, report, within, type Scope } from './context.js';
import { fieldName, readString, wrongType } from './scalars.js';
import { asSeq } from './shapes.js';
import { cleanContainerPath, resolveHostPath } from './paths.js';
import { readLongMount } from './volume-long.js';

const PROPAGATIONS = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);

export function readServiceVolumes(node: Located, scope: Scope): ServiceVolume[] {
  const seq = asSeq(node, scope);
  if (!seq) return [];
  const out: ServiceVolume[] = [];
  seq.items.forEach((item, i) => {
    const s = within(scope, i);
    let mount: ServiceVolume | undefined;
    if (item.kind === 'map') mount = readLongMount(item, s);
    else if (item.kind === 'scalar' && typeof item.value === 'string') mount = readShortVolume(item.value, item.span, s);
    else wrongType(item, s, 'a volume such as "./data:/data" or a mapping');
    if (mount) out.push(mount);
  });
  return out;
}

export interface ShortVolume {
  source?: string;
  target: string;
  options: string[];
}

/** Split `SOURCE:TARGET:OPTIONS`; a reason when the spec is malformed. */
export function splitVolumeSpec(spec: string): ShortVolume | { reason: string } {
  if (spec === '') return { reason: 'it is empty' };
  if (spec.length <= 2) return { target: spec, options: [] };
  const parts = spec.split(':');
  if (parts.some((p) => p === '')) return { reason: 'it has an empty section between colons' };
  if (parts.length > 3) return { reason: 'it has too many colons' };
  if (parts.length === 1) return { target: parts[0]!, options: [] };
  return { source: parts[0]!, target: parts[1]!, options: parts.length === 3 ? parts[2]!.split(',') : [] };
}

export function isHostPath(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
}

function readShortVolume(spec: string, span: Span, scope: Scope): ServiceVolume | undefined {
  const split = splitVolumeSpec(spec);
  if ('reason' in split) {
    report(scope, span, {
      message: `${fieldName(scope)} is not a valid volume: ${split.reason}`,
      hint: 'Write [SOURCE:]TARGET[:OPTIONS], e.g. "./data:/data:ro" or "dbdata:/var/lib/db".',
    });
    return undefined;
  }
  const target = cleanContainerPath(split.target);
  if (!target.startsWith('/')) {
    report(scope, span, { message: `${fieldName(scope)}: the mount target ${JSON.stringify(split.target)} must be an absolute path` });
    return undefined;
  }
  const bind = split.source !== undefined && isHostPath(split.source);
  let readOnly = false;
  let nocopy = false;
  let propagation: string | undefined;
  let selinux: 'z' | 'Z' | undefined;
  const ignored: string[] = [];
  for (const option of split.options) {
    if (option === 'ro' || option === 'rw') readOnly = option === 'ro';
    else if (option === 'nocopy' && !bind) nocopy = true;
    else if (PROPAGATIONS.has(option) && bind) propagation = option;
    else if ((option === 'z' || option === 'Z') && bind) selinux = option;
    else ignored.push(option);
  }
  if (ignored.length > 0) {
    report(scope, span, {
      severity: 'warning',
      code: IGNORED_VALUE,
      message: `docker compose ignores the volume option${ignored.length > 1 ? 's' : ''} ${ignored.map((o) => `'${o}'`).join(', ')} of ${fieldName(scope)}`,
      hint: bind ? 'Bind mounts take ro, rw, z, Z and a propagation (rprivate, shared, …).' : 'Volumes take ro, rw and nocopy.',
    });
  }
  const base = { target, readOnly, syntax: 'short' as const, span, keys: {} };
  if (bind) {
    const mount: BindMount = { type: 'bind', ...base, source: split.source!, resolved: resolveHostPath(split.source!, scope, span), createHostPath: true };
    if (propagation) mount.propagation = propagation;
    if (selinux) mount.selinux = selinux;
    return mount;
  }
  const mount: VolumeMount = { type: 'volume', ...base, nocopy };
  if (split.source !== undefined) mount.source = split.source;
  return mount;
}

/** Service-level `tmpfs:` — a path or a list of `PATH[:OPTIONS]` (`/run:size=64m,mode=1777,noexec`). */
export function readTmpfs(node: Located, scope: Scope): TmpfsMount[] {
  const items: [string, Span, Scope][] = [];
  if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      const s = within(scope, i);
      const text = readString(item, s);
      if (text !== undefined) items.push([text, item.span, s]);
    });
  } else {
    const text = readString(node, scope);
    if (text !== undefined) items.push([text, node.span, scope]);
  }
  const out: TmpfsMount[] = [];
  for (const [text, span, s] of items) {
    const colon = text.indexOf(':');
    const target = cleanContainerPath(colon === -1 ? text : text.slice(0, colon));
    if (!target.startsWith('/')) {
      report(s, span, { message: `${fieldName(s)}: the tmpfs path ${JSON.stringify(target)} must be an absolute path` });
      continue;
    }
    const mount: TmpfsMount = { type: 'tmpfs', target, readOnly: false, syntax: 'short', span, keys: {} };
    const options: string[] = [];
    for (const option of colon === -1 ? [] : text.slice(colon + 1).split(',')) {
      applyTmpfsOption(option, mount, options, s, span);
    }
    if (options.length > 0) mount.options = options;
    out.push(mount);
  }
  return out;
}

function applyTmpfsOption(option: string, mount: TmpfsMount, options: string[], scope: Scope, span: Span): void {
  const [name, value = ''] = option.split('=', 2) as [string, string?];
  if (name === 'ro' || name === 'rw') mount.readOnly = name === 'ro';
  else if (name === 'size' && /^\d+[kmg]?$/i.test(value)) {
    const unit = value.slice(-1).toLowerCase();
    const power = unit === 'k' ? 1 : unit === 'm' ? 2 : unit === 'g' ? 3 : 0;
    mount.size = parseInt(value, 10) * 1024 ** power;
  } else if (name === 'mode' && /^[0-7]+$/.test(value)) mount.mode = parseInt(value, 8);
  else {
    if (name === 'size' || name === 'mode') {
      report(scope, span, { severity: 'warning', message: `${fieldName(scope)}: cannot read the tmpfs option ${JSON.stringify(option)}; it is kept as written` });
    }
    if (option !== '') options.push(option);
  }
}

