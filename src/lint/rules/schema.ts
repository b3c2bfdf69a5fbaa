import { deprecationOf } from '../../k8s/deprecations.js';
import type { ManifestObject } from '../../k8s/object.js';
import { validateObject, type SchemaViolation } from '../../k8s/schema/index.js';
import { defineRule, type Finding } from '../rule.js';

/** Message id and hint for each kind of violation `validateObject` returns (by its keyword). */
const byKeyword: Readonly<Record<string, 'unknownField' | 'missingField' | 'wrongType' | 'unknownApi'>> = {
  'unknown-field': 'unknownField',
  required: 'missingField',
  type: 'wrongType',
  'int-or-string': 'wrongType',
  apiVersion: 'unknownApi',
  kind: 'unknownApi',
};

/** API groups of configuration files that look like objects but are read by a tool, never stored by the API server. */
const toolConfigGroups: Readonly<Record<string, string>> = {
  'kustomize.config.k8s.io': 'Kustomize',
  'kubeadm.k8s.io': 'kubeadm',
  'kubelet.config.k8s.io': 'kubelet',
  'kubescheduler.config.k8s.io': 'kube-scheduler',
  'kubeproxy.config.k8s.io': 'kube-proxy',
  'apiserver.config.k8s.io': 'kube-apiserver',
  'audit.k8s.io': 'kube-apiserver audit',
  'kind.x-k8s.io': 'kind',
  skaffold: 'Skaffold',
};

const hints: Readonly<Record<string, string>> = {
  unknownField:
    'Fix the field name or its indentation, or remove it: the API server drops unknown fields (kubectl --validate=strict refuses them), so the setting silently does nothing.',
  missingField: 'Add the field: the API server refuses the object without it.',
  wrongType: 'Write the value as the type the field expects.',
  badValue: 'Write a value the field accepts.',
  unknownApi: 'Use an apiVersion and kind the Kubernetes API serves (`kubectl api-resources` lists them).',
};

/**
 * Validates every object against the official Kubernetes API definitions for its apiVersion and kind,
 * strictly: unknown fields are errors. Custom resources (and anything else that is not a built-in API)
 * are skipped with one `info` per apiVersion/kind and file; so are tool configuration files that look like
 * objects (Kustomize, kubeadm, Skaffold, …). Removed built-in APIs are left to
 * `deprecated-api`, which says what replaces them.
 */
export default defineRule({
  id: 'schema',
  meta: {
    description: 'An object must validate against the official Kubernetes API definitions',
    help:
      'Fix the field the message names: the API server refuses missing fields and wrong types, and a misspelt or misplaced field is dropped without complaint by many clients.',
    severity: 'error',
    appliesTo: ['@all'],
    messages: {
      unknownField: '{{detail}}.',
      missingField: '{{detail}}.',
      wrongType: '{{detail}}.',
      badValue: '{{detail}}.',
      unknownApi: '{{detail}}.',
      notBuiltin: "{{apiVersion}} {{kind}} is not a built-in Kubernetes API (a custom resource?): skipped, not validated.",
      toolConfig: '{{apiVersion}} {{kind}} is {{tool}} configuration, not an object of the Kubernetes API: skipped, not validated.',
      // Reported while reading the input, for documents that are not Kubernetes objects at all.
      notAManifest: 'This document is not a Kubernetes manifest (no apiVersion and kind, a list or a scalar): skipped.',
      notAnObject: 'This List item is not a Kubernetes object.',
      missingTypeMeta: 'This document has no apiVersion or kind.',
    },
    defaults: {},
  },
  create(context) {
    const skipped = new Set<string>();
    return {
      '@all'(object) {
        const result = validateObject(withTypeMeta(object));
        if (result.status === 'valid') return;
        if (result.status === 'unknown') {
          if (deprecationOf(object.apiVersion, object.kind)) return;
          const key = `${object.doc.file}\u0000${object.apiVersion}\u0000${object.kind}`;
          if (skipped.has(key)) return;
          skipped.add(key);
          const data = { apiVersion: object.apiVersion, kind: object.kind };
          const tool = Object.hasOwn(toolConfigGroups, object.group) ? toolConfigGroups[object.group] : undefined;
          if (tool !== undefined) {
            const hint = 'Keep such files out of the paths given to shipshape lint (`ignore` in .shipshape.yaml), or lint what the tool renders.';
            context.report({ messageId: 'toolConfig', path: ['kind'], severity: 'info', data: { ...data, tool }, hint });
          } else {
            const hint = 'Custom resources are not validated: shipshape does not read CustomResourceDefinition schemas.';
            context.report({ messageId: 'notBuiltin', path: ['kind'], severity: 'info', data, hint });
          }
          return;
        }
        for (const v of result.violations) context.report(findingOf(v));
      },
    };
  },
});

function findingOf(v: SchemaViolation): Finding {
  const messageId = byKeyword[v.keyword] ?? 'badValue';
  // A problem with the object as a whole (a missing top-level field) points at its kind, not the document start.
  const at = v.path.length === 0 ? { path: ['kind'], key: true } : { path: v.path, ...(v.key ? { key: true } : {}) };
  return { messageId, ...at, data: { detail: capitalize(v.message) }, hint: hints[messageId]! };
}

/** Items of a typed list (`DeploymentList`) may leave apiVersion and kind out: validate them as what they are. */
function withTypeMeta(object: ManifestObject): Record<string, unknown> {
  const v = object.value;
  if (typeof v.apiVersion === 'string' && typeof v.kind === 'string') return v;
  return { ...v, apiVersion: object.apiVersion, kind: object.kind };
}

/** Start a sentence with a capital, unless it starts with a field path (`spec.replicas must be …`). */
function capitalize(text: string): string {
  if (/^[a-z][\w$-]*(?:[.[]|\s+must\b)/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
