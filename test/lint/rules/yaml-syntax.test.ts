import rule from '../../../src/lint/rules/yaml-syntax.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'plain YAML', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' },
    { name: 'JSON', yaml: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\n' },
    {
      name: 'anchors, aliases and merge keys',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: &meta {name: a, labels: {app: a}}
        data:
          <<: {x: '1'}
          y: '2'
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: b}
      `,
    },
    { name: 'comments and empty documents', yaml: '# only a comment\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' },
  ],
  invalid: [
    {
      name: 'an unclosed flow sequence',
      yaml: 'apiVersion: v1\nkind: ConfigMap\ndata: [\n',
      errors: [{ messageId: 'BAD_INDENT', line: 4, column: 1 }],
    },
    {
      name: 'a duplicate key, with the first one related',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nkind: Secret\n',
      errors: [{ messageId: 'duplicateKey', line: 4, column: 1, severity: 'error' }],
    },
    {
      name: 'an alias to a missing anchor',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: *nope\n',
      errors: [{ messageId: 'unknownAlias', line: 3, column: 11 }],
    },
    {
      name: 'a tab used for indentation',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n',
      errors: [{ messageId: 'TAB_AS_INDENT', line: 4, column: 1 }],
    },
    {
      name: 'one broken document among good ones',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkey: "unterminated\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n',
      // Reported where the unterminated string opens (the source layer's position for it).
      errors: [{ messageId: 'MISSING_CHAR', line: 5, column: 6 }],
    },
  ],
});
