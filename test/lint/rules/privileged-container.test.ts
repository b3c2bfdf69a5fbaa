import rule from '../../../src/lint/rules/privileged-container.js';
import { ruleTester } from '../rule-tester.js';

/** A Pod whose container's securityContext gets `fields` (line 10, column 9). */
const pod = (fields: string, podFields = 'restartPolicy: Always') => `
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    ${podFields}
    containers:
      - name: app
        image: app:1
        securityContext:
          ${fields}
`;

ruleTester(rule, {
  valid: [
    { name: 'a locked-down container', yaml: pod('{allowPrivilegeEscalation: false, privileged: false, capabilities: {drop: [ALL]}}') },
    { name: 'baseline capabilities', yaml: pod('capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL]}') },
    { name: 'an allowed extra capability, written with a prefix', yaml: pod('capabilities: {add: [cap_net_admin]}'), options: { allowedCapabilities: ['NET_ADMIN'] } },
    { name: 'no securityContext: escalation is not required to be off by default', yaml: pod('{}') },
    { name: 'requireNoEscalation with escalation off', yaml: pod('allowPrivilegeEscalation: false'), options: { requireNoEscalation: true } },
  ],
  invalid: [
    {
      name: 'privileged',
      yaml: pod('privileged: true'),
      errors: [{ messageId: 'privileged', line: 10, column: 21, severity: 'warning', message: "Container 'app' runs privileged" }],
    },
    { name: 'allowPrivilegeEscalation: true', yaml: pod('allowPrivilegeEscalation: true'), errors: [{ messageId: 'privilegeEscalation', line: 10, column: 35 }] },
    {
      name: 'dangerous capabilities, each at its item',
      yaml: pod('capabilities:\n            add: [NET_BIND_SERVICE, SYS_ADMIN, NET_ADMIN, ALL, FOO]'),
      errors: [
        { messageId: 'capability', line: 11, column: 35, message: 'SYS_ADMIN (close to root' },
        { messageId: 'capability', line: 11, column: 46 },
        { messageId: 'capability', line: 11, column: 57, message: 'ALL (every capability' },
        { messageId: 'capability', line: 11, column: 62, message: 'FOO (a privilege beyond' },
      ],
    },
    { name: 'ALL cannot be allowed away', yaml: pod('capabilities: {add: [ALL]}'), options: { allowedCapabilities: ['ALL'] }, errors: [{ messageId: 'capability', line: 10, column: 30 }] },
    {
      name: 'requireNoEscalation: not set points at the securityContext',
      yaml: pod('runAsNonRoot: true'),
      options: { requireNoEscalation: true },
      errors: [{ messageId: 'escalationNotDisabled', line: 9, column: 7 }],
    },
    {
      name: 'requireNoEscalation: no securityContext at all points at the container',
      yaml: pod('{}').replace('        securityContext:\n          {}\n', ''),
      options: { requireNoEscalation: true },
      errors: [{ messageId: 'escalationNotDisabled', line: 7, column: 7 }],
    },
    {
      name: 'Windows HostProcess at pod and container level',
      yaml: pod('windowsOptions: {hostProcess: true}', 'securityContext: {windowsOptions: {hostProcess: true}}'),
      errors: [
        { messageId: 'hostProcess', line: 5, column: 51, message: 'The Pod runs' },
        { messageId: 'hostProcess', line: 10, column: 39, message: "Container 'app' runs" },
      ],
    },
    {
      name: 'an init container of a DaemonSet',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: tuner}
        spec:
          selector: {matchLabels: {app: tuner}}
          template:
            metadata: {labels: {app: tuner}}
            spec:
              initContainers: [{name: sysctl, image: busybox:1.36, securityContext: {privileged: true}}]
              containers: [{name: app, image: app:1}]
      `,
      errors: [{ messageId: 'privileged', line: 9, column: 90, message: "Init container 'sysctl'" }],
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
                      containers:
                        - name: job
                          image: job:1
                          securityContext: {allowPrivilegeEscalation: true}
      `,
      errors: [{ messageId: 'privilegeEscalation', line: 17, column: 63 }],
    },
  ],
});
