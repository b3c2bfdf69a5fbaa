import type { FieldPath } from '../../diagnostics.js';
import { isObject, podTemplatesOf, type ManifestObject } from '../../k8s/object.js';
import { ingressBackends, keysOf, podTemplateReferences, providedSecretName, secretProviderKinds } from '../../k8s/references.js';
import { formatSelector, isEmptySelector, podTemplatesSelectedBy, readLabelSelector } from '../../k8s/selectors.js';
import { toPortNumber } from '../../k8s/services.js';
import { defineRule, type RuleContext } from '../rule.js';

interface Options {
  /** Report references to kinds the input holds none of (by default such references are assumed to live elsewhere). */
  alwaysReport: boolean;
}

/** Objects every namespace has without anyone writing them. */
const implicit: Readonly<Record<string, readonly string[]>> = {
  ServiceAccount: ['default'],
  ConfigMap: ['kube-root-ca.crt'],
};

/**
 * A reference by name to an object the input does not hold: an Ingress backend Service or port, an
 * HPA's scale target, a PDB or NetworkPolicy selector that selects no Pod, a ConfigMap, Secret,
 * PersistentVolumeClaim or ServiceAccount a Pod template uses, a StatefulSet's governing Service.
 * Only kinds present in the input at least once are checked, so linting part of an app stays quiet.
 */
export default defineRule<Options>({
  id: 'dangling-reference',
  meta: {
    description: 'A reference to an object (or key, port, Pod) that does not exist in the input',
    help:
      'Add the referenced object (ConfigMap, Secret, Service, PVC, ServiceAccount, HPA or PDB target) to the input, or fix the name, key or port. A Pod that mounts a missing ConfigMap or Secret never starts, and an Ingress to a missing Service answers 503; none of this fails at `kubectl apply` time.',
    severity: 'warning',
    appliesTo: ['@pod-templates', 'Ingress', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy'],
    messages: {
      missingObject: "{{ownerKind}} '{{owner}}' refers to {{kind}} '{{target}}', which is not in the input (namespace '{{ns}}').",
      missingKey: "{{ownerKind}} '{{owner}}' reads key '{{key}}' of {{kind}} '{{target}}', which has no such key (keys: {{keys}}).",
      missingServicePort: "Ingress '{{owner}}' routes to port {{port}} of Service '{{target}}', which has no such port (ports: {{ports}}).",
      selectsNothing: "{{ownerKind}} '{{owner}}' selects no Pod: no Pod template in namespace '{{ns}}' matches {{selector}}.",
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { alwaysReport: { type: 'boolean' } },
    },
    defaults: { alwaysReport: false },
  },
  create(context, options) {
    const graph = context.graph;
    const providedSecrets = new Set<string>();
    for (const kind of secretProviderKinds) {
      for (const o of graph.ofKind(kind)) {
        const name = providedSecretName(o);
        if (name) providedSecrets.add(`${o.namespace ?? ''}/${name}`);
      }
    }
    const present = (kind: string) =>
      options.alwaysReport || graph.hasKind(kind) || (kind === 'Secret' && providedSecrets.size > 0);
    const anyPods = options.alwaysReport || graph.objects.some((o) => podTemplatesOf(o).length > 0);
    const lookup = (kind: string, name: string, ns: string | undefined): ManifestObject | 'exists' | undefined => {
      if (implicit[kind]?.includes(name)) return 'exists';
      const found = graph.find({ kind, name, namespace: ns });
      if (found) return found;
      if (kind === 'Secret' && providedSecrets.has(`${ns ?? ''}/${name}`)) return 'exists';
      return undefined;
    };
    const missing = (owner: ManifestObject, kind: string, target: string, path: FieldPath) =>
      context.report({
        messageId: 'missingObject',
        path,
        data: { ownerKind: owner.kind, owner: owner.name, kind, target, ns: owner.namespace ?? '' },
        hint: `Add the ${kind} to the manifests, fix the name, or (if it is created elsewhere) suppress this finding.`,
      });

    return {
      '@pod-templates'(object) {
        for (const template of podTemplatesOf(object)) {
          for (const ref of podTemplateReferences(template)) {
            if (!present(ref.kind)) continue;
            const target = lookup(ref.kind, ref.name, object.namespace);
            if (!target) {
              missing(object, ref.kind, ref.name, ref.path);
              continue;
            }
            if (target === 'exists' || !ref.key) continue;
            const keys = keysOf(target);
            if (keys.has(ref.key.name)) continue;
            context.report({
              messageId: 'missingKey',
              path: ref.key.path,
              data: { ownerKind: object.kind, owner: object.name, key: ref.key.name, kind: ref.kind, target: ref.name, keys: [...keys].join(', ') || 'none' },
              related: [{ object: target, path: ['metadata', 'name'], message: `${ref.kind} '${ref.name}'` }],
            });
          }
        }
        const spec = object.value.spec;
        if (object.kind === 'StatefulSet' && isObject(spec) && typeof spec.serviceName === 'string' && spec.serviceName !== '' && present('Service')) {
          if (!lookup('Service', spec.serviceName, object.namespace)) missing(object, 'Service', spec.serviceName, ['spec', 'serviceName']);
        }
      },
      Ingress(ingress) {
        if (!present('Service')) return;
        for (const b of ingressBackends(ingress)) {
          const service = lookup('Service', b.service, ingress.namespace);
          if (!service) {
            missing(ingress, 'Service', b.service, b.servicePath);
            continue;
          }
          if (service === 'exists' || b.port === undefined) continue;
          checkPort(context, ingress, service, b.service, b.port, b.portPath);
        }
      },
      HorizontalPodAutoscaler(hpa) {
        const ref = isObject(hpa.value.spec) ? hpa.value.spec.scaleTargetRef : undefined;
        if (!isObject(ref) || typeof ref.kind !== 'string' || typeof ref.name !== 'string') return;
        if (!present(ref.kind) || lookup(ref.kind, ref.name, hpa.namespace)) return;
        missing(hpa, ref.kind, ref.name, ['spec', 'scaleTargetRef', 'name']);
      },
      PodDisruptionBudget(pdb) {
        if (!anyPods || !isObject(pdb.value.spec)) return;
        checkSelector(context, pdb, pdb.value.spec.selector, ['spec', 'selector']);
      },
      NetworkPolicy(policy) {
        const spec = policy.value.spec;
        if (!anyPods || !isObject(spec)) return;
        checkSelector(context, policy, spec.podSelector, ['spec', 'podSelector']);
        for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
          const rules = spec[direction];
          if (!Array.isArray(rules)) continue;
          rules.forEach((rule, i) => {
            if (!isObject(rule) || !Array.isArray(rule[peers])) return;
            rule[peers].forEach((peer, j) => {
              // A peer with a namespaceSelector selects Pods in other namespaces: not ours to check.
              if (!isObject(peer) || peer.namespaceSelector !== undefined) return;
              checkSelector(context, policy, peer.podSelector, ['spec', direction, i, peers, j, 'podSelector']);
            });
          });
        }
      },
    };
  },
});

