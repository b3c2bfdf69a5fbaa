import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'duplicate-object',
  meta: {
    description: 'Two objects with the same group, kind, namespace and name',
    severity: 'error',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
