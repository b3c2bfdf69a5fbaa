import rule from '../../../src/lint/rules/workload-selector-mismatch.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'matchLabels is a subset of the template labels',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, image: web:1}]}
      `,
    },
    {
      name: 'every expression operator holding',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          selector:
            matchExpressions:
              - {key: app, operator: In, values: [db, cache]}
              - {key: tier, operator: NotIn, values: [front]}
              - {key: app, operator: Exists}
              - {key: canary, operator: DoesNotExist}
          template:
            metadata: {labels: {app: db, tier: data}}
            spec: {containers: [{name: db, image: db:1}]}
      `,
    },
    {
      name: 'a Job without a selector (generated)',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once}
        spec:
          template:
            spec: {restartPolicy: Never, containers: [{name: a, image: a:1}]}
      `,
    },
    {
      name: 'a ReplicationController whose map selector matches',
      yaml: `
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: old}
        spec:
          selector: {app: old}
          template:
            metadata: {labels: {app: old}}
            spec: {containers: [{name: a, image: a:1}]}
      `,
    },
    {
      name: 'a custom resource whose spec.selector is not a LabelSelector',
      yaml: `
        apiVersion: example.com/v1
        kind: Thing
        metadata: {name: t}
        spec:
          selector: {app: other}
          template:
            metadata: {labels: {app: t}}
            spec: {containers: [{name: a, image: a:1}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'matchLabels value differs from the template',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels: {app: webapp}
            spec: {containers: [{name: web, image: web:1}]}
      `,
      errors: [{ messageId: 'labelMismatch', line: 7, column: 12, message: 'its Pod template has app: webapp' }],
    },
    {
      name: 'a template without the selected key',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector:
            matchLabels: {app: agent, tier: node}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: a, image: a:1}]}
      `,
      errors: [{ messageId: 'labelMismatch', line: 6, column: 37, message: "no 'tier' label" }],
    },
    {
      name: 'a failing matchExpressions requirement',
      yaml: `
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs}
        spec:
          selector:
            matchExpressions:
              - {key: app, operator: In, values: [rs]}
              - {key: canary, operator: DoesNotExist}
          template:
            metadata: {labels: {app: rs, canary: 'true'}}
            spec: {containers: [{name: a, image: a:1}]}
      `,
      errors: [{ messageId: 'expressionMismatch', line: 8, column: 9 }],
    },
    {
      name: 'an empty selector',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: web:1}]}
      `,
      errors: [{ messageId: 'emptySelector', line: 5, column: 3 }],
    },
    {
      name: 'an Argo Rollout is checked like a Deployment',
      yaml: `
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: canary}
        spec:
          selector: {matchLabels: {app: canary}}
          template:
            metadata: {labels: {app: canry}}
            spec: {containers: [{name: c, image: c:1}]}
      `,
      errors: [{ messageId: 'labelMismatch', line: 5, column: 33 }],
    },
    {
      name: 'a ReplicationController map selector that does not match',
      yaml: `
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: old}
        spec:
          selector: {app: old, v: '2'}
          template:
            metadata: {labels: {app: old, v: '1'}}
            spec: {containers: [{name: a, image: a:1}]}
      `,
      errors: [{ messageId: 'labelMismatch', line: 5, column: 27 }],
    },
  ],
});
