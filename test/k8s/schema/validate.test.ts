import { describe, expect, test } from 'vitest';
import { validateObject } from '../../../src/k8s/schema/index.js';
import { deployment, manifest } from './schema-fixtures.js';

const valid: [string, string][] = [
  ['Deployment (int-or-string ports and maxSurge, quantities, creationTimestamp: null, status: {})', deployment],
  [
    'Service',
    `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: ClusterIP
  selector: {app: web}
  ports:
    - {name: http, port: 80, targetPort: http, protocol: TCP}
    - {name: admin, port: 9090, targetPort: 9090}
`,
  ],
  [
    'ConfigMap',
    `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data:
  LOG_LEVEL: debug
  config.yaml: |
    a: 1
binaryData:
  blob: aGVsbG8=
`,
  ],
  [
    'Secret with base64 data and stringData',
    `apiVersion: v1
kind: Secret
metadata: {name: creds}
type: Opaque
data:
  password: cGFzc3dvcmQ=
  wrapped: |
    aGVsbG8gd29ybGQg
    aGVsbG8gd2
    9ybGQ=
stringData:
  user: admin
`,
  ],
  [
    'CronJob',
    `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
              args: [sh, -c, date]
`,
  ],
  [
    'Ingress',
    `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}
spec:
  ingressClassName: nginx
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
`,
  ],
  [
    'HorizontalPodAutoscaler autoscaling/v2',
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: 70}
    - type: Resource
      resource:
        name: memory
        target: {type: AverageValue, averageValue: 500Mi}
`,
  ],
  [
    'PodDisruptionBudget policy/v1 (int-or-string minAvailable)',
    `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 50%
  selector:
    matchLabels: {app: web}
`,
  ],
  [
    'quantities given as numbers',
    `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      image: busybox
      resources:
        requests: {cpu: 0.5, memory: 134217728}
        limits: {cpu: 2}
`,
  ],
  [
    'null for optional fields (Helm and kubectl output)',
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations: null
  creationTimestamp: null
spec:
  replicas: null
  selector: {matchLabels: {app: web}}
  strategy: {}
  template:
    metadata: {creationTimestamp: null, labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          resources: {}
          env: null
status: {}
`,
  ],
  [
    'CustomResourceDefinition with a recursive schema',
    `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
  versions:
    - name: v1
      served: true
      storage: true
      subresources: {status: {}}
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: integer, minimum: 1, default: 1}
                tags: {type: array, items: {type: string}}
                extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
`,
  ],
  [
    'ClusterRole and binding',
    `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, list, watch]
`,
  ],
  [
    'integers at the edges of int32 and int64 (2^63 - 1 reads as 2^63, and is accepted)',
    deployment
      .replace('replicas: 2', 'replicas: 2147483647\n  minReadySeconds: 0\n  revisionHistoryLimit: -2147483648')
      .replace('      containers:', '      terminationGracePeriodSeconds: 9223372036854775807\n      securityContext: {runAsUser: -9223372036854775808}\n      containers:'),
  ],
];

describe('validateObject: valid built-in objects', () => {
  test.each(valid)('%s', (_name, yaml) => {
    expect(validateObject(manifest(yaml))).toEqual({ status: 'valid' });
  });
});

describe('validateObject: not built in', () => {
  test.each([
    ['a custom resource', 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec: {anything: 1}\n'],
    ['a CRD in a group that looks built in', 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\n'],
    ['a removed API the deprecation table knows', 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n'],
  ])('%s is unknown', (_name, yaml) => {
    expect(validateObject(manifest(yaml))).toEqual({ status: 'unknown' });
  });

  test('a removed API whose definitions are still vendored is validated', () => {
    const result = validateObject(
      manifest('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n'),
    );
    expect(result).toEqual({ status: 'valid' });
  });
});
