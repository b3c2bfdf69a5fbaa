/**
 * The order in which generated objects are written, so `kubectl apply -f` works on an empty cluster:
 * what others refer to comes first (Namespace, ServiceAccount, Secret, ConfigMap, PVC, Service), then the
 * workloads, then what refers to workloads (Ingress, HPA, PDB, NetworkPolicy); within a kind, by name.
 */
import type { KubeObject } from './context.js';

export const KIND_ORDER: readonly string[] = [
  'Namespace',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'PersistentVolumeClaim',
  'Service',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Ingress',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
];

const rank = new Map(KIND_ORDER.map((kind, i) => [kind, i]));

function kindRank(kind: string): number {
  return rank.get(kind) ?? KIND_ORDER.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareObjects(a: KubeObject, b: KubeObject): number {
  return (
    kindRank(a.kind) - kindRank(b.kind) ||
    compareText(a.kind, b.kind) ||
    compareText(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
    compareText(a.metadata.name, b.metadata.name)
  );
}

export function orderObjects(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort(compareObjects);
}
