import { formatLabels } from '../../k8s/selectors.js';
import { RUNTIME_POD_LABELS, serviceSelectorOf } from '../../k8s/services.js';
import { isObject, type ManifestObject, type PodTemplate } from '../../k8s/object.js';
import { editDistance } from '../../text/edit-distance.js';
import { defineRule, type ObjectGraph } from '../rule.js';

interface Options {
  /** Selector labels to leave out of matching (labels controllers add to Pods at run time). */
  ignoredLabels: string[];
  /**
   * Report also when the input holds no Pod template in the Service's namespace at all (its Pods are
   * then deployed from elsewhere, and by default the Service is left alone).
   */
  alwaysReport: boolean;
}

/**
 * A Service whose selector matches no Pod template in its namespace routes traffic nowhere. Found
 * through the graph's label index. When nothing matches: Pods with those labels in another namespace
 * are named (a namespace mistake); otherwise the nearest candidate is named when there is one (a
 * template that misses by one label, the selector's value under another key, or a small typo), found
 * through indexes, never by comparing every Service with every template. Only a namespace without any
 * Pod template in the input (Services linted alone, Pods deployed from elsewhere) is left alone.
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
      missingLabel:
        "Service '{{name}}' selects no Pod: {{kind}} '{{target}}' has the other labels of its selector but no {{key}} label ({{key}}: {{actual}} is in the selector only).",
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
    const labels = new NamespaceLabels(graph);
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
        // No Pod template at all in the namespace: the input does not deploy its Pods (a Service linted
        // alone, or Pods from a Helm chart or an operator in a namespace of their own).
        if (graph.podTemplates(service.namespace).length === 0 && !options.alwaysReport) return;
        const near = nearMiss(graph, labels, service.namespace, selector);
        if (!near) {
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
        const meant = near.meant;
        if (meant === undefined) {
          context.report({
            messageId: 'missingLabel',
            path: ['spec', 'selector', near.key],
            key: true,
            data: { ...base, key: near.key, actual: selector[near.key]!, kind: owner.kind, target: owner.name },
            hint: `Remove ${near.key} from the selector, or add ${near.key}: ${selector[near.key]!} to the Pod template's labels (and to the workload's selector).`,
            related: [relatedLabels(near.template)],
          });
          return;
        }
        context.report({
          messageId: 'nearMiss',
          path: ['spec', 'selector', near.key],
          data: {
            ...base,
            key: near.key,
            actual: selector[near.key]!,
            expectedKey: meant.key,
            expected: meant.value,
            kind: owner.kind,
            target: owner.name,
          },
          hint: `Change the selector to ${meant.key}: ${meant.value}, or the Pod template's labels, so they agree.`,
          related: [relatedLabels(near.template, meant.key)],
        });
      },
    };
  },
});

interface NearMiss {
  template: PodTemplate;
  /** The selector key that does not match. */
  key: string;
  /** The label of the template it most likely meant; undefined when the template has no label to offer. */
  meant?: { key: string; value: string };
}

interface Candidate {
  key: string;
  value: string;
  distance: number;
}

/** Edit distances are computed up to this; anything farther is "far". */
const FAR = 8;

/**
 * The nearest candidate for the one selector pair that misses, tried pair by pair. A label is a candidate
 * for `key: value` when it has the same value under another key (the label was renamed: `app` →
 * `app.kubernetes.io/name`) or a value one edit away under the same key (`my-sever` → `my-server`); the
 * namespace's label indexes list them, and the graph's label index finds a template that has the
 * candidate and every other pair of the selector. A selector of several pairs without such a candidate
 * falls back to the first template that has all its pairs but one, naming its closest label. Nothing
 * here compares a Service with every template.
 */
