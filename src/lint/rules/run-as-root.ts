import { containersOf, isObject, type ContainerRef } from '../../k8s/object.js';
import { describeContainer } from '../checks/container-name.js';
import { effectiveSecuritySetting } from '../checks/effective-security-context.js';
import { defineRule } from '../rule.js';

interface Options {
  /** Require runAsNonRoot: true or a non-zero runAsUser; when false, only an explicit root user is reported. */
  requireNonRoot: boolean;
}

const NON_ROOT_HINT =
  'Set securityContext.runAsNonRoot: true (on the pod, for every container) so the kubelet refuses to start a container as root, and runAsUser to a non-zero UID if the image does not set a USER.';

/**
 * Containers (regular and init) that run, or may run, as root. The pod's securityContext applies to every
 * container unless the container overrides it, so both levels are read: `runAsUser: 0` at the effective
 * level is reported at that field; otherwise, unless a non-zero runAsUser is set, `runAsNonRoot: true` is
 * required (the image's USER decides otherwise, and most images run as root). Windows Pods are skipped.
 */
export default defineRule<Options>({
  id: 'run-as-root',
  meta: {
    description: 'Containers should not run as root',
    help:
      'Set `securityContext.runAsNonRoot: true` (on the Pod or each container) and a non-zero `runAsUser`, with an image that runs as a non-root user.',
    severity: 'warning',
    appliesTo: ['@pod-templates'],
    messages: {
      runsAsRoot: '{{container}} runs as root (runAsUser: 0{{where}}): escaping the container starts as root on the node.',
      rootConflict: '{{container}} has runAsUser: 0 and runAsNonRoot: true: the kubelet refuses to start it.',
      mayRunAsRoot: '{{container}} may run as root: {{reason}}, so the image decides, and most images run as root.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { requireNonRoot: { type: 'boolean' } },
    },
    defaults: { requireNonRoot: true },
  },
  create(context, options) {
    return {
      '@pod-templates'(object) {
        for (const ref of containersOf(object, ['initContainers', 'containers'])) {
          if (isWindows(ref)) continue;
          const container = describeContainer(ref, true);
          const user = effectiveSecuritySetting(ref, 'runAsUser');
          const nonRoot = effectiveSecuritySetting(ref, 'runAsNonRoot');
          if (user?.value === 0) {
            if (nonRoot?.value === true) {
              context.report({ messageId: 'rootConflict', path: user.path, data: { container }, hint: 'Set runAsUser to the non-zero UID the container should run as.' });
            } else {
              const where = user.level === 'pod' ? ', set for the whole pod' : '';
              context.report({ messageId: 'runsAsRoot', path: user.path, data: { container, where }, hint: 'Run as a non-zero UID (runAsUser: 10001) with runAsNonRoot: true; give the process the files it needs (fsGroup, image ownership) instead of root.' });
            }
            continue;
          }
          if (!options.requireNonRoot || (typeof user?.value === 'number' && user.value > 0) || nonRoot?.value === true) continue;
          if (nonRoot?.value === false) {
            context.report({ messageId: 'mayRunAsRoot', path: nonRoot.path, data: { container, reason: `runAsNonRoot is false${nonRoot.level === 'pod' ? ' for the whole pod' : ''} and no runAsUser is set` }, hint: NON_ROOT_HINT });
          } else {
            context.report({ messageId: 'mayRunAsRoot', path: [...ref.path, 'securityContext', 'runAsNonRoot'], key: true, data: { container, reason: 'neither it nor its pod sets runAsNonRoot: true or a runAsUser' }, hint: NON_ROOT_HINT });
          }
        }
      },
    };
  },
});

/** Windows containers have no UIDs: `spec.os.name: windows` or a Windows user name. */
function isWindows(ref: ContainerRef): boolean {
  const os = ref.template.spec.os;
  if (isObject(os) && os.name === 'windows') return true;
  const windows = effectiveSecuritySetting(ref, 'windowsOptions');
  return isObject(windows?.value) && typeof windows.value.runAsUserName === 'string';
}
