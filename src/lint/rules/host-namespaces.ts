import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'host-namespaces',
  meta: {
    description: "Pods should not share the host's network, PID or IPC namespaces",
    severity: 'warning',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
