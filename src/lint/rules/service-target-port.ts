import type { PodTemplate } from '../../k8s/object.js';
import { isObject } from '../../k8s/object.js';
import { declaredPortsOf, protocolOf, RUNTIME_POD_LABELS, serviceSelectorOf, toPortNumber, type DeclaredPort } from '../../k8s/services.js';
import { defineRule } from '../rule.js';

/**
 * A Service port whose targetPort the selected containers do not serve. A named targetPort that no
 * selected container declares gets no endpoints at all (error). A numeric one works if the process
 * listens there, but when the containers declare other ports it is most often a mistake (warning).
 * A Service that selects no Pod is left to service-selector-mismatch.
 */
export default defineRule({
  id: 'service-target-port',
  meta: {
    description: "A Service's targetPort must be a port that the containers it selects declare",
    help:
      'Set `targetPort` to a port (number or name) that the selected containers declare in `ports`, or declare it there. A wrong target port refuses every request while everything looks healthy.',
    severity: 'error',
    appliesTo: ['Service'],
    messages: {
      unknownName:
        "Service '{{name}}' targets port '{{target}}', but no container of the Pods it selects ({{workloads}}) declares a {{protocol}} port named '{{target}}'{{declared}}.",
      undeclaredNumber:
        "Service '{{name}}' targets port {{target}}/{{protocol}}, but the containers it selects ({{workloads}}) declare only {{ports}}.",
    },
    defaults: {},
  },
  create(context) {
    return {
      Service(service) {
        const selector = serviceSelectorOf(service, RUNTIME_POD_LABELS);
        if (!selector || Object.keys(selector).length === 0) return;
        const spec = service.value.spec;
        if (!isObject(spec) || !Array.isArray(spec.ports)) return;
        const templates = context.graph.podTemplatesMatching(service.namespace, selector);
        if (templates.length === 0) return;
        const declared = templates.map((t) => ({ template: t, ports: declaredPortsOf(t) }));
        const workloads = describeOwners(templates);
        // Indexes built once per Service, so a Service with 65,000 ports is checked in linear time.
        const names = new Set(declared.flatMap((d) => d.ports).filter((p) => p.name !== undefined).map((p) => `${p.name}/${p.protocol}`));
        const numbers = new Set(declared.flatMap((d) => d.ports).map((p) => `${p.containerPort}/${p.protocol}`));
        const withPorts = declared.filter((d) => d.ports.length > 0);
        let namedList: string | undefined;
        let portList: string | undefined;
        spec.ports.forEach((port, i) => {
          if (!isObject(port)) return;
          const protocol = protocolOf(port);
          const raw = port.targetPort ?? port.port;
          const path = port.targetPort === undefined ? ['spec', 'ports', i, 'port'] : ['spec', 'ports', i, 'targetPort'];
          const number = toPortNumber(raw);
          if (number === undefined) {
            if (typeof raw !== 'string' || raw === '') return;
            if (names.has(`${raw}/${protocol}`)) return;
            namedList ??= names.size > 0 ? ` (declared: ${listed([...names])})` : '';
            context.report({
              messageId: 'unknownName',
              path,
              data: {
                name: service.name,
                target: raw,
                protocol,
                workloads,
                declared: namedList,
              },
              hint: 'Name the container port (ports[].name) as the Service targets it, or target a declared name or number.',
              related: relatedPorts(declared),
            });
            return;
          }
          if (withPorts.length === 0) return;
          if (numbers.has(`${number}/${protocol}`)) return;
          portList ??= listed(unique(withPorts.flatMap((d) => d.ports).map(formatPort)));
          context.report({
            messageId: 'undeclaredNumber',
            path,
            severity: 'warning',
            data: {
              name: service.name,
              target: number,
              protocol,
              workloads,
              ports: portList,
            },
            hint: 'Target a port the container declares, or declare the port the process listens on in the container.',
            related: relatedPorts(withPorts),
          });
        });
      },
    };
  },
});

function formatPort(p: DeclaredPort): string {
  return `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ''}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** At most this many ports are listed in a message: a Service's findings stay linear in its ports. */
const MAX_LISTED = 20;

function listed(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return items.join(', ');
  return `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`;
}

function describeOwners(templates: readonly PodTemplate[]): string {
  const names = unique(templates.map((t) => `${t.owner.kind} '${t.owner.name}'`));
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

function relatedPorts(declared: { template: PodTemplate; ports: DeclaredPort[] }[]) {
  return declared.slice(0, 3).map((d) => {
    const first = d.ports[0];
    return {
      object: d.template.owner,
      path: first ? first.path.slice(0, -1) : [...d.template.specPath, 'containers'],
      message: `the container ports of ${d.template.owner.kind} '${d.template.owner.name}'`,
      key: true,
    };
  });
}
