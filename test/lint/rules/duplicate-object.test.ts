import rule from '../../../src/lint/rules/duplicate-object.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'same name, different kinds',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
      `,
    },
    {
      name: 'same name and kind in different namespaces',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: a}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: b}
      `,
    },
    {
      name: 'same kind name in different API groups',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny}
        ---
        apiVersion: crd.projectcalico.org/v1
        kind: NetworkPolicy
        metadata: {name: deny}
      `,
    },
    {
      name: 'objects with generateName only',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {generateName: migrate-}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {generateName: migrate-}
      `,
    },
  ],
  invalid: [
    {
      name: 'the same Service twice in one file',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
      `,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, message: "Service 'web' in namespace 'default'" }],
    },
    {
      name: 'explicit default namespace equals an omitted one',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
      `,
      files: {
        'other.yaml': `
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: settings, namespace: default}
        `,
      },
      errors: [{ messageId: 'duplicate', line: 3, column: 18, file: 'other.yaml' }],
    },
    {
      name: 'two versions of one group are one object',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        ---
        apiVersion: apps/v1beta2
        kind: Deployment
        metadata: {name: web}
      `,
      errors: [{ messageId: 'duplicate', line: 7, column: 18 }],
    },
    {
      name: 'cluster-scoped objects ignore the namespace field',
      yaml: `
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, namespace: other}
      `,
      errors: [{ messageId: 'duplicate', line: 7, column: 18 }],
    },
    {
      name: 'duplicates inside a List',
      yaml: `
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Secret
            metadata: {name: creds}
          - apiVersion: v1
            kind: Secret
            metadata: {name: creds}
      `,
      errors: [{ messageId: 'duplicate', line: 9, column: 22 }],
    },
  ],
});
