import rule from '../../../src/lint/rules/missing-probes.js';
import { ruleTester } from '../rule-tester.js';

const probe = '{httpGet: {path: /healthz, port: 8080}}';
const port = 'ports: [{containerPort: 8080}]';

/** A Deployment whose container `web` (line 11, column 11) gets `fields`. */
const deployment = (fields: string, kind = 'Deployment') => `
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
          - name: web
            image: web:1
            ${fields}
`;

ruleTester(rule, {
  valid: [
    { name: 'both probes', yaml: deployment(`readinessProbe: ${probe}\n            livenessProbe: ${probe}`) },
    { name: 'only readiness required', yaml: deployment(`readinessProbe: ${probe}`), options: { liveness: false } },
    { name: 'only liveness required', yaml: deployment(`livenessProbe: ${probe}\n            ${port}`), options: { readiness: false } },
    { name: 'a worker without ports or a Service needs no readiness probe', yaml: deployment(`livenessProbe: ${probe}`) },
    {
      name: 'a Job runs to completion',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: migrate, image: migrate:1}]
      `,
    },
    {
      name: 'a CronJob runs to completion',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [{name: job, image: job:1}]
      `,
    },
    {
      name: 'a bare Pod that runs to completion',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: once}
        spec:
          restartPolicy: Never
          containers: [{name: once, image: once:1}]
      `,
    },
    {
      name: 'init containers are not checked',
      yaml: deployment(`readinessProbe: ${probe}\n            livenessProbe: ${probe}`).replace('containers:', 'initContainers: [{name: init, image: init:1}]\n        containers:'),
    },
  ],
  invalid: [
    {
      name: 'no probes at all: one finding on the container',
      yaml: deployment('ports: [{containerPort: 8080}]'),
      errors: [{ messageId: 'noProbes', line: 10, column: 11, severity: 'warning', message: "Container 'web' has no readinessProbe and no livenessProbe" }],
    },
    { name: 'no readiness probe', yaml: deployment(`livenessProbe: ${probe}\n            ${port}`), errors: [{ messageId: 'noReadiness', line: 10, column: 11 }] },
    { name: 'no liveness probe', yaml: deployment(`readinessProbe: ${probe}`), errors: [{ messageId: 'noLiveness', line: 10, column: 11 }] },
    { name: 'an empty probe key points at the key', yaml: deployment(`${port}\n            livenessProbe: ${probe}\n            readinessProbe:`), errors: [{ messageId: 'noReadiness', line: 14, column: 11 }] },
    { name: 'a StatefulSet', yaml: deployment(port, 'StatefulSet'), errors: [{ messageId: 'noProbes', line: 10, column: 11 }] },
    { name: 'liveness off: readiness still required', yaml: deployment(port), options: { liveness: false }, errors: [{ messageId: 'noReadiness', line: 10, column: 11 }] },
    {
      name: 'no ports, but a Service selects the Pods: readiness required',
      yaml: deployment('args: [serve]'),
      files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}\n' },
      errors: [{ messageId: 'noProbes', line: 10, column: 11 }],
    },
    {
      name: 'no ports and no Service: only liveness required',
      yaml: deployment('args: [work]'),
      files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: other}\nspec: {selector: {app: other}, ports: [{port: 80}]}\n' },
      errors: [{ messageId: 'noLiveness', line: 10, column: 11 }],
    },
    {
      name: 'a long-running bare Pod, second container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: app, image: app:1, readinessProbe: ${probe}, livenessProbe: ${probe}}
            - {name: sidecar, image: proxy:1}
      `,
      errors: [{ messageId: 'noLiveness', line: 7, column: 7, message: "Container 'sidecar'" }],
    },
    {
      name: 'a Pod inside a List',
      yaml: `
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: app
                  image: app:1
                  ports: [{containerPort: 80}]
      `,
      errors: [{ messageId: 'noProbes', line: 9, column: 11 }],
    },
  ],
});
