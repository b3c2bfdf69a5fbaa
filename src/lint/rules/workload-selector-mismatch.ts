import { selectorWorkloadKinds } from '../../k8s/kinds.js';
import { isObject, stringMap, type PodTemplate } from '../../k8s/object.js';
import { formatLabels, isEmptySelector, readLabelSelector, requirementMatches } from '../../k8s/selectors.js';
import { defineRule } from '../rule.js';

/**
 * A workload whose `spec.selector` does not select its own Pod template: the API server rejects it
 * (`selector does not match template labels`). Seen generically: any object with `spec.template` and a
 * LabelSelector in `spec.selector` (Argo Rollouts and other CRD workloads too); ReplicationController's
 * map selector as well.
 */
export default defineRule({
  id: 'workload-selector-mismatch',
  meta: {
    description: "A workload's spec.selector must select its own Pod template labels",
    help:
      'Make `spec.selector` select the labels in `spec.template.metadata.labels`: the API server rejects the object otherwise, and the selector is immutable once created.',
    severity: 'error',
    appliesTo: ['@pod-templates'],
    messages: {
      labelMismatch:
        "{{kind}} '{{name}}' selects {{key}}: {{expected}}, but its Pod template has {{actual}}: the API server rejects a selector that does not match the template labels.",
      expressionMismatch:
        "{{kind}} '{{name}}': the selector requirement '{{requirement}}' does not hold for its Pod template labels ({{labels}}): the API server rejects it.",
      emptySelector: "{{kind}} '{{name}}' has an empty selector: it would select every Pod in the namespace, and the API server rejects it.",
    },
    defaults: {},
  },
  create(context) {
    return {
      '@pod-templates'(object) {
        const spec = object.value.spec;
        if (!isObject(spec) || !isObject(spec.selector)) return;
        const own = ownTemplate(object.value);
        if (!own) return;
        const labels = own.labels;
        const data = { kind: object.kind, name: object.name };
        if (object.kind === 'ReplicationController') {
          for (const [key, value] of Object.entries(stringMap(spec.selector))) {
            if (labels[key] === value) continue;
            context.report({
              messageId: 'labelMismatch',
              path: ['spec', 'selector', key],
              data: { ...data, key, expected: value, actual: describeLabel(labels, key) },
              related: [{ object, path: ['spec', 'template', 'metadata', 'labels'], message: 'the Pod template labels' }],
            });
          }
          return;
        }
        const isLabelSelector = 'matchLabels' in spec.selector || 'matchExpressions' in spec.selector;
        if (!selectorWorkloadKinds.has(object.kind) && !isLabelSelector) return;
        const selector = readLabelSelector(spec.selector);
        if (!selector) return;
        if (isEmptySelector(selector)) {
          if (object.kind === 'Job') return; // a Job's selector is generated unless manualSelector is set
          context.report({ messageId: 'emptySelector', path: ['spec', 'selector'], key: true, data });
          return;
        }
        for (const [key, value] of Object.entries(selector.matchLabels)) {
          if (labels[key] === value) continue;
          context.report({
            messageId: 'labelMismatch',
            path: ['spec', 'selector', 'matchLabels', key],
            data: { ...data, key, expected: value, actual: describeLabel(labels, key) },
            hint: `Make spec.selector.matchLabels and spec.template.metadata.labels agree on '${key}'.`,
            related: [{ object, path: ['spec', 'template', 'metadata', 'labels'], message: 'the Pod template labels' }],
          });
        }
        for (const r of selector.matchExpressions) {
          if (requirementMatches(r, labels)) continue;
          context.report({
            messageId: 'expressionMismatch',
            path: ['spec', 'selector', ...r.path],
            data: { ...data, requirement: describeRequirement(r), labels: formatLabels(labels) || 'none' },
            related: [{ object, path: ['spec', 'template', 'metadata', 'labels'], message: 'the Pod template labels' }],
          });
        }
      },
    };
  },
});

function ownTemplate(value: Record<string, unknown>): Pick<PodTemplate, 'labels'> | undefined {
  const spec = value.spec;
  if (!isObject(spec) || !isObject(spec.template)) return undefined;
  const meta = isObject(spec.template.metadata) ? spec.template.metadata : {};
  return { labels: stringMap(meta.labels) };
}

function describeLabel(labels: Readonly<Record<string, string>>, key: string): string {
  return labels[key] === undefined ? `no '${key}' label` : `${key}: ${labels[key]}`;
}

function describeRequirement(r: { key: string; operator: string; values: readonly string[] }): string {
  return r.operator === 'Exists' || r.operator === 'DoesNotExist' ? `${r.key} ${r.operator}` : `${r.key} ${r.operator} [${r.values.join(', ')}]`;
}
