import { containersOf, isObject, podTemplatesOf } from '../../k8s/object.js';
import { describeContainer } from '../checks/container-name.js';
import { defineRule } from '../rule.js';

interface Options {
  /** Capabilities accepted beyond the Pod Security Standards' baseline set. */
  allowedCapabilities: string[];
  /** Also report containers that do not set allowPrivilegeEscalation: false (the restricted profile). */
  requireNoEscalation: boolean;
}

/** Capabilities the Pod Security Standards' baseline profile allows containers to add. */
const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const PRIVILEGED_HINT =
  'Remove privileged: true and add only the capabilities the process needs (capabilities.add), or move the work that needs the node into a dedicated, reviewed DaemonSet.';
const ESCALATION_HINT = 'Set securityContext.allowPrivilegeEscalation: false.';
const CAPABILITY_HINT =
  'Drop the capability; if the workload truly needs it, accept it with the allowedCapabilities option or the shipshape.io/ignore annotation on this object.';
const HOST_PROCESS_HINT = 'Run a regular Windows container unless the workload must manage the node.';

const CAPABILITY_NOTES: Readonly<Record<string, string>> = {
  ALL: 'every capability, as good as privileged',
  SYS_ADMIN: 'close to root on the node: mounts, namespaces, many kernel interfaces',
  NET_ADMIN: 'can reconfigure interfaces, routes and firewall rules',
  SYS_PTRACE: 'can read and alter other processes',
  SYS_MODULE: 'can load kernel modules',
  NET_RAW: 'can forge packets',
  BPF: 'can load eBPF programs into the kernel',
  IPC_LOCK: 'can lock memory so it is never swapped out',
  SYS_RESOURCE: 'can override resource limits',
  SYS_TIME: "can set the node's clock",
};

/**
 * Containers that run with more privileges than an application needs: `privileged: true`,
 * `allowPrivilegeEscalation: true`, added capabilities outside the Pod Security Standards' baseline
 * set (`ALL`, `SYS_ADMIN`, `NET_ADMIN`, …), and Windows HostProcess containers.
 */
export default defineRule<Options>({
  id: 'privileged-container',
  meta: {
    description: 'Containers should not run privileged or allow privilege escalation',
    help:
      'Remove `privileged: true` and added capabilities such as `SYS_ADMIN`, and set `allowPrivilegeEscalation: false`: code running in a privileged container owns the node.',
    severity: 'warning',
    appliesTo: ['@pod-templates'],
    messages: {
      privileged: '{{container}} runs privileged: it gets every capability and the host\'s devices, so whoever controls it controls the node.',
      privilegeEscalation: '{{container}} allows privilege escalation: its processes can gain privileges they did not start with (setuid binaries, file capabilities).',
      escalationNotDisabled: '{{container}} does not set allowPrivilegeEscalation: false, so its processes can gain privileges through setuid binaries.',
      capability: '{{container}} adds the capability {{capability}} ({{note}}), which the baseline Pod Security Standard does not allow.',
      hostProcess: '{{subject}} runs as a Windows HostProcess container, with full access to the node.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedCapabilities: { type: 'array', items: { type: 'string', minLength: 1 } },
        requireNoEscalation: { type: 'boolean' },
      },
    },
    defaults: { allowedCapabilities: [], requireNoEscalation: false },
  },
  create(context, options) {
    const allowed = new Set([...BASELINE_CAPABILITIES, ...options.allowedCapabilities.map(normalizeCapability)]);
    return {
      '@pod-templates'(object) {
        for (const template of podTemplatesOf(object)) {
          const sc = template.spec.securityContext;
          if (isObject(sc) && isObject(sc.windowsOptions) && sc.windowsOptions.hostProcess === true) {
            context.report({ messageId: 'hostProcess', path: [...template.specPath, 'securityContext', 'windowsOptions', 'hostProcess'], data: { subject: 'The Pod' }, hint: HOST_PROCESS_HINT });
          }
        }
        for (const ref of containersOf(object, ['initContainers', 'containers', 'ephemeralContainers'])) {
          const container = describeContainer(ref, true);
          const scPath = [...ref.path, 'securityContext'];
          const sc = isObject(ref.container.securityContext) ? ref.container.securityContext : {};
          if (sc.privileged === true) {
            context.report({ messageId: 'privileged', path: [...scPath, 'privileged'], data: { container }, hint: PRIVILEGED_HINT });
          }
          if (sc.allowPrivilegeEscalation === true) {
            context.report({ messageId: 'privilegeEscalation', path: [...scPath, 'allowPrivilegeEscalation'], data: { container }, hint: ESCALATION_HINT });
          } else if (options.requireNoEscalation && sc.allowPrivilegeEscalation !== false && sc.privileged !== true) {
            context.report({ messageId: 'escalationNotDisabled', path: [...scPath, 'allowPrivilegeEscalation'], key: true, data: { container }, hint: ESCALATION_HINT });
          }
          const windows = sc.windowsOptions;
          if (isObject(windows) && windows.hostProcess === true) {
            context.report({ messageId: 'hostProcess', path: [...scPath, 'windowsOptions', 'hostProcess'], data: { subject: container }, hint: HOST_PROCESS_HINT });
          }
          const add = isObject(sc.capabilities) ? sc.capabilities.add : undefined;
          if (!Array.isArray(add)) continue;
          add.forEach((cap, i) => {
            if (typeof cap !== 'string') return;
            const name = normalizeCapability(cap);
            if (allowed.has(name) && name !== 'ALL') return;
            context.report({
              messageId: 'capability',
              path: [...scPath, 'capabilities', 'add', i],
              data: { container, capability: name, note: CAPABILITY_NOTES[name] ?? 'a privilege beyond what applications need' },
              hint: CAPABILITY_HINT,
            });
          });
        }
      },
    };
  },
});

/** `cap_net_admin` → `NET_ADMIN`: the same capability however it is written. */
function normalizeCapability(name: string): string {
  return name.toUpperCase().replace(/^CAP_/, '');
}
