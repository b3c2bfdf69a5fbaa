import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'hardcoded-pod-ip',
  meta: {
    description: 'IP addresses inside the cluster must not be hardcoded',
    severity: 'error',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
