/**
 * STUB (owned by helper F2): the per-service `x-shipshape` block (validated by schemas/x-shipshape.schema.json,
 * positioned errors) merged with kompose.* labels (kompose-labels.ts), as ServiceSettings.
 *
 * Contract used by the core (index.ts, workload.ts, service.ts, container.ts):
 *   readServiceSettings(ctx, service) is called once per service, before any other part, and never throws.
 *   F2 may ADD fields to ServiceSettings (ingress, autoscaling, disruption budget, volume settings …); the
 *   fields below are read by the core and keep their meaning.
 */
import type { Service } from '../compose/model.js';
import type { At, TranslateContext } from './context.js';

export type ControllerKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Headless';

export interface ServiceSettings {
  /** Controller kind requested explicitly (x-shipshape `controller`, kompose.controller.type); `at` = where. */
  controller?: { kind: ControllerKind; at: At };
  /** CronJob schedule (required when controller is CronJob; workload.ts reports its absence). */
  schedule?: { value: string; at: At };
  /** Kubernetes Service type; `Headless` = ClusterIP with `clusterIP: None`. Default ClusterIP. */
  serviceType?: ServiceType;
  /** nodePort for the first Service port (NodePort/LoadBalancer only). */
  nodePort?: number;
  /** Extra labels/annotations: on the Service object; on the pod template (never part of selectors). */
  serviceLabels: Record<string, string>;
  serviceAnnotations: Record<string, string>;
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  /** Pod `imagePullSecrets` names. */
  imagePullSecrets: string[];
  /** Overrides the policy derived from `pull_policy`. */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** Pod `serviceAccountName`. */
  serviceAccountName?: string;
  /**
   * Claims for this service's named volumes and PVC bind mounts (x-shipshape `volumes`, kompose.volume.size,
   * kompose.volume.storage-class). Read by volumes.ts; `--pvc-size` and ReadWriteOnce are the defaults.
   */
  volumeClaim?: VolumeClaimSettings;
}

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

export interface VolumeClaimSettings {
  size?: { value: string; at: At };
  storageClassName?: { value: string; at: At };
  accessModes?: { value: AccessMode[]; at: At };
}

export function emptySettings(): ServiceSettings {
  return { serviceLabels: {}, serviceAnnotations: {}, podLabels: {}, podAnnotations: {}, imagePullSecrets: [] };
}

/** x-shipshape + kompose.* labels of one service. STUB: no settings yet. */
export function readServiceSettings(_ctx: TranslateContext, _service: Service): ServiceSettings {
  return emptySettings();
}
