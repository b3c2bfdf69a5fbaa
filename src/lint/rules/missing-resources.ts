import { containersOf, isObject, type JsonObject } from '../../k8s/object.js';
import { describeContainer } from '../checks/container-name.js';
import { LimitRangeDefaults, type ResourceDefaults } from '../checks/limit-range-defaults.js';
import { defineRule } from '../rule.js';

interface Options {
  /** Resources every container must request. */
  requests: string[];
  /** Resources every container must limit. */
  limits: string[];
  /** Check init containers too. */
  initContainers: boolean;
}

const HINT = 'Set resources.requests to what the container needs under normal load, and a memory limit (usually equal to the memory request) so a leak is contained.';

/**
 * Containers without the resource requests (cpu, memory) and limits (memory) they need. A request counts
 * as set when the container, its pod (pod-level `spec.resources`) or a LimitRange of type Container in
 * the same namespace sets it, or when a limit is set for it (Kubernetes then uses the limit as the
 * request). A CPU limit is not required: it throttles containers even when the node is idle.
 */
export default defineRule<Options>({
  id: 'missing-resources',
  meta: {
    description: 'Containers should set resource requests and limits',
    help:
      'Set `resources.requests` (cpu and memory) and a memory limit on each container, so the scheduler places it correctly and a leak cannot take the node down.',
    severity: 'warning',
    appliesTo: ['@pod-templates'],
    messages: {
      noResources: '{{container}} sets no resources ({{missing}}): the scheduler places it as if it needed nothing, and nothing bounds what it uses.',
      noRequests: '{{container}} has no {{missing}} request: the scheduler places it as if it needed none, overcommitting the node.',
      noLimits: '{{container}} has no {{missing}} limit: a leak can use up the node and get other Pods evicted or killed.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requests: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        limits: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        initContainers: { type: 'boolean' },
      },
    },
    defaults: { requests: ['cpu', 'memory'], limits: ['memory'], initContainers: true },
  },
  create(context, options) {
    const limitRanges = new LimitRangeDefaults(context.graph.ofKind('LimitRange'));
    return {
      '@pod-templates'(object) {
        const defaults = limitRanges.of(object.namespace);
        const kinds = options.initContainers ? (['initContainers', 'containers'] as const) : (['containers'] as const);
        for (const ref of containersOf(object, kinds)) {
          const resources = isObject(ref.container.resources) ? ref.container.resources : {};
          const pod = isObject(ref.template.spec.resources) ? ref.template.spec.resources : {};
          const missing = missingResources(resources, pod, defaults, options);
          if (missing.requests.length === 0 && missing.limits.length === 0) continue;
          const container = describeContainer(ref, true);
          const base = [...ref.path, 'resources'];
          if (missing.requests.length > 0 && missing.limits.length > 0 && Object.keys(resources).length === 0) {
            const text = `no ${list(missing.requests)} request, no ${list(missing.limits)} limit`;
            context.report({ messageId: 'noResources', path: base, key: true, data: { container, missing: text }, hint: HINT });
            continue;
          }
          if (missing.requests.length > 0) {
            context.report({ messageId: 'noRequests', path: [...base, 'requests'], key: true, data: { container, missing: list(missing.requests) }, hint: HINT });
          }
          if (missing.limits.length > 0) {
            context.report({ messageId: 'noLimits', path: [...base, 'limits'], key: true, data: { container, missing: list(missing.limits) }, hint: HINT });
          }
        }
      },
    };
  },
});

function missingResources(resources: JsonObject, pod: JsonObject, defaults: ResourceDefaults, options: Options): { requests: string[]; limits: string[] } {
  const has = (section: JsonObject, field: 'requests' | 'limits', name: string) => isObject(section[field]) && section[field][name] != null;
  const limited = (name: string) => has(resources, 'limits', name) || has(pod, 'limits', name) || defaults.limits.has(name);
  const requested = (name: string) => has(resources, 'requests', name) || has(pod, 'requests', name) || defaults.requests.has(name) || limited(name);
  return { requests: options.requests.filter((r) => !requested(r)), limits: options.limits.filter((r) => !limited(r)) };
}

/** `cpu`, `cpu and memory`, `cpu, memory and ephemeral-storage`. */
function list(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
