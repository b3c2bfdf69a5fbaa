import rule from '../../../src/lint/rules/run-as-root.js';
import { ruleTester } from '../rule-tester.js';

/**
 * A Pod with a pod-level securityContext (line 5, value at column 20) and one container `app` (line 7,
 * column 7) whose securityContext is on line 9 (value at column 24; a field in it at 25 + its key).
 */
const pod = (podContext: string, containerContext: string) => `
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    securityContext: ${podContext}
    containers:
      - name: app
        image: app:1
        securityContext: ${containerContext}
`;

ruleTester(rule, {
  valid: [
    { name: 'runAsNonRoot on the pod', yaml: pod('{runAsNonRoot: true}', '{}') },
    { name: 'runAsNonRoot on the container', yaml: pod('{}', '{runAsNonRoot: true}') },
    { name: 'a non-zero runAsUser on the pod', yaml: pod('{runAsUser: 1000}', '{}') },
    { name: 'the container overrides a root pod user', yaml: pod('{runAsUser: 0}', '{runAsUser: 1000}') },
    { name: 'the container overrides runAsNonRoot: false', yaml: pod('{runAsNonRoot: false}', '{runAsNonRoot: true}') },
    { name: 'unset is accepted when not required', yaml: pod('{}', '{}'), options: { requireNonRoot: false } },
    { name: 'a Windows pod', yaml: pod('{}', '{}').replace('spec:\n', 'spec:\n    os: {name: windows}\n') },
    { name: 'a Windows user name', yaml: pod('{windowsOptions: {runAsUserName: ContainerUser}}', '{}') },
  ],
  invalid: [
    {
      name: 'runAsUser 0 on the container',
      yaml: pod('{runAsNonRoot: false}', '{runAsUser: 0}'),
      errors: [{ messageId: 'runsAsRoot', line: 9, column: 36, severity: 'warning', message: "Container 'app' runs as root (runAsUser: 0)" }],
    },
    {
      name: 'runAsUser 0 inherited from the pod',
      yaml: pod('{runAsUser: 0}', '{readOnlyRootFilesystem: true}'),
      errors: [{ messageId: 'runsAsRoot', line: 5, column: 32, message: 'set for the whole pod' }],
    },
    {
      name: 'runAsUser 0 even when root is not required to be excluded',
      yaml: pod('{}', '{runAsUser: 0}'),
      options: { requireNonRoot: false },
      errors: [{ messageId: 'runsAsRoot', line: 9, column: 36 }],
    },
    {
      name: 'runAsUser 0 with runAsNonRoot: true cannot start',
      yaml: pod('{runAsNonRoot: true}', '{runAsUser: 0}'),
      errors: [{ messageId: 'rootConflict', line: 9, column: 36 }],
    },
    {
      name: 'nothing set: points at the container securityContext',
      yaml: pod('{}', '{readOnlyRootFilesystem: true}'),
      errors: [{ messageId: 'mayRunAsRoot', line: 9, column: 7, message: 'neither it nor its pod sets' }],
    },
    {
      name: 'runAsNonRoot: false on the pod',
      yaml: pod('{runAsNonRoot: false}', '{}'),
      errors: [{ messageId: 'mayRunAsRoot', line: 5, column: 35, message: 'runAsNonRoot is false for the whole pod' }],
    },
    {
      name: 'nothing at all: points at the container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: a:1}, {name: b, image: b:1, securityContext: {runAsUser: 1000}}]
      `,
      errors: [{ messageId: 'mayRunAsRoot', line: 5, column: 16, message: "Container 'a'" }],
    },
    {
      name: 'an init container is checked; the pod setting covers the app container',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              securityContext: {runAsNonRoot: true}
              initContainers: [{name: chown, image: busybox:1.36, securityContext: {runAsUser: 0, runAsNonRoot: false}}]
              containers: [{name: web, image: web:1}]
      `,
      errors: [{ messageId: 'runsAsRoot', line: 10, column: 88, message: "Init container 'chown'" }],
    },
    {
      name: 'a CronJob inside a List',
      yaml: `
        apiVersion: v1
        kind: List
        items:
          - apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      securityContext: {runAsUser: 0}
                      containers: [{name: job, image: job:1}]
      `,
      errors: [{ messageId: 'runsAsRoot', line: 14, column: 44 }],
    },
  ],
});
