import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'workload-selector-mismatch',
  meta: {
    description: "A workload's selector must select its own Pod template",
    severity: 'error',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
