import { containersOf, type ContainerRef, type ManifestObject, type PodTemplate } from '../../k8s/object.js';
import { serviceSelectorOf } from '../../k8s/services.js';
import { describeContainer } from '../checks/container-name.js';
import { defineRule, type ObjectGraph } from '../rule.js';

interface Options {
  /** Require a readinessProbe. */
  readiness: boolean;
  /** Require a livenessProbe. */
  liveness: boolean;
}

const READINESS_HINT = 'Add a readinessProbe: httpGet on a health endpoint, or tcpSocket on the serving port.';
const LIVENESS_HINT =
  'Add a livenessProbe that fails only when the process cannot recover on its own (not when a dependency is slow); a startupProbe covers slow starts.';

/**
 * Long-running containers without a readinessProbe or livenessProbe. Only regular containers of Pods
 * that are restarted (`restartPolicy: Always`, the default) are checked: Jobs, CronJobs and Pods that run
 * to completion are not, nor are init containers (which run to completion; native sidecars are not
 * required to have probes either). A readiness probe is required only of containers that can get
 * traffic: they declare a port, or a Service in the input selects their Pods.
 */
export default defineRule<Options>({
  id: 'missing-probes',
  meta: {
    description: 'Containers should have readiness and liveness probes',
    help:
      'Add a `readinessProbe` (so traffic and rollouts wait until the container works) and a `livenessProbe` (so a hung process is restarted) to each long-running container.',
    severity: 'warning',
    appliesTo: ['@pod-templates'],
    messages: {
      noProbes:
        '{{container}} has no readinessProbe and no livenessProbe: it gets traffic before it can answer, and it is never restarted when it hangs.',
      noReadiness:
        '{{container}} has no readinessProbe: Services send it traffic as soon as the process starts, and rollouts do not wait for it to be ready.',
      noLiveness: '{{container}} has no livenessProbe: if the process hangs (a deadlock, a stuck event loop), it is never restarted.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { readiness: { type: 'boolean' }, liveness: { type: 'boolean' } },
    },
    defaults: { readiness: true, liveness: true },
  },
  create(context, options) {
    const served = servedObjects(context.graph);
    return {
      '@pod-templates'(object) {
        for (const ref of containersOf(object, ['containers'])) {
          if (runsToCompletion(ref.template)) continue;
          const noReadiness = options.readiness && ref.container.readinessProbe == null && (declaresPorts(ref) || served.has(object));
          const noLiveness = options.liveness && ref.container.livenessProbe == null;
          const data = { container: describeContainer(ref, true) };
          if (noReadiness && noLiveness) {
            context.report({ messageId: 'noProbes', path: [...ref.path, 'readinessProbe'], data, hint: `${READINESS_HINT} ${LIVENESS_HINT}` });
          } else if (noReadiness) {
            context.report({ messageId: 'noReadiness', path: [...ref.path, 'readinessProbe'], data, hint: READINESS_HINT });
          } else if (noLiveness) {
            context.report({ messageId: 'noLiveness', path: [...ref.path, 'livenessProbe'], data, hint: LIVENESS_HINT });
          }
        }
      },
    };
  },
});

/** Objects whose pod templates some Service of the input selects (through the graph's label index). */
function servedObjects(graph: ObjectGraph): Set<ManifestObject> {
  const out = new Set<ManifestObject>();
  for (const service of graph.ofKind('Service')) {
    const selector = serviceSelectorOf(service);
    if (!selector || Object.keys(selector).length === 0) continue;
    for (const template of graph.podTemplatesMatching(service.namespace, selector)) out.add(template.owner);
  }
  return out;
}

function declaresPorts(ref: ContainerRef): boolean {
  return Array.isArray(ref.container.ports) && ref.container.ports.length > 0;
}

/** Jobs, CronJobs and Pods whose restartPolicy is Never or OnFailure finish: probes are not what keeps them healthy. */
function runsToCompletion(template: PodTemplate): boolean {
  const kind = template.owner.kind;
  if (kind === 'Job' || kind === 'CronJob') return true;
  const policy = template.spec.restartPolicy;
  return policy === 'Never' || policy === 'OnFailure';
}
