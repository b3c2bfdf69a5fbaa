import { formatLabels } from '../../k8s/selectors.js';
import { RUNTIME_POD_LABELS, serviceSelectorOf } from '../../k8s/services.js';
import { isObject, type ManifestObject, type PodTemplate } from '../../k8s/object.js';
import { editDistance } from '../../text/edit-distance.js';
import { defineRule, type ObjectGraph } from '../rule.js';

interface Options {
  /** Selector labels to leave out of matching (labels controllers add to Pods at run time). */
  ignoredLabels: string[];
  /**
   * Report even when the Pods look deployed from elsewhere: no Pod template in the Service's namespace,
   * or none that uses any of its selector's label keys.
   */
  alwaysReport: boolean;
}

/**
 * A Service whose selector matches no Pod template in its namespace routes traffic nowhere. Found
 * through the graph's label index. When nothing matches: Pods with those labels in another namespace
 * are named (a namespace mistake); the templates that miss by one label are examined for a near miss
 * (a one-key difference or a small typo) to name in the message. A namespace without any Pod template
 * in the input, or whose templates use none of the selector's label keys, is left alone: its Pods are
 * deployed from elsewhere.
 */
export default defineRule<Options>({
  id: 'service-selector-mismatch',
  meta: {
    description: 'A Service must select at least one Pod template in its namespace',
    help:
      'Make the Service\'s `spec.selector` match the labels of the Pod template it should route to (the message names the nearest candidate). A Service that selects nothing has no endpoints.',
    severity: 'error',
    appliesTo: ['Service'],
    messages: {
      noMatch: "Service '{{name}}' selects no Pod: no Pod template in namespace '{{ns}}' has the labels {{selector}}.",
      otherNamespace:
        "Service '{{name}}' selects no Pod in namespace '{{ns}}', but {{kind}} '{{target}}' in namespace '{{otherNs}}' has the labels {{selector}}: is one of them in the wrong namespace?",
      nearMiss:
        "Service '{{name}}' selects no Pod: its selector has {{key}}: {{actual}}; did you mean {{expectedKey}}: {{expected}} (the labels of {{kind}} '{{target}}')?",
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignoredLabels: { type: 'array', items: { type: 'string' } },
        alwaysReport: { type: 'boolean' },
      },
    },
    defaults: { ignoredLabels: [], alwaysReport: false },
  },
  create(context, options) {
    const ignored = [...RUNTIME_POD_LABELS, ...options.ignoredLabels];
    const graph = context.graph;
    const namespaces = new Set<string>();
    for (const o of graph.objects) if (o.namespace !== undefined && !namespaces.has(o.namespace) && graph.podTemplates(o.namespace).length > 0) namespaces.add(o.namespace);
    return {
      Service(service) {
        const selector = serviceSelectorOf(service, ignored);
        if (!selector || Object.keys(selector).length === 0) return;
        if (graph.podTemplatesMatching(service.namespace, selector).length > 0) return;
        const base = { name: service.name, ns: service.namespace ?? '' };
        // The right Pods in another namespace: a namespace mistake (often a defaulted one).
        for (const ns of namespaces) {
          if (ns === service.namespace) continue;
          const elsewhere = graph.podTemplatesMatching(ns, selector)[0];
          if (!elsewhere) continue;
          const explicit = isObject(service.value.metadata) && typeof service.value.metadata.namespace === 'string';
          context.report({
            messageId: 'otherNamespace',
            path: explicit ? ['metadata', 'namespace'] : ['metadata', 'name'],
            data: { ...base, kind: elsewhere.owner.kind, target: elsewhere.owner.name, otherNs: ns, selector: formatLabels(selector) },
            hint: 'A Service only selects Pods in its own namespace: put both in the same namespace (objects without one are in --namespace, or default).',
            related: [relatedLabels(elsewhere, Object.keys(selector)[0]!)],
          });
          return;
        }
        // No Pod template at all in the namespace: its Pods are deployed from elsewhere.
        const local = graph.podTemplates(service.namespace);
        if (local.length === 0 && !options.alwaysReport) return;
        const near = nearMiss(graph, service.namespace, selector);
        if (!near) {
          // Not one template here uses any of the selector's label keys: the Service most likely selects
          // Pods deployed by something else (a Helm chart, an operator) in a namespace shared with the input.
          if (!options.alwaysReport && !local.some((t) => Object.keys(selector).some((k) => k in t.labels))) return;
          context.report({
            messageId: 'noMatch',
            path: ['spec', 'selector'],
            key: true,
            data: { ...base, selector: formatLabels(selector) },
            hint: 'Make the selector equal to the labels of the Pod template it should route to (spec.template.metadata.labels of the workload).',
          });
          return;
        }
        const owner = near.template.owner;
        context.report({
          messageId: 'nearMiss',
          path: ['spec', 'selector', near.key],
          data: {
            ...base,
            key: near.key,
            actual: selector[near.key]!,
            expectedKey: near.expectedKey,
            expected: near.expected,
            kind: owner.kind,
            target: owner.name,
          },
          hint: `Change the selector to ${near.expectedKey}: ${near.expected}, or the Pod template's labels, so they agree.`,
          related: [relatedLabels(near.template, near.expectedKey)],
        });
      },
    };
  },
});

interface NearMiss {
  template: PodTemplate;
  /** The selector key that does not match. */
  key: string;
  /** The label of the template it most likely meant. */
  expectedKey: string;
  expected: string;
}

/**
 * The template that matches every pair of the selector but one, preferring a small typo in that pair.
 * For a one-pair selector any template could "match the rest", so a typo (key or value) is required.
 */
function nearMiss(graph: ObjectGraph, namespace: string | undefined, selector: Record<string, string>): NearMiss | undefined {
  const keys = Object.keys(selector);
  let best: { near: NearMiss; score: number } | undefined;
  for (const key of keys) {
    const rest = { ...selector };
    delete rest[key];
    const value = selector[key]!;
    for (const template of graph.podTemplatesMatching(namespace, rest)) {
      const candidate = closestLabel(template, key, value);
      if (!candidate) continue;
      const score = candidate.distance;
      if (keys.length === 1 && score > typoBudget(value, key)) continue;
      if (!best || score < best.score) best = { near: { template, key, expectedKey: candidate.key, expected: candidate.value }, score };
    }
  }
  return best?.near;
}

/** The template label closest to `key: value`: same key (value typo) or same value (key typo). */
function closestLabel(template: PodTemplate, key: string, value: string): { key: string; value: string; distance: number } | undefined {
  const same = template.labels[key];
  if (same !== undefined) return { key, value: same, distance: editDistance(value, same, 8) };
  let best: { key: string; value: string; distance: number } | undefined;
  for (const [k, v] of Object.entries(template.labels)) {
    const distance = editDistance(key, k, 8) + editDistance(value, v, 8);
    if (!best || distance < best.distance) best = { key: k, value: v, distance };
  }
  return best;
}

/** A small typo: one edit, or two for longer words. */
function typoBudget(value: string, key: string): number {
  return Math.min(value.length, key.length) >= 6 ? 2 : 1;
}

function relatedLabels(template: PodTemplate, key: string): { object: ManifestObject; path: (string | number)[]; message: string; key: boolean } {
  return {
    object: template.owner,
    path: [...template.path, 'metadata', 'labels', key],
    message: `the labels of ${template.owner.kind} '${template.owner.name}'`,
    key: true,
  };
}