function checkPort(context: RuleContext, ingress: ManifestObject, service: ManifestObject, name: string, port: number | string, path: FieldPath): void {
  const ports = isObject(service.value.spec) && Array.isArray(service.value.spec.ports) ? service.value.spec.ports.filter(isObject) : [];
  const number = toPortNumber(port);
  const found = ports.some((p) => (number !== undefined ? toPortNumber(p.port) === number : p.name === port));
  if (found) return;
  context.report({
    messageId: 'missingServicePort',
    path,
    data: {
      owner: ingress.name,
      port: String(port),
      target: name,
      ports: ports.map((p) => (typeof p.name === 'string' ? `${String(p.port)} (${p.name})` : String(p.port))).join(', ') || 'none',
    },
    related: [{ object: service, path: ['spec', 'ports'], message: `the ports of Service '${name}'`, key: true }],
  });
}

function checkSelector(context: RuleContext, owner: ManifestObject, value: unknown, path: FieldPath): void {
  const selector = readLabelSelector(value);
  if (!selector || isEmptySelector(selector)) return;
  if (podTemplatesSelectedBy(context.graph, owner.namespace, selector).length > 0) return;
  context.report({
    messageId: 'selectsNothing',
    path,
    key: true,
    data: { ownerKind: owner.kind, owner: owner.name, ns: owner.namespace ?? '', selector: formatSelector(selector) },
    hint: 'Make the selector match the labels of a Pod template (spec.template.metadata.labels of the workload).',
  });
}
