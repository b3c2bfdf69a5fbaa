/**
 * References from one object to another by name, found where Kubernetes puts them: what a Pod
 * template mounts or reads (ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount), an Ingress's
 * backends, an autoscaler's target, a StatefulSet's governing Service.
 */
import type { FieldPath } from '../diagnostics.js';
import { isObject, type JsonObject, type ManifestObject, type PodTemplate } from './object.js';

export interface NameReference {
  kind: string;
  name: string;
  /** Path from the referring object to the name. */
  path: FieldPath;
  /** A key read from a ConfigMap or Secret, and its path. */
  key?: { name: string; path: FieldPath };
}

export interface BackendReference {
  service: string;
  servicePath: FieldPath;
  port: number | string | undefined;
  portPath: FieldPath;
}

/** References of a Pod template; `optional: true` ones are left out (a missing target is allowed). */
export function podTemplateReferences(template: PodTemplate): NameReference[] {
  const out: NameReference[] = [];
  const spec = template.spec;
  const at = template.specPath;
  const add = (kind: string, name: unknown, path: FieldPath, optional: unknown, key?: { name: unknown; path: FieldPath }) => {
    if (typeof name !== 'string' || name === '' || optional === true) return;
    const ref: NameReference = { kind, name, path };
    if (key && typeof key.name === 'string') ref.key = { name: key.name, path: key.path };
    out.push(ref);
  };
  const account = typeof spec.serviceAccountName === 'string' ? 'serviceAccountName' : 'serviceAccount';
  if (spec[account] !== 'default') add('ServiceAccount', spec[account], [...at, account], false);
  eachItem(spec.imagePullSecrets, (s, i) => add('Secret', s.name, [...at, 'imagePullSecrets', i, 'name'], false));
  const claimTemplates = volumeClaimTemplateNames(template.owner);
  eachItem(spec.volumes, (v, i) => {
    // A StatefulSet's volumeClaimTemplates take precedence over template volumes of the same name.
    if (typeof v.name === 'string' && claimTemplates.has(v.name)) return;
    const base = [...at, 'volumes', i];
    if (isObject(v.configMap)) add('ConfigMap', v.configMap.name, [...base, 'configMap', 'name'], v.configMap.optional);
    if (isObject(v.secret)) add('Secret', v.secret.secretName, [...base, 'secret', 'secretName'], v.secret.optional);
    if (isObject(v.persistentVolumeClaim)) add('PersistentVolumeClaim', v.persistentVolumeClaim.claimName, [...base, 'persistentVolumeClaim', 'claimName'], false);
    if (isObject(v.projected)) {
      eachItem(v.projected.sources, (s, j) => {
        const p = [...base, 'projected', 'sources', j];
        if (isObject(s.configMap)) add('ConfigMap', s.configMap.name, [...p, 'configMap', 'name'], s.configMap.optional);
        if (isObject(s.secret)) add('Secret', s.secret.name, [...p, 'secret', 'name'], s.secret.optional);
      });
    }
  });
  for (const kind of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    eachItem(spec[kind], (c, i) => {
      const base = [...at, kind, i];
      eachItem(c.envFrom, (e, j) => {
        if (isObject(e.configMapRef)) add('ConfigMap', e.configMapRef.name, [...base, 'envFrom', j, 'configMapRef', 'name'], e.configMapRef.optional);
        if (isObject(e.secretRef)) add('Secret', e.secretRef.name, [...base, 'envFrom', j, 'secretRef', 'name'], e.secretRef.optional);
      });
      eachItem(c.env, (e, j) => {
        if (!isObject(e.valueFrom)) return;
        const p = [...base, 'env', j, 'valueFrom'];
        const cm = e.valueFrom.configMapKeyRef;
        if (isObject(cm)) add('ConfigMap', cm.name, [...p, 'configMapKeyRef', 'name'], cm.optional, { name: cm.key, path: [...p, 'configMapKeyRef', 'key'] });
        const s = e.valueFrom.secretKeyRef;
        if (isObject(s)) add('Secret', s.name, [...p, 'secretKeyRef', 'name'], s.optional, { name: s.key, path: [...p, 'secretKeyRef', 'key'] });
      });
    });
  }
  return out;
}

/** Every Service backend of an Ingress (networking.k8s.io/v1 and the older `serviceName`/`servicePort`). */
export function ingressBackends(ingress: ManifestObject): BackendReference[] {
  const out: BackendReference[] = [];
  const spec = ingress.value.spec;
  if (!isObject(spec)) return out;
  const add = (backend: unknown, path: FieldPath) => {
    if (!isObject(backend)) return;
    if (isObject(backend.service) && typeof backend.service.name === 'string') {
      const port = isObject(backend.service.port) ? backend.service.port : {};
      const which = port.number !== undefined ? 'number' : 'name';
      const value = port[which];
      out.push({
        service: backend.service.name,
        servicePath: [...path, 'service', 'name'],
        port: typeof value === 'number' || typeof value === 'string' ? value : undefined,
        portPath: [...path, 'service', 'port', which],
      });
    } else if (typeof backend.serviceName === 'string') {
      const value = backend.servicePort;
      out.push({
        service: backend.serviceName,
        servicePath: [...path, 'serviceName'],
        port: typeof value === 'number' || typeof value === 'string' ? value : undefined,
        portPath: [...path, 'servicePort'],
      });
    }
  };
  add(spec.defaultBackend, ['spec', 'defaultBackend']);
  add(spec.backend, ['spec', 'backend']);
  eachItem(spec.rules, (rule, i) => {
    if (!isObject(rule.http)) return;
    eachItem(rule.http.paths, (p, j) => add(p.backend, ['spec', 'rules', i, 'http', 'paths', j, 'backend']));
  });
  return out;
}

/** Names of a StatefulSet's `spec.volumeClaimTemplates` (empty for other objects). */
function volumeClaimTemplateNames(owner: ManifestObject): Set<string> {
  const names = new Set<string>();
  const spec = owner.value.spec;
  if (!isObject(spec)) return names;
  eachItem(spec.volumeClaimTemplates, (t) => {
    if (isObject(t.metadata) && typeof t.metadata.name === 'string') names.add(t.metadata.name);
  });
  return names;
}

function eachItem(list: unknown, fn: (item: JsonObject, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (isObject(item)) fn(item, i);
  });
}

/** Keys of a ConfigMap (`data`, `binaryData`) or Secret (`data`, `stringData`). */
export function keysOf(object: ManifestObject): Set<string> {
  const keys = new Set<string>();
  for (const field of ['data', 'binaryData', 'stringData']) {
    const map = object.value[field];
    if (isObject(map)) for (const k of Object.keys(map)) keys.add(k);
  }
  return keys;
}

/**
 * Objects that create a Secret of their name when applied (sealed-secrets, external-secrets,
 * cert-manager): the Secret name each provides.
 */
export function providedSecretName(object: ManifestObject): string | undefined {
  const spec = isObject(object.value.spec) ? object.value.spec : {};
  switch (object.kind) {
    case 'SealedSecret':
      return isObject(spec.template) && isObject(spec.template.metadata) && typeof spec.template.metadata.name === 'string'
        ? spec.template.metadata.name
        : object.name;
    case 'ExternalSecret':
      return isObject(spec.target) && typeof spec.target.name === 'string' ? spec.target.name : object.name;
    case 'Certificate':
      return typeof spec.secretName === 'string' ? spec.secretName : undefined;
    default:
      return undefined;
  }
}

export const secretProviderKinds: readonly string[] = ['SealedSecret', 'ExternalSecret', 'Certificate'];
