import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'service-selector-mismatch',
  meta: {
    description: 'A Service selector must match at least one Pod template',
    severity: 'error',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
