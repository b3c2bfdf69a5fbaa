import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'missing-replicas',
  meta: {
    description: 'Workloads should set spec.replicas explicitly',
    severity: 'warning',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
