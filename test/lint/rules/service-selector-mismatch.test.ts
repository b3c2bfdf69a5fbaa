import { expect, test } from 'vitest';
import rule from '../../../src/lint/rules/service-selector-mismatch.js';
import { runCase, ruleTester } from '../rule-tester.js';

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
      name: 'a selector whose keys no template of the namespace uses',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: exporter}
        spec:
          selector: {app.kubernetes.io/name: dcgm-exporter}
      `,
      files: { 'deploy.yaml': deployment('adapter', '{app: prometheus-adapter}') },
      errors: [{ messageId: 'noMatch', line: 5, column: 3, message: 'has the labels app.kubernetes.io/name=dcgm-exporter' }],
    },
    {
      name: 'the selector value under another key of a template in the same file',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: web}}
          template:
            metadata:
              labels: {app.kubernetes.io/name: web}
            spec: {containers: [{name: app, image: nginx:1.27}]}
      `,
      errors: [{ messageId: 'nearMiss', line: 5, column: 19, message: "its selector has app: web; did you mean app.kubernetes.io/name: web (the labels of Deployment 'web')?" }],
    },
    {
      name: 'one of several keys renamed on the template',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector:
            app: web
            tier: front
      `,
      files: { 'deploy.yaml': deployment('web', '{app.kubernetes.io/name: web, tier: front, team: shop}') },
      errors: [{ messageId: 'nearMiss', line: 6, column: 10, message: 'did you mean app.kubernetes.io/name: web' }],
    },
    {
      name: 'among templates sharing the other labels, the one with a typo',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: my-server}
        spec:
          selector:
            tier: front
            app: my-sever
      `,
      files: {
        'a.yaml': deployment('checkout', '{tier: front, app: checkout}'),
        'b.yaml': deployment('my-server', '{tier: front, app: my-server}'),
      },
      errors: [{ messageId: 'nearMiss', line: 7, column: 10, message: "did you mean app: my-server (the labels of Deployment 'my-server')" }],
    },
    {
      name: 'a key typo is nearer than the value under an unrelated key',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector:
            ap: web
      `,
      files: { 'a.yaml': deployment('web-a', '{app.kubernetes.io/name: web}'), 'b.yaml': deployment('web-b', '{app: web}') },
      errors: [{ messageId: 'nearMiss', line: 6, column: 9, message: "did you mean app: web (the labels of Deployment 'web-b')" }],
    },
    {
      name: 'the value under a key the selector already uses is no candidate',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web, name: api}
      `,
      files: { 'deploy.yaml': deployment('web', '{name: web, tier: back}') },
      errors: [{ messageId: 'noMatch', line: 5, column: 3 }],
    },
    {
      name: 'a template with every other pair of the selector and no such key is named',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: s1}
        spec:
          selector: {app: my-server, tier: web}
      `,
      files: { 'deploy.yaml': deployment('my-server', '{app: my-server}') },
      errors: [
        {
          messageId: 'missingLabel',
          line: 5,
          column: 30,
          message: "Service 's1' selects no Pod: Deployment 'my-server' has the other labels of its selector but no tier label (tier: web is in the selector only).",
        },
      ],
    },
    {
      name: 'a common value under another key is no candidate',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: metrics}
        spec:
          selector: {monitoring: "true"}
      `,
      files: { 'deploy.yaml': deployment('web', '{app: web, sidecar-injection: "true"}') },
      errors: [{ messageId: 'noMatch', line: 5, column: 3 }],
    },
    {
      name: 'a two-edit value typo of a short one-key selector is no candidate',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          selector: {app: apx2}
      `,
      files: { 'deploy.yaml': deployment('api', '{app: api}') },
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

test('a near miss has a related location on the label it probably meant', () => {
  const [finding, ...more] = runCase(rule, {
    name: 'related',
    yaml: `
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {selector: {app: web}}
    `,
    files: { 'deploy.yaml': deployment('web', '{app.kubernetes.io/name: web}') },
  });
  expect(more).toEqual([]);
  expect(finding?.related?.map((r) => [r.file, r.line, r.column, r.message])).toEqual([['deploy.yaml', 8, 16, "the labels of Deployment 'web'"]]);
});

test('a template missing a selector key has a related location on its labels', () => {
  const [finding] = runCase(rule, {
    name: 'related labels',
    yaml: `
      apiVersion: v1
      kind: Service
      metadata: {name: s1}
      spec: {selector: {app: my-server, tier: web}}
    `,
    files: { 'deploy.yaml': deployment('my-server', '{app: my-server}') },
  });
  expect(finding?.related?.map((r) => [r.file, r.line, r.column, r.message])).toEqual([['deploy.yaml', 8, 7, "the labels of Deployment 'my-server'"]]);
});
