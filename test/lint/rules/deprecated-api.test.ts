import { describe, expect, test } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import type { RuleSeverity } from '../../../src/lint/config.js';
import rule from '../../../src/lint/rules/deprecated-api.js';
import { dedent, ruleTester } from '../rule-tester.js';

const pdb = (apiVersion: string) => `
  apiVersion: ${apiVersion}
  kind: PodDisruptionBudget
  metadata: {name: web}
  spec:
    minAvailable: 1
    selector: {matchLabels: {app: web}}
`;

const cronJob = (apiVersion: string) => `
  apiVersion: ${apiVersion}
  kind: CronJob
  metadata: {name: nightly}
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers: [{name: job, image: busybox:1.36}]
`;

ruleTester(rule, {
  valid: [
    { name: 'a current apiVersion', yaml: pdb('policy/v1') },
    { name: 'batch/v1 CronJob', yaml: cronJob('batch/v1') },
    { name: 'deprecated only after the target version', yaml: cronJob('batch/v1beta1'), kubeVersion: '1.20' },
    { name: 'a custom resource', yaml: 'apiVersion: example.com/v1beta1\nkind: Widget\nmetadata: {name: w}\n' },
  ],
  invalid: [
    {
      name: 'removed in the default target (1.36), with the replacement: the rule\'s default severity',
      yaml: pdb('policy/v1beta1'),
      errors: [{ messageId: 'removed', line: 1, column: 13, severity: 'warning', message: 'removed in Kubernetes 1.25 (target 1.36): use policy/v1 instead' }],
    },
    {
      name: 'deprecated but still served in the target version',
      yaml: cronJob('batch/v1beta1'),
      kubeVersion: '1.22',
      errors: [{ messageId: 'deprecated', line: 1, column: 13, severity: 'warning', message: 'deprecated since Kubernetes 1.21 and will be removed in 1.25: use batch/v1 instead' }],
    },
    {
      name: 'removed exactly in the target version',
      yaml: cronJob('batch/v1beta1'),
      kubeVersion: 'v1.25.3',
      errors: [{ messageId: 'removed', line: 1, column: 13, severity: 'warning', message: 'was removed in Kubernetes 1.25' }],
    },
    {
      name: 'deprecated in favour of another kind',
      yaml: `
        apiVersion: v1
        kind: Endpoints
        metadata: {name: external-db}
        subsets: [{addresses: [{ip: 10.0.0.5}], ports: [{port: 5432}]}]
      `,
      errors: [{ messageId: 'deprecated', line: 1, column: 13, message: 'use discovery.k8s.io/v1 EndpointSlice instead' }],
    },
    {
      name: 'removed without a replacement',
      yaml: `
        apiVersion: policy/v1beta1
        kind: PodSecurityPolicy
        metadata: {name: restricted}
        spec: {}
      `,
      errors: [{ messageId: 'removed', line: 1, column: 13, message: 'it has no replacement' }],
    },
    {
      name: 'inside a List',
      yaml: `
        apiVersion: v1
        kind: List
        items:
          - apiVersion: extensions/v1beta1
            kind: Deployment
            metadata: {name: web}
          - apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
      `,
      errors: [{ messageId: 'removed', line: 4, column: 17, message: 'use apps/v1 instead' }],
    },
  ],
});

describe('deprecated-api: the configured severity applies to every finding', () => {
  const files = [
    { path: 'pdb.yaml', text: dedent(pdb('policy/v1beta1')) },
    { path: 'cron.yaml', text: dedent(cronJob('batch/v1beta1')) },
  ];
  // Both APIs were deprecated in 1.21 and removed in 1.25: removed at target 1.36, deprecated at 1.22.
  test.each<[RuleSeverity | undefined, string]>([
    [undefined, 'warning'],
    ['warning', 'warning'],
    ['error', 'error'],
    ['info', 'info'],
  ])('--rule deprecated-api=%s → %s', (override, expected) => {
    const run = (kubeVersion: string) =>
      lint(files, { rules: [rule], kubeVersion, ...(override ? { ruleOverrides: { 'deprecated-api': override } } : {}) }).diagnostics;
    const removed = run('1.36').filter((d) => d.messageId === 'removed');
    const deprecated = run('1.22').filter((d) => d.messageId === 'deprecated');
    expect(removed.map((d) => [d.file, d.severity])).toEqual([
      ['cron.yaml', expected],
      ['pdb.yaml', expected],
    ]);
    expect(deprecated.map((d) => [d.file, d.severity])).toEqual([
      ['cron.yaml', expected],
      ['pdb.yaml', expected],
    ]);
  });
});
