import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'schema',
  meta: {
    description: 'An object must validate against the official Kubernetes API definitions',
    severity: 'error',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
