/**
 * THE labels that tie a service's objects together. The workload's `spec.selector.matchLabels`, its pod
 * template's labels and its Service's `spec.selector` are all `selectorLabels(...)`, so they cannot disagree.
 * Objects carry the same labels in `metadata.labels` (plus whatever a part adds, never in a selector).
 */
import { toDnsLabel } from './names.js';

export const NAME_LABEL = 'app.kubernetes.io/name';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'shipshape';

/** The selector of a service's pods. `serviceName` is the service's Kubernetes name; `project` the project name. */
export function selectorLabels(project: string, serviceName: string): Record<string, string> {
  return {
    [NAME_LABEL]: serviceName,
    [PART_OF_LABEL]: projectLabelValue(project),
    [MANAGED_BY_LABEL]: MANAGED_BY,
  };
}

/** Labels of objects that belong to the project rather than to one service (a shared PVC, the Namespace). */
export function projectLabels(project: string): Record<string, string> {
  return { [PART_OF_LABEL]: projectLabelValue(project), [MANAGED_BY_LABEL]: MANAGED_BY };
}

/** A project name as a label value (a label value may be empty or a DNS-label-like name of 63 characters). */
export function projectLabelValue(project: string): string {
  return toDnsLabel(project === '' ? 'default' : project);
}

/** A label or annotation key: an optional DNS-1123 subdomain prefix and `/`, then a name of at most 63 characters. */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(prefix))) return false;
  return name.length <= 63 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(name);
}

/** A label value: empty, or at most 63 letters, digits, '-', '_', '.' beginning and ending with a letter or digit. */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(value));
}
