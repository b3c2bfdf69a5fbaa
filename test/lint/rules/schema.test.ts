import rule from '../../../src/lint/rules/schema.js';
import { ruleTester } from '../rule-tester.js';

const deployment = (containerFields: string, spec = 'replicas: 2') => `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    ${spec}
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
          - name: web
            image: nginx:1.27
            ${containerFields}
`;

ruleTester(rule, {
  valid: [
    { name: 'a valid Deployment', yaml: deployment('ports: [{containerPort: 80}]') },
    {
      name: 'a valid CronJob',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [{name: job, image: busybox:1.36, args: [date]}]
      `,
    },
    {
      name: 'items of a typed List without apiVersion and kind',
      yaml: `
        apiVersion: v1
        kind: ConfigMapList
        items:
          - metadata: {name: a}
            data: {k: v}
      `,
    },
    {
      name: 'a removed API is left to deprecated-api',
      yaml: `
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: old}
        spec: {backend: {serviceName: web, servicePort: 80}}
      `,
    },
  ],
  invalid: [
    {
      name: 'an unknown field points at its key',
      yaml: deployment('imagePullPolice: Always'),
      errors: [{ messageId: 'unknownField', line: 13, column: 11, severity: 'error', message: "did you mean 'imagePullPolicy'" }],
    },
    {
      name: 'an unknown field at the top level',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        date: {k: v}
      `,
      errors: [{ messageId: 'unknownField', line: 4, column: 1, message: "Unknown field 'date' at the top level" }],
    },
    {
      name: 'a number where a string is expected',
      yaml: deployment('env: [{name: PORT, value: 8080}]'),
      errors: [{ messageId: 'wrongType', line: 13, column: 37, message: 'quotes' }],
    },
    {
      name: 'a string where an integer is expected',
      yaml: deployment('ports: [{containerPort: 80}]', 'replicas: "2"'),
      errors: [{ messageId: 'wrongType', line: 5, column: 13, message: 'spec.replicas must be an integer' }],
    },
    {
      name: 'a quantity with a byte unit',
      yaml: deployment('resources: {limits: {memory: 1GB}}'),
      errors: [{ messageId: 'badValue', line: 13, column: 40, message: "'1Gi'" }],
    },
    {
      name: 'a missing required field',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - image: nginx:1.27
      `,
      errors: [{ messageId: 'missingField', line: 6, column: 7 }],
    },
    {
      name: 'a kind under the wrong apiVersion',
      yaml: `
        apiVersion: v1
        kind: Deployment
        metadata: {name: web}
      `,
      errors: [{ messageId: 'unknownApi', line: 1, column: 13, message: 'apps/v1' }],
    },
    {
      name: 'a custom resource is skipped with one info per kind and file',
      yaml: `
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: a}
        spec: {secretName: a}
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: b}
        spec: {secretName: b}
      `,
      errors: [{ messageId: 'notBuiltin', line: 2, column: 7, severity: 'info' }],
    },
    {
      name: 'Kustomize and Skaffold files are tool configuration',
      yaml: `
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [deployment.yaml]
        ---
        apiVersion: skaffold/v4beta6
        kind: Config
        metadata: {name: app}
      `,
      errors: [
        { messageId: 'toolConfig', line: 2, column: 7, severity: 'info', message: 'is Kustomize configuration' },
        { messageId: 'toolConfig', line: 6, column: 7, severity: 'info', message: 'is Skaffold configuration' },
      ],
    },
    {
      name: 'an invalid object inside a List',
      yaml: `
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80}]
              selectr: {app: web}
      `,
      errors: [{ messageId: 'unknownField', line: 9, column: 7, message: "did you mean 'selector'" }],
    },
    {
      name: 'a missing top-level field: at the kind, not the start of the document',
      yaml: `
        # binding
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: b}
        subjects: [{kind: User, name: jane}]
      `,
      errors: [{ messageId: 'missingField', line: 3, column: 1 }],
    },
    {
      name: 'a document that is a scalar',
      yaml: `
        just a string
      `,
      errors: [{ messageId: 'notAManifest', line: 1, column: 1, severity: 'info' }],
    },
    {
      name: 'a document that is a list, after a comment',
      yaml: `
        # deployment tasks
        - name: build
        - name: ship
      `,
      errors: [{ messageId: 'notAManifest', line: 2, column: 1, severity: 'info' }],
    },
    {
      name: 'a document without apiVersion and kind (a values file)',
      yaml: `
        replicaCount: 2
        image: {repository: nginx}
      `,
      errors: [{ messageId: 'notAManifest', line: 1, column: 1, severity: 'info' }],
    },
    {
      name: 'a List item that is a scalar',
      yaml: `
        apiVersion: v1
        kind: List
        items:
          - just text
      `,
      errors: [{ messageId: 'notAnObject', line: 4, column: 5 }],
    },
    {
      name: 'a document without a kind',
      yaml: `
        apiVersion: v1
        metadata: {name: x}
      `,
      errors: [{ messageId: 'missingTypeMeta', line: 1, column: 1 }],
    },
  ],
});
