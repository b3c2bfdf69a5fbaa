/** What a Service selects and serves: its selector and ports, and the ports containers declare. */
import { isObject, type JsonObject, type ManifestObject, type PodTemplate } from './object.js';

/**
 * Labels that controllers add to Pods at run time, so they appear in no template: a Service selecting
 * one (`statefulset.kubernetes.io/pod-name: db-0`, a per-Pod Service) is matched on its other labels.
 */
export const RUNTIME_POD_LABELS: readonly string[] = [
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-revision-hash',
  'pod-template-hash',
  'pod-template-generation',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
  'job-name',
  'controller-uid',
];

/**
 * The selector a Service routes by, without ignored labels; `undefined` when it selects no Pods by
 * design: an ExternalName Service, or one without a selector (Endpoints/EndpointSlices managed by hand).
 */
export function serviceSelectorOf(service: ManifestObject, ignored: readonly string[] = RUNTIME_POD_LABELS): Record<string, string> | undefined {
  const spec = service.value.spec;
  if (!isObject(spec) || spec.type === 'ExternalName' || !isObject(spec.selector)) return undefined;
  const selector: Record<string, string> = {};
  let any = false;
  for (const [k, v] of Object.entries(spec.selector)) {
    if (v === null || v === undefined) continue;
    // A selector value that is not a string is invalid (the schema rule reports it): nothing to match.
    if (typeof v !== 'string') return undefined;
    any = true;
    if (!ignored.includes(k)) selector[k] = v;
  }
  return any ? selector : undefined;
}

/** A port a container declares. */
export interface DeclaredPort {
  name?: string;
  containerPort: number;
  protocol: string;
  /** Path from the object to the port entry. */
  path: readonly (string | number)[];
}

/**
 * Ports declared by the containers of a template that serve traffic: regular containers and sidecars
 * (init containers with `restartPolicy: Always`).
 */
export function declaredPortsOf(template: PodTemplate): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const kind of ['containers', 'initContainers'] as const) {
    const list = template.spec[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (!isObject(c) || !Array.isArray(c.ports)) return;
      if (kind === 'initContainers' && c.restartPolicy !== 'Always') return;
      c.ports.forEach((p, j) => {
        if (!isObject(p)) return;
        const port = toPortNumber(p.containerPort);
        if (port === undefined) return;
        const d: DeclaredPort = { containerPort: port, protocol: protocolOf(p), path: [...template.specPath, kind, i, 'ports', j] };
        if (typeof p.name === 'string') d.name = p.name;
        out.push(d);
      });
    });
  }
  return out;
}

export function protocolOf(port: JsonObject): string {
  return typeof port.protocol === 'string' ? port.protocol : 'TCP';
}

/** A port number from a number or a numeric string; `undefined` otherwise. */
export function toPortNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
