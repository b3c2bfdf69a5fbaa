/**
 * depends_on. Kubernetes starts all pods together and has no start order, so by default the dependencies are
 * recorded in an annotation on the workload (`shipshape.dev/depends-on`) with a note that the service must
 * retry until they answer. With --wait-for-deps, an init container per dependency waits until the dependency's
 * Service accepts TCP connections (a Service only routes to ready pods, so `service_healthy` is honoured too).
 * A dependency that gets no Service (no ports, no expose) cannot be reached by name: a warning.
 */
import type { Dependency } from '../compose/model.js';
import type { JsonObject, PodContribution, ServiceScope, TranslateContext } from './context.js';
import { wellKnownPort } from './image-ports.js';
import { derivedName } from './names.js';
import { firstServicePort } from './service.js';

export const DEPENDS_ON_ANNOTATION = 'shipshape.dev/depends-on';
/** The image of the wait-for init containers (busybox's `nc -z`). */
export const WAIT_IMAGE = 'busybox:1.36';

/** `podMembers`: Compose names of the services in the same pod (a dependency among them needs nothing). */
export function translateDependencies(ctx: TranslateContext, scope: ServiceScope, podMembers: ReadonlySet<string> = new Set()): PodContribution {
  const { service } = scope;
  if (service.dependsOn.length === 0) return {};
  const names: string[] = [];
  const initContainers: JsonObject[] = [];
  for (const dep of service.dependsOn) {
    const target = ctx.servicesByName.get(dep.service);
    if (!target) {
      if (dep.required) {
        ctx.warn('convert/unknown-dependency', dep.span, `dependency '${dep.service}' is not defined or not enabled and is dropped`, { object: scope.ref });
      }
      continue;
    }
    if (podMembers.has(dep.service)) continue; // containers of one pod start together
    const depName = ctx.serviceNames.get(dep.service)!;
    names.push(depName);
    const reachable = ctx.exposedServices.has(dep.service);
    if (!reachable && dep.condition !== 'service_completed_successfully') {
      ctx.warn('convert/unreachable-dependency', dep.span, `'${dep.service}' has no ports or expose, so it gets no Service: '${service.name}' cannot reach it by name`, {
        object: scope.ref,
        hint: exposeHint(dep.service, target.image),
      });
    }
    if (dep.condition === 'service_completed_successfully') {
      // Whatever --wait-for-deps says: no pod can wait for another to run to completion.
      ctx.warn('convert/dependency-condition', dep.keys.condition ?? dep.span, `'service_completed_successfully' cannot be awaited from a pod: '${service.name}' starts without waiting for '${dep.service}' to complete`, {
        object: scope.ref,
        hint: `make '${service.name}' wait for the result itself, or run '${dep.service}' as an init container of '${service.name}'`,
      });
      continue;
    }
    if (ctx.options.waitForDeps) {
      const init = waitContainer(ctx, scope, dep, depName, reachable ? firstServicePort(target) : undefined);
      if (init) initContainers.push(init);
    }
  }
  if (names.length === 0) return {};
  const contribution: PodContribution = { workloadAnnotations: { [DEPENDS_ON_ANNOTATION]: names.join(',') } };
  if (initContainers.length > 0) contribution.initContainers = initContainers;
  if (!ctx.options.waitForDeps) {
    ctx.info('convert/depends-on', service.keys.depends_on ?? service.span, `Kubernetes starts all pods together: '${service.name}' must retry until ${listOf(names)} ${names.length === 1 ? 'answers' : 'answer'}`, {
      object: scope.ref,
      hint: 'give --wait-for-deps to add init containers that wait for them',
    });
  }
  return contribution;
}

function waitContainer(
  ctx: TranslateContext,
  scope: ServiceScope,
  dep: Dependency,
  depName: string,
  port: { port: number; protocol: string } | undefined,
): JsonObject | undefined {
  if (port === undefined) return undefined; // reported as unreachable
  if (port.protocol !== 'tcp') {
    ctx.warn('convert/dependency-condition', dep.span, `the first port of '${dep.service}' is ${port.protocol.toUpperCase()}: only TCP can be awaited; '${scope.service.name}' starts without waiting`, { object: scope.ref });
    return undefined;
  }
  return {
    name: derivedName('wait-for', depName),
    image: WAIT_IMAGE,
    command: ['sh', '-c', `until nc -z -w 2 ${depName} ${port.port}; do echo waiting for ${depName}:${port.port}; sleep 2; done`],
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 65534,
      runAsGroup: 65534,
    },
  };
}

function listOf(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function exposeHint(name: string, image: string | undefined): string {
  const port = wellKnownPort(image);
  return port === undefined
    ? `list the port '${name}' listens on under its 'expose:'`
    : `add \`expose: ["${port}"]\` to '${name}' (the port ${image} listens on)`;
}
