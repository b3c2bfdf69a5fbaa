import { replicatedKinds } from '../../k8s/kinds.js';
import { isObject, type ManifestObject } from '../../k8s/object.js';
import { defineRule } from '../rule.js';

interface Options {
  /** Flag explicit `spec.replicas` below this (0 = no minimum). */
  min: number;
}

/** Autoscalers whose `spec.scaleTargetRef` owns a workload's replica count. */
const autoscalerKinds = ['HorizontalPodAutoscaler', 'ScaledObject'] as const;

/**
 * A Deployment, StatefulSet or ReplicaSet without `spec.replicas` runs one Pod: no redundancy, and a
 * single node drain is an outage. Not reported when a HorizontalPodAutoscaler (or KEDA ScaledObject)
 * targets the workload, since then the autoscaler owns the count.
 */
export default defineRule<Options>({
  id: 'missing-replicas',
  meta: {
    description: 'A Deployment, StatefulSet or ReplicaSet should set spec.replicas (or be autoscaled)',
    help:
      'Set `spec.replicas` (2 or more for redundancy), or let a HorizontalPodAutoscaler own the count. Without it Kubernetes quietly runs a single Pod.',
    severity: 'warning',
    appliesTo: ['Deployment', 'StatefulSet', 'ReplicaSet'],
    messages: {
      missing:
        "{{kind}} '{{name}}' does not set spec.replicas and no HorizontalPodAutoscaler targets it: Kubernetes runs a single Pod.",
      belowMin: "{{kind}} '{{name}}' runs {{replicas}} replica(s), fewer than the configured minimum of {{min}}.",
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { min: { type: 'integer', minimum: 0 } },
    },
    defaults: { min: 0 },
  },
  create(context, options) {
    const autoscaled = new Set<string>();
    for (const kind of autoscalerKinds) {
      for (const hpa of context.graph.ofKind(kind)) {
        const ref = isObject(hpa.value.spec) ? hpa.value.spec.scaleTargetRef : undefined;
        if (!isObject(ref) || typeof ref.name !== 'string') continue;
        const targetKind = typeof ref.kind === 'string' ? ref.kind : 'Deployment';
        autoscaled.add(key(targetKind, hpa.namespace, ref.name));
      }
    }
    const visit = (object: ManifestObject): void => {
      if (!replicatedKinds.has(object.kind)) return;
      const spec = object.value.spec;
      const replicas = isObject(spec) ? spec.replicas : undefined;
      const data = { kind: object.kind, name: object.name };
      if (replicas === undefined || replicas === null) {
        if (autoscaled.has(key(object.kind, object.namespace, object.name))) return;
        context.report({
          messageId: 'missing',
          // The `spec` key, where replicas belong; `kind` when there is no spec at all.
          path: spec === undefined ? ['kind'] : ['spec'],
          key: true,
          data,
          hint: 'Set spec.replicas (2 or more for anything that serves traffic), or add a HorizontalPodAutoscaler.',
        });
        return;
      }
      if (typeof replicas === 'number' && replicas < options.min) {
        context.report({ messageId: 'belowMin', path: ['spec', 'replicas'], data: { ...data, replicas, min: options.min } });
      }
    };
    return { Deployment: visit, StatefulSet: visit, ReplicaSet: visit };
  },
});

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}