function nearMiss(graph: ObjectGraph, labels: NamespaceLabels, namespace: string | undefined, selector: Record<string, string>): NearMiss | undefined {
  const keys = Object.keys(selector);
  const index = labels.of(namespace);
  let best: { near: NearMiss; distance: number } | undefined;
  for (const key of keys) {
    const rest = { ...selector };
    delete rest[key];
    for (const c of index.candidates(key, selector[key]!)) {
      if ((best && best.distance <= c.distance) || c.key in rest) continue;
      const template = graph.podTemplatesMatching(namespace, { ...rest, [c.key]: c.value })[0];
      if (template) best = { near: { template, key, meant: { key: c.key, value: c.value } }, distance: c.distance };
    }
  }
  if (best || keys.length === 1) return best?.near;
  for (const key of keys) {
    const rest = { ...selector };
    delete rest[key];
    const template = graph.podTemplatesMatching(namespace, rest)[0];
    if (!template) continue;
    const c = closestLabel(template, key, selector);
    // No label left to compare with: the template has every other pair and simply lacks this key.
    return c ? { template, key, meant: { key: c.key, value: c.value } } : { template, key };
  }
  return undefined;
}

/** The label of a template with the selector's other pairs whose key and value are together closest to `key`'s. */
function closestLabel(template: PodTemplate, key: string, selector: Record<string, string>): Candidate | undefined {
  const value = selector[key]!;
  let best: Candidate | undefined;
  for (const [k, v] of Object.entries(template.labels)) {
    if (k !== key && k in selector) continue;
    const distance = editDistance(key, k, FAR) + editDistance(value, v, FAR);
    if (!best || distance < best.distance) best = { key: k, value: v, distance };
  }
  return best;
}

/** Values like `true`, `1` or `on` are too common to say which label a selector meant. */
function distinctive(value: string): boolean {
  return value.length >= 2 && !/^(true|false|yes|no|on|off|enabled|disabled|\d+)$/i.test(value);
}

const SEP = '\u0000';

/**
 * The labels of one namespace's Pod templates, indexed for near misses: the keys each value appears
 * under, and every label's value with each of its characters deleted (a deletion neighbourhood: two
 * strings one edit apart share an entry), so one-edit typos are looked up, not searched for. Built on
 * first use for a namespace, once per run: linear in the length of its labels.
 */
class LabelIndex {
  private readonly keysByValue = new Map<string, Set<string>>();
  private readonly valuesByVariant = new Map<string, Set<string>>();

  constructor(templates: readonly PodTemplate[]) {
    const seen = new Set<string>();
    for (const template of templates) {
      for (const [k, v] of Object.entries(template.labels)) {
        const pair = `${k}${SEP}${v}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        addTo(this.keysByValue, v, k);
        for (const variant of withOneDeletion(v)) addTo(this.valuesByVariant, `${k}${SEP}${variant}`, v);
      }
    }
  }

  /** Labels that `key: value` may have meant, nearest first; never `key: value` itself. */
  candidates(key: string, value: string): Candidate[] {
    const out: Candidate[] = [];
    const values = new Set<string>();
    for (const variant of withOneDeletion(value)) for (const v of this.valuesByVariant.get(`${key}${SEP}${variant}`) ?? []) values.add(v);
    for (const v of values) if (v !== value && editDistance(value, v, 1) <= 1) out.push({ key, value: v, distance: 1 });
    if (distinctive(value)) {
      for (const k of this.keysByValue.get(value) ?? []) if (k !== key) out.push({ key: k, value, distance: Math.min(editDistance(key, k, FAR), 2) });
    }
    return out.sort((a, b) => a.distance - b.distance);
  }
}

/** `text`, and `text` with each one of its characters left out. */
function withOneDeletion(text: string): string[] {
  const out = [text];
  for (let i = 0; i < text.length; i++) out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** The label index of each namespace, built when a Service there first misses. */
class NamespaceLabels {
  private readonly built = new Map<string | undefined, LabelIndex>();

  constructor(private readonly graph: ObjectGraph) {}

  of(namespace: string | undefined): LabelIndex {
    let index = this.built.get(namespace);
    if (!index) this.built.set(namespace, (index = new LabelIndex(this.graph.podTemplates(namespace))));
    return index;
  }
}

/** The template's label `key`, or its labels as a whole. */
function relatedLabels(template: PodTemplate, key?: string): { object: ManifestObject; path: (string | number)[]; message: string; key: boolean } {
  return {
    object: template.owner,
    path: [...template.path, 'metadata', 'labels', ...(key === undefined ? [] : [key])],
    message: `the labels of ${template.owner.kind} '${template.owner.name}'`,
    key: true,
  };
}
