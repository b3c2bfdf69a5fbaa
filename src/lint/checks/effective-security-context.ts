/**
 * A container's effective security setting: the container's `securityContext` field when set, else the
 * pod's (for the fields both levels have: runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions,
 * seccompProfile, appArmorProfile, windowsOptions), as the kubelet resolves them.
 */
import type { FieldPath } from '../../diagnostics.js';
import { isObject, type ContainerRef } from '../../k8s/object.js';

export type PodLevelSecurityField = 'runAsUser' | 'runAsGroup' | 'runAsNonRoot' | 'seLinuxOptions' | 'seccompProfile' | 'appArmorProfile' | 'windowsOptions';

export interface EffectiveSetting {
  value: unknown;
  /** Where it is set, from the object. */
  path: FieldPath;
  level: 'container' | 'pod';
}

/** The effective value of a field, or undefined when neither level sets it (`null` counts as not set). */
export function effectiveSecuritySetting(ref: ContainerRef, field: PodLevelSecurityField): EffectiveSetting | undefined {
  const own = ref.container.securityContext;
  if (isObject(own) && own[field] != null) return { value: own[field], path: [...ref.path, 'securityContext', field], level: 'container' };
  const pod = ref.template.spec.securityContext;
  if (isObject(pod) && pod[field] != null) return { value: pod[field], path: [...ref.template.specPath, 'securityContext', field], level: 'pod' };
  return undefined;
}
