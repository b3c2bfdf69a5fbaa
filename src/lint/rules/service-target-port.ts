import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'service-target-port',
  meta: {
    description: 'A Service targetPort must be served by a selected container',
    severity: 'error',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
