import { describe, expect, test } from 'vitest';
import { validateObject, type SchemaResult } from '../../../src/k8s/schema/index.js';
import { parseDocuments } from '../../../src/source/index.js';

/** The first document of a YAML text, parsed the way the linter reads manifests. */
function manifest(yaml: string): Record<string, unknown> {
  const { documents, diagnostics } = parseDocuments({ path: 'test.yaml', text: yaml });
  expect(diagnostics).toEqual([]);
  return documents[0]!.value as Record<string, unknown>;
}

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
  creationTimestamp: null
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  template:
    metadata:
      labels: {app: web}
      annotations: {prometheus.io/scrape: "true"}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: MODE
              value: production
            - name: POD_IP
              valueFrom:
                fieldRef: {fieldPath: status.podIP}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 1, memory: 1Gi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
          livenessProbe:
            tcpSocket: {port: 8080}
      volumes:
        - name: cache
          emptyDir: {}
status: {}
`;

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

interface InvalidCase {
  name: string;
  yaml: string;
  violations: { path: (string | number)[]; keyword: string; key?: boolean; message?: string | RegExp }[];
}

const invalid: InvalidCase[] = [
  {
    name: 'unknown field with a suggestion',
    yaml: deployment.replace('      containers:', '      contianers: []\n      containers:'),
    violations: [
      {
        path: ['spec', 'template', 'spec', 'contianers'],
        key: true,
        keyword: 'unknown-field',
        message: "unknown field 'contianers' in spec.template.spec (did you mean 'containers'?)",
      },
    ],
  },
  {
    name: 'unknown field at the top level, without a close match',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nsettings: {a: b}\n',
    violations: [{ path: ['settings'], key: true, keyword: 'unknown-field', message: "unknown field 'settings' at the top level" }],
  },
  {
    name: 'unknown field inside a list item',
    yaml: deployment.replace('          image: nginx:1.27', '          image: nginx:1.27\n          imagePullPolicy: Always\n          imagePulPolicy: Never'),
    violations: [
      {
        path: ['spec', 'template', 'spec', 'containers', 0, 'imagePulPolicy'],
        key: true,
        keyword: 'unknown-field',
        message: "unknown field 'imagePulPolicy' in spec.template.spec.containers[0] (did you mean 'imagePullPolicy'?)",
      },
    ],
  },
  {
    name: 'wrong type: a string where an integer belongs',
    yaml: deployment.replace('replicas: 2', 'replicas: "2"'),
    violations: [{ path: ['spec', 'replicas'], keyword: 'type', message: 'spec.replicas must be an integer, not a string ("2")' }],
  },
  {
    name: 'wrong type: a number where a string belongs (label value)',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {version: 1.5}\n',
    violations: [{ path: ['metadata', 'labels', 'version'], keyword: 'type', message: /must be a string, not a number .*quotes/ }],
  },
  {
    name: 'wrong type: env value that is a number',
    yaml: deployment.replace('value: production', 'value: 8080'),
    violations: [{ path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'], keyword: 'type' }],
  },
  {
    name: 'missing required field',
    yaml: deployment.replace('        - name: web\n          image', '        - image'),
    violations: [
      {
        path: ['spec', 'template', 'spec', 'containers', 0],
        keyword: 'required',
        message: "missing required field 'name' in spec.template.spec.containers[0]",
      },
    ],
  },
  {
    name: 'a required field set to null is missing',
    yaml: deployment.replace('        - name: web\n          image', '        - name: null\n          image'),
    violations: [{ path: ['spec', 'template', 'spec', 'containers', 0], keyword: 'required', message: /missing required field 'name'/ }],
  },
  {
    name: 'missing required field of the object',
    yaml: 'apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: web-1}\n',
    violations: [{ path: [], keyword: 'required', message: "missing required field 'revision'" }],
  },
  {
    name: 'int-or-string given a boolean',
    yaml: deployment.replace('tcpSocket: {port: 8080}', 'tcpSocket: {port: true}'),
    violations: [
      {
        path: ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'tcpSocket', 'port'],
        keyword: 'int-or-string',
        message: 'spec.template.spec.containers[0].livenessProbe.tcpSocket.port must be an integer or a string, not a boolean (true)',
      },
    ],
  },
  {
    name: 'int-or-string given a fraction',
    yaml: deployment.replace('maxUnavailable: 1', 'maxUnavailable: 1.5'),
    violations: [{ path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], keyword: 'int-or-string' }],
  },
  {
    name: 'quantity with a unit Kubernetes does not know',
    yaml: deployment.replace('memory: 1Gi', 'memory: 1GB'),
    violations: [
      {
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory'],
        keyword: 'quantity',
        message: /must be a quantity such as 500m, 128Mi or 2, not '1GB' \(did you mean '1Gi'\?\)/,
      },
    ],
  },
  {
    name: 'Secret data in plain text',
    yaml: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: hunter2!\n',
    violations: [{ path: ['data', 'password'], keyword: 'base64', message: 'data.password must be base64-encoded (plain text goes under stringData)' }],
  },
  {
    name: 'several findings in one object, each once',
    yaml: deployment.replace('replicas: 2', 'replicas: two').replace('  selector:\n', '  selectr: {}\n  selector:\n'),
    violations: [
      { path: ['spec', 'replicas'], keyword: 'type' },
      { path: ['spec', 'selectr'], key: true, keyword: 'unknown-field', message: /did you mean 'selector'/ },
    ],
  },
  {
    name: 'unknown kind of a built-in API',
    yaml: 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n',
    violations: [{ path: ['kind'], keyword: 'kind', message: "'Deploymnet' is not a kind of apps/v1 (did you mean 'Deployment'?)" }],
  },
  {
    name: 'unknown version of a built-in API group',
    yaml: 'apiVersion: apps/v2\nkind: Deployment\nmetadata: {name: web}\n',
    violations: [{ path: ['apiVersion'], keyword: 'apiVersion', message: /'apps\/v2' is not a version of the apps API/ }],
  },
  {
    name: 'a kind under the wrong apiVersion',
    yaml: 'apiVersion: v1\nkind: Deployment\nmetadata: {name: web}\n',
    violations: [{ path: ['apiVersion'], keyword: 'apiVersion', message: "v1 has no kind 'Deployment' (Deployment is served by apps/v1)" }],
  },
  {
    name: 'a kind in another version of the group',
    yaml: 'apiVersion: resource.k8s.io/v1\nkind: DeviceTaintRule\nmetadata: {name: c}\n',
    violations: [
      {
        path: ['apiVersion'],
        keyword: 'apiVersion',
        message: "resource.k8s.io/v1 has no kind 'DeviceTaintRule' (DeviceTaintRule is served by resource.k8s.io/v1beta2, resource.k8s.io/v1alpha3)",
      },
    ],
  },
  {
    name: 'a field whose name holds a slash',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    app.kubernetes.io/version: 2\n',
    violations: [
      {
        path: ['metadata', 'labels', 'app.kubernetes.io/version'],
        keyword: 'type',
        message: 'metadata.labels["app.kubernetes.io/version"] must be a string, not an integer: put the value in quotes',
      },
    ],
  },
  {
    name: 'int32 above its range',
    yaml: deployment.replace('replicas: 2', 'replicas: 2147483648'),
    violations: [{ path: ['spec', 'replicas'], keyword: 'int32', message: 'spec.replicas must be an integer from -2147483648 to 2147483647 (int32), not 2147483648' }],
  },
  {
    name: 'int32 below its range',
    yaml: deployment.replace('replicas: 2', 'replicas: -2147483649'),
    violations: [{ path: ['spec', 'replicas'], keyword: 'int32', message: /not -2147483649$/ }],
  },
  {
    name: 'int32 inside a list item (a probe threshold)',
    yaml: deployment.replace('tcpSocket: {port: 8080}', 'tcpSocket: {port: 8080}\n            failureThreshold: 99999999999'),
    violations: [{ path: ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'failureThreshold'], keyword: 'int32', message: /not 99999999999$/ }],
  },
  {
    name: 'int64 above its range (a user id of 10^20)',
    yaml: deployment.replace('      containers:', '      securityContext: {runAsUser: 99999999999999999999}\n      containers:'),
    violations: [
      {
        path: ['spec', 'template', 'spec', 'securityContext', 'runAsUser'],
        keyword: 'int64',
        message: 'spec.template.spec.securityContext.runAsUser must be an integer from -9223372036854775808 to 9223372036854775807 (int64), not 1e+20',
      },
    ],
  },
  {
    name: 'int64 just beyond 2^63 (the next double up)',
    yaml: deployment.replace('      containers:', '      terminationGracePeriodSeconds: 9223372036854777856\n      containers:'),
    violations: [{ path: ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'], keyword: 'int64' }],
  },
  {
    name: 'int-or-string whose integer is beyond int32',
    yaml: deployment.replace('tcpSocket: {port: 8080}', 'tcpSocket: {port: 2147483648}'),
    violations: [
      {
        path: ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'tcpSocket', 'port'],
        keyword: 'int-or-string',
        message: 'spec.template.spec.containers[0].livenessProbe.tcpSocket.port must be a string or an integer from -2147483648 to 2147483647, not 2147483648',
      },
    ],
  },
  {
    name: 'a string in an int32 field is one type error, not a range error too',
    yaml: deployment.replace('replicas: 2', 'replicas: "2147483648"'),
    violations: [{ path: ['spec', 'replicas'], keyword: 'type' }],
  },
  {
    name: 'a strategic merge patch is not a manifest',
    yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n$patch: delete\n',
    violations: [{ path: ['$patch'], key: true, keyword: 'unknown-field', message: /a patch directive/ }],
  },
  {
    name: 'missing kind',
    yaml: 'apiVersion: v1\nmetadata: {name: web}\n',
    violations: [{ path: [], keyword: 'required', message: "missing required field 'kind'" }],
  },
];

describe('validateObject: violations', () => {
  test.each(invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = validateObject(manifest(c.yaml));
    expect(result.status).toBe('invalid');
    const violations = (result as Extract<SchemaResult, { status: 'invalid' }>).violations;
    expect(violations.map((v) => ({ path: v.path, keyword: v.keyword }))).toEqual(
      expect.arrayContaining(c.violations.map((v) => ({ path: v.path, keyword: v.keyword }))),
    );
    expect(violations).toHaveLength(c.violations.length);
    for (const expected of c.violations) {
      const actual = violations.find((v) => JSON.stringify(v.path) === JSON.stringify(expected.path) && v.keyword === expected.keyword)!;
      if (expected.key !== undefined) expect(actual.key).toBe(expected.key);
      if (typeof expected.message === 'string') expect(actual.message).toBe(expected.message);
      else if (expected.message) expect(actual.message).toMatch(expected.message);
    }
  });
});

test('an integer field holding Infinity (a reader that turns 1e400 into a number) is out of range', () => {
  const object = manifest(deployment) as { spec: Record<string, unknown> };
  object.spec.replicas = Infinity;
  expect(validateObject(object)).toEqual({
    status: 'invalid',
    violations: [{ path: ['spec', 'replicas'], keyword: 'int32', message: 'spec.replicas must be an integer from -2147483648 to 2147483647 (int32), not a number too large to represent' }],
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
