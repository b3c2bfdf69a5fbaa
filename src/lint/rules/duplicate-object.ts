import { isObject, type ManifestObject } from '../../k8s/object.js';
import { defineRule } from '../rule.js';

/**
 * Two objects with the same API group, kind, namespace and name: one silently replaces the other
 * when applied. Versions do not matter (`apps/v1` and `apps/v1beta2` Deployments are one object).
 * Each object is looked up in an index built during the visit, so the rule is linear.
 */
export default defineRule({
  id: 'duplicate-object',
  meta: {
    description: 'Two objects with the same API group, kind, namespace and name',
    help:
      'Rename or remove one of the two objects: `kubectl apply` applies both, and the one applied last silently replaces the other.',
    severity: 'error',
    appliesTo: ['@all'],
    messages: {
      duplicate: "{{kind}} '{{name}}'{{where}} is defined twice: the one applied last silently replaces the other (first defined at {{first}}).",
    },
    defaults: {},
  },
  create(context) {
    const seen = new Map<string, ManifestObject>();
    return {
      '@all'(object) {
        // Objects named by the server (`generateName` only) cannot collide.
        const metadata = object.value.metadata;
        if (!isObject(metadata) || typeof metadata.name !== 'string' || metadata.name === '') return;
        const key = `${object.group}\u0000${object.kind}\u0000${object.namespace ?? ''}\u0000${object.name}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, object);
          return;
        }
        const at = first.base.length === 0 ? first.doc.start : first.doc.locate([...first.base, 'metadata', 'name']);
        context.report({
          messageId: 'duplicate',
          path: ['metadata', 'name'],
          data: {
            kind: object.kind,
            name: object.name,
            where: object.namespace === undefined ? '' : ` in namespace '${object.namespace}'`,
            first: `${at.file}:${at.line}`,
          },
          hint: 'Remove one of them, or give them different names (or namespaces).',
          related: [{ object: first, path: ['metadata', 'name'], message: `the first ${object.kind} '${object.name}'` }],
        });
      },
    };
  },
});
