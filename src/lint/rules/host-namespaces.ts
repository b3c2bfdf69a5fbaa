import { podTemplatesOf } from '../../k8s/object.js';
import { defineRule } from '../rule.js';

const NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** Pods that share the node's network, process or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC: true`). */
export default defineRule({
  id: 'host-namespaces',
  meta: {
    description: "Pods should not share the host's network, PID or IPC namespaces",
    help:
      'Remove `hostNetwork`, `hostPID` and `hostIPC` (and `hostPort`s); a node agent that needs them can be accepted with the annotation `shipshape.io/ignore: host-namespaces`, so the exception is visible in review.',
    severity: 'warning',
    appliesTo: ['@pod-templates'],
    messages: {
      hostNetwork:
        "The Pod uses the node's network (hostNetwork): it can bind the node's ports and reach what listens on the node's loopback, and NetworkPolicies do not isolate it.",
      hostPID: "The Pod shares the node's process namespace (hostPID): it sees every process on the node and, with enough privilege, can inspect or signal them.",
      hostIPC: "The Pod shares the node's IPC namespace (hostIPC): it can read and write the shared memory of processes outside the Pod.",
    },
    defaults: {},
  },
  create(context) {
    return {
      '@pod-templates'(object) {
        for (const template of podTemplatesOf(object)) {
          for (const field of NAMESPACES) {
            if (template.spec[field] !== true) continue;
            context.report({
              messageId: field,
              path: [...template.specPath, field],
              hint: `Remove ${field}: true. Only node agents (CNI plugins, monitoring, storage drivers) need it; accept those with the shipshape.io/ignore annotation.`,
            });
          }
        }
      },
    };
  },
});
