import { defineRule } from '../rule.js';

/** Placeholder until the rule is implemented. */
export default defineRule({
  id: 'dangling-reference',
  meta: {
    description: 'References to objects that do not exist in the input',
    severity: 'warning',
    appliesTo: ['@all'],
    messages: {},
    defaults: {},
  },
  create: () => ({}),
});
