/**
 * Names of the pod volumes and per-service objects (bind-mount ConfigMaps and claims, the env_file ConfigMap,
 * secret and config volumes) a service gets: `<service>-<suffix>` (names.ts derivedName), unique within the
 * service — a suffix used twice gets a short hash of what it names — so the volumes of one pod never clash,
 * whichever part (volumes.ts, config-objects.ts) names them. Also the names external objects are referenced by.
 */
import type { ObjectRef } from '../diagnostics.js';
import { derivedName, shortHash, toDnsLabel } from './names.js';
import type { At, ServiceScope, TranslateContext } from './context.js';

export class VolumeNames {
  private readonly used = new Set<string>();

  constructor(private readonly base: string) {}

  /** `<service>-<suffix>`; `identity` (what the name stands for) tells two different things apart. */
  name(suffix: string, identity: string = suffix): string {
    let name = derivedName(this.base, suffix);
    if (this.used.has(name)) name = derivedName(this.base, `${suffix}-${shortHash(identity)}`);
    this.used.add(name);
    return name;
  }

  /** Reserve a name given elsewhere (a named volume's claim, used as the pod volume's name). */
  reserve(name: string): void {
    this.used.add(name);
  }
}

const byScope = new WeakMap<ServiceScope, VolumeNames>();

/** The names of one service (shared by the parts that add volumes to its pod). */
export function volumeNamesOf(scope: ServiceScope): VolumeNames {
  let names = byScope.get(scope);
  if (!names) {
    names = new VolumeNames(scope.name);
    byScope.set(scope, names);
  }
  return names;
}

/** `/usr/share/nginx/html` → `usr-share-nginx-html`; `/` → `root`: a path as a name suffix. */
export function pathSuffix(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '').replace(/\/+/g, '-');
  return trimmed === '' ? 'root' : trimmed;
}

/** A DNS-1123 subdomain (at most 253 characters): what Secret, ConfigMap and claim names may be. */
export function isObjectName(name: string): boolean {
  return name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name);
}

/**
 * The name an external object (volume claim, Secret, ConfigMap) is referenced by: its name when it is a valid
 * object name, else that name as a DNS label, with a warning at `at` (the object referenced is then another).
 */
export function externalName(ctx: TranslateContext, name: string, at: At, what: string, object: ObjectRef): string {
  if (isObjectName(name)) return name;
  const normalized = toDnsLabel(name);
  ctx.warn('convert/external-name', at, `'${name}' is no valid Kubernetes object name: the external ${what} is referenced as '${normalized}', which must exist under that name`, { object });
  return normalized;
}
