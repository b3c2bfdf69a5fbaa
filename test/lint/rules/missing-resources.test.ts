import rule from '../../../src/lint/rules/missing-resources.js';
import { ruleTester } from '../rule-tester.js';

/** A Deployment in namespace `shop` whose container `web` (line 11, column 11) gets `fields` (line 13, column 11). */
const deployment = (fields: string, podFields = 'terminationGracePeriodSeconds: 30') => `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        ${podFields}
        containers:
          - name: web
            image: web:1
            ${fields}
`;

const limitRange = (namespace: string, item: string) => `
  apiVersion: v1
  kind: LimitRange
  metadata: {name: defaults, namespace: ${namespace}}
  spec:
    limits: [${item}]
`;

const full = 'resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}';

ruleTester(rule, {
  valid: [
    { name: 'requests and a memory limit', yaml: deployment(full) },
    { name: 'limits imply requests', yaml: deployment('resources: {limits: {cpu: 500m, memory: 256Mi}}') },
    { name: 'pod-level resources', yaml: deployment('ports: []', 'resources: {requests: {cpu: "1", memory: 1Gi}, limits: {memory: 1Gi}}') },
    {
      name: 'a LimitRange in the namespace fills in defaults',
      yaml: deployment('ports: []'),
      files: { 'lr.yaml': limitRange('shop', '{type: Container, default: {memory: 256Mi}, defaultRequest: {cpu: 100m}}') },
    },
    {
      name: 'a LimitRange max becomes the default limit and request',
      yaml: deployment('resources: {requests: {cpu: 100m}}'),
      files: { 'lr.yaml': limitRange('shop', '{type: Container, max: {memory: 1Gi}}') },
    },
    { name: 'configured to require only memory', yaml: deployment('resources: {requests: {memory: 64Mi}, limits: {memory: 64Mi}}'), options: { requests: ['memory'], limits: ['memory'] } },
    { name: 'init containers can be left out', yaml: deployment(full).replace('containers:', 'initContainers: [{name: init, image: init:1}]\n        containers:'), options: { initContainers: false } },
  ],
  invalid: [
    {
      name: 'no resources at all: one finding',
      yaml: deployment('ports: []'),
      errors: [{ messageId: 'noResources', line: 11, column: 11, severity: 'warning', message: "Container 'web' sets no resources (no cpu and memory request, no memory limit)" }],
    },
    {
      name: 'requests without a memory limit',
      yaml: deployment('resources: {requests: {cpu: 100m, memory: 128Mi}}'),
      errors: [{ messageId: 'noLimits', line: 13, column: 11, message: 'no memory limit' }],
    },
    {
      name: 'a cpu limit only',
      yaml: deployment('resources: {limits: {cpu: "1"}}'),
      errors: [
        { messageId: 'noRequests', line: 13, column: 11, message: 'no memory request' },
        { messageId: 'noLimits', line: 13, column: 23 },
      ],
    },
    {
      name: 'a memory limit without a cpu request',
      yaml: deployment('resources: {limits: {memory: 128Mi}}'),
      errors: [{ messageId: 'noRequests', line: 13, column: 11, message: 'no cpu request' }],
    },
    {
      name: 'a LimitRange in another namespace does not count',
      yaml: deployment('resources: {requests: {cpu: 100m, memory: 128Mi}}'),
      files: { 'lr.yaml': limitRange('other', '{type: Container, default: {memory: 256Mi}}') },
      errors: [{ messageId: 'noLimits', line: 13, column: 11 }],
    },
    {
      name: 'a LimitRange for Pods does not default containers',
      yaml: deployment('resources: {requests: {cpu: 100m, memory: 128Mi}}'),
      files: { 'lr.yaml': limitRange('shop', '{type: Pod, max: {memory: 2Gi}}') },
      errors: [{ messageId: 'noLimits', line: 13, column: 11 }],
    },
    {
      name: 'an init container',
      yaml: deployment(full).replace('containers:', 'initContainers: [{name: init, image: init:1}]\n        containers:'),
      errors: [{ messageId: 'noResources', line: 10, column: 24, message: "Init container 'init'" }],
    },
    {
      name: 'a configured ephemeral-storage request',
      yaml: deployment(full),
      options: { requests: ['cpu', 'memory', 'ephemeral-storage'] },
      errors: [{ messageId: 'noRequests', line: 13, column: 23, message: 'no ephemeral-storage request' }],
    },
    {
      name: 'a CronJob container',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: job
                      image: job:1
                      resources:
                        requests: {cpu: 100m}
      `,
      errors: [
        { messageId: 'noRequests', line: 15, column: 17, message: 'no memory request' },
        { messageId: 'noLimits', line: 14, column: 15 },
      ],
    },
  ],
});
