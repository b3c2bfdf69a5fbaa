import rule from '../../../src/lint/rules/service-selector-mismatch.js';
import { ruleTester } from '../rule-tester.js';

const deployment = (name: string, labels: string, namespace = 'default') => `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}, namespace: ${namespace}}
  spec:
    selector: {matchLabels: ${labels}}
    template:
      metadata:
        labels: ${labels}
      spec:
        containers: [{name: app, image: nginx:1.27}]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'selector equals the template labels',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web, tier: front}') },
    },
    {
      name: 'a Service without a selector (manual Endpoints)',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: external-db}
        spec:
          ports: [{port: 5432}]
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}') },
    },
    {
      name: 'an ExternalName Service',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: mail}
        spec:
          type: ExternalName
          externalName: mail.example.com
          selector: {app: mail}
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}') },
    },
    {
      name: 'a bare Pod and a CronJob are Pod templates too',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: a}
        spec: {selector: {app: a}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b}
        spec: {selector: {app: b}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a, labels: {app: a}}
        spec: {containers: [{name: a, image: a:1}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: '* * * * *'
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: b}}
                spec: {containers: [{name: b, image: b:1}]}
      `,
    },
    {
      name: 'a CRD workload (Argo Rollout) is seen',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: canary}
        spec: {selector: {app: canary}}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: canary}
        spec:
          selector: {matchLabels: {app: canary}}
          template:
            metadata: {labels: {app: canary}}
            spec: {containers: [{name: c, image: c:1}]}
      `,
    },
    {
      name: 'a per-Pod Service selecting a run-time StatefulSet label',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: db-0}
        spec:
          selector: {app: db, statefulset.kubernetes.io/pod-name: db-0}
      `,
      files: { 'sts.yaml': deployment('db', '{app: db}') },
    },
    {
      name: 'no Pod template anywhere in the input (a Service linted alone)',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}}
      `,
    },
    {
      name: 'a namespace without any Pod template in the input (Pods deployed from elsewhere)',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: exporter, namespace: monitoring}
        spec: {selector: {app: dcgm-exporter}}
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}') },
    },
    {
      name: 'no template in the namespace uses any selector key (Pods from a Helm chart or operator)',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: exporter}
        spec: {selector: {app.kubernetes.io/name: dcgm-exporter}}
      `,
      files: { 'deploy.yaml': deployment('adapter', '{app: prometheus-adapter}') },
    },
    {
      name: 'a selector value that is not a string is left to the schema rule',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: {{name}}}}
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}') },
    },
    {
      name: 'ignoredLabels leaves a label out of matching',
      options: { ignoredLabels: ['version'] },
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web, version: v2}}
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}') },
    },
  ],
  invalid: [
    {
      name: 'a one-character typo in the value names the Deployment',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: my-server}
        spec:
          selector:
            app: my-sever
      `,
      files: { 'deploy.yaml': deployment('my-server', '{app: my-server}') },
      errors: [{ messageId: 'nearMiss', line: 6, column: 10, message: "did you mean app: my-server (the labels of Deployment 'my-server')" }],
    },
    {
      name: 'one of two keys differs',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector:
            app: web
            tier: backend
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web, tier: frontend}') },
      errors: [{ messageId: 'nearMiss', line: 7, column: 11, message: 'did you mean tier: frontend' }],
    },
    {
      name: 'a typo in the key',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector:
            ap: web
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}') },
      errors: [{ messageId: 'nearMiss', line: 6, column: 9, message: 'did you mean app: web' }],
    },
    {
      name: 'nothing close: the selector is reported',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: payments}
        spec:
          selector: {app: payments}
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}') },
      errors: [{ messageId: 'noMatch', line: 5, column: 3, message: "namespace 'default' has the labels app=payments" }],
    },
    {
      name: 'alwaysReport reports a selector whose keys no template uses',
      options: { alwaysReport: true },
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: exporter}
        spec:
          selector: {app.kubernetes.io/name: dcgm-exporter}
      `,
      files: { 'deploy.yaml': deployment('adapter', '{app: prometheus-adapter}') },
      errors: [{ messageId: 'noMatch', line: 5, column: 3 }],
    },
    {
      name: 'the matching Deployment is in another namespace',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}', 'other') },
      errors: [{ messageId: 'otherNamespace', line: 3, column: 34, message: "Deployment 'web' in namespace 'other'" }],
    },
    {
      name: 'a Service without a namespace, its Deployment in one',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web}', 'shop') },
      errors: [{ messageId: 'otherNamespace', line: 3, column: 18 }],
    },
    {
      name: 'alwaysReport reports without any Pod template',
      options: { alwaysReport: true },
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}}
      `,
      errors: [{ messageId: 'noMatch', line: 4, column: 8 }],
    },
  ],
});
