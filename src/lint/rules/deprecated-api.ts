import { deprecationOf, deprecationStatus, type ApiDeprecation } from '../../k8s/deprecations.js';
import { defineRule } from '../rule.js';

/**
 * An apiVersion that the target Kubernetes release (`--kube-version`, 1.36 by default) no longer serves
 * (`kubectl apply` fails; the message says in which release it was removed), or still serves with a
 * deprecation warning. Both take the rule's severity (warning, unless configured), as the issue's rule
 * table sets it. APIs deprecated only in a later release than the target are not reported.
 */
export default defineRule({
  id: 'deprecated-api',
  meta: {
    description: 'An apiVersion that is deprecated or removed in the target Kubernetes version',
    help:
      'Change `apiVersion` to the replacement the message names (and migrate the fields that changed with it) before the cluster is upgraded to the release that removes the old version.',
    severity: 'warning',
    appliesTo: ['@all'],
    messages: {
      removed: '{{apiVersion}} {{kind}} was removed in Kubernetes {{removedIn}} (target {{target}}): {{advice}}.',
      deprecated: '{{apiVersion}} {{kind}} is deprecated since Kubernetes {{deprecatedIn}}{{removal}}: {{advice}}.',
    },
    defaults: {},
  },
  create(context) {
    const target = context.settings.kubeVersion;
    return {
      '@all'(object) {
        const d = deprecationOf(object.apiVersion, object.kind);
        if (!d) return;
        const status = deprecationStatus(d, target);
        if (status === 'upcoming') return;
        const data = { apiVersion: d.apiVersion, kind: d.kind, target, deprecatedIn: d.deprecatedIn, advice: advice(d) };
        if (status === 'removed') {
          context.report({ messageId: 'removed', path: ['apiVersion'], data: { ...data, removedIn: d.removedIn! }, hint: hint(d) });
        } else {
          const removal = d.removedIn ? ` and will be removed in ${d.removedIn}` : '';
          context.report({ messageId: 'deprecated', path: ['apiVersion'], data: { ...data, removal }, hint: hint(d) });
        }
      },
    };
  },
});

function advice(d: ApiDeprecation): string {
  if (!d.replacement) return 'it has no replacement';
  if (d.replacementKind) return `use ${d.replacement} ${d.replacementKind} instead`;
  return `use ${d.replacement} instead`;
}

function hint(d: ApiDeprecation): string {
  if (!d.replacement) return `Remove the ${d.kind}; no API replaces it.`;
  return `Change apiVersion to ${d.replacement}${d.replacementKind ? ` and kind to ${d.replacementKind}` : ''}, then check the fields that changed between the versions (kubectl convert helps).`;
}
