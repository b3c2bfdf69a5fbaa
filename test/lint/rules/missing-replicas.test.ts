import rule from '../../../src/lint/rules/missing-replicas.js';
import { ruleTester } from '../rule-tester.js';

const deployment = (spec: string, kind = 'Deployment', name = 'web') => `
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: ${name}}
  spec:
    ${spec}
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: web:1}]}
`;

ruleTester(rule, {
  valid: [
    { name: 'explicit replicas', yaml: deployment('replicas: 3') },
    { name: 'explicit replicas: 1 without a minimum', yaml: deployment('replicas: 1') },
    {
      name: 'an HPA targets the Deployment',
      yaml: deployment('minReadySeconds: 5'),
      files: {
        'hpa.yaml': `
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            minReplicas: 2
            maxReplicas: 5
        `,
      },
    },
    {
      name: 'a KEDA ScaledObject targets the Deployment',
      yaml: deployment('minReadySeconds: 5'),
      files: {
        'keda.yaml': `
          apiVersion: keda.sh/v1alpha1
          kind: ScaledObject
          metadata: {name: web}
          spec:
            scaleTargetRef: {name: web}
        `,
      },
    },
    {
      name: 'a DaemonSet has no replicas',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: a}}
          template:
            metadata: {labels: {app: a}}
            spec: {containers: [{name: a, image: a:1}]}
      `,
    },
    { name: 'replicas at the minimum', yaml: deployment('replicas: 2'), options: { min: 2 } },
  ],
  invalid: [
    { name: 'a Deployment without replicas', yaml: deployment('minReadySeconds: 5'), errors: [{ messageId: 'missing', line: 4, column: 1, severity: 'warning' }] },
    { name: 'a StatefulSet without replicas', yaml: deployment('serviceName: db', 'StatefulSet'), errors: [{ messageId: 'missing', line: 4, column: 1 }] },
    {
      name: 'an HPA for another Deployment does not count',
      yaml: deployment('minReadySeconds: 5'),
      files: {
        'hpa.yaml': `
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: api}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
            maxReplicas: 5
        `,
      },
      errors: [{ messageId: 'missing', line: 4, column: 1 }],
    },
    {
      name: 'no spec at all: the kind',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: bare}
      `,
      errors: [{ messageId: 'missing', line: 2, column: 1 }],
    },
    {
      name: 'the spec key of a List item, not the start of the document',
      yaml: `
        # rendered
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web:1}]}
      `,
      errors: [{ messageId: 'missing', line: 8, column: 5 }],
    },
    { name: 'explicit replicas below the minimum', yaml: deployment('replicas: 1'), options: { min: 2 }, errors: [{ messageId: 'belowMin', line: 5, column: 13 }] },
  ],
});
