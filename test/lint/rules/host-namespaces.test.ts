import rule from '../../../src/lint/rules/host-namespaces.js';
import { ruleTester } from '../rule-tester.js';

/** A Pod whose spec gets `fields` (line 5, column 3). */
const pod = (fields: string) => `
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    ${fields}
    containers: [{name: app, image: app:1}]
`;

ruleTester(rule, {
  valid: [
    { name: 'no host namespaces', yaml: pod('restartPolicy: Always') },
    { name: 'explicitly false', yaml: pod('hostNetwork: false\n    hostPID: false\n    hostIPC: false') },
    { name: 'hostUsers: false is the safe setting', yaml: pod('hostUsers: false') },
    { name: 'a string is left to schema', yaml: pod('hostNetwork: "true"') },
  ],
  invalid: [
    { name: 'hostNetwork', yaml: pod('hostNetwork: true'), errors: [{ messageId: 'hostNetwork', line: 5, column: 16, severity: 'warning' }] },
    {
      name: 'all three, each at its field',
      yaml: pod('hostPID: true\n    hostIPC: true\n    hostNetwork: true'),
      errors: [
        { messageId: 'hostPID', line: 5, column: 12 },
        { messageId: 'hostIPC', line: 6, column: 12 },
        { messageId: 'hostNetwork', line: 7, column: 16 },
      ],
    },
    {
      name: 'a DaemonSet template',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {hostNetwork: true, containers: [{name: agent, image: agent:1}]}
      `,
      errors: [{ messageId: 'hostNetwork', line: 8, column: 25 }],
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
                      hostPID: true
                      restartPolicy: Never
                      containers: [{name: job, image: job:1}]
      `,
      errors: [{ messageId: 'hostPID', line: 13, column: 24 }],
    },
  ],
});
