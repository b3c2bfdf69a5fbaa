/**
 * What LimitRanges give containers that set no resources: per namespace, the resource names whose
 * request and whose limit a LimitRange of type Container fills in. Mirrors the API server's defaulting of
 * LimitRange items: a default limit falls back to `max`; a default request to `default`, `max` or `min`.
 */
import { isObject, type ManifestObject } from '../../k8s/object.js';

export interface ResourceDefaults {
  requests: ReadonlySet<string>;
  limits: ReadonlySet<string>;
}

const NONE: ResourceDefaults = { requests: new Set(), limits: new Set() };

export class LimitRangeDefaults {
  private readonly byNamespace = new Map<string, { requests: Set<string>; limits: Set<string> }>();

  constructor(limitRanges: readonly ManifestObject[]) {
    for (const lr of limitRanges) {
      if (lr.namespace === undefined || !isObject(lr.value.spec) || !Array.isArray(lr.value.spec.limits)) continue;
      for (const item of lr.value.spec.limits) {
        if (!isObject(item) || item.type !== 'Container') continue;
        let entry = this.byNamespace.get(lr.namespace);
        if (!entry) this.byNamespace.set(lr.namespace, (entry = { requests: new Set(), limits: new Set() }));
        const names = (field: string) => (isObject(item[field]) ? Object.keys(item[field]) : []);
        for (const r of [...names('default'), ...names('max')]) entry.limits.add(r);
        for (const r of [...names('defaultRequest'), ...names('default'), ...names('max'), ...names('min')]) entry.requests.add(r);
      }
    }
  }

  /** Resource names defaulted for containers in `namespace`. */
  of(namespace: string | undefined): ResourceDefaults {
    return (namespace !== undefined && this.byNamespace.get(namespace)) || NONE;
  }
}
