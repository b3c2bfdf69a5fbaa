import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'missing-resources',
  meta: {
    description: 'Containers should set resource requests and limits',
    severity: 'warning',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
