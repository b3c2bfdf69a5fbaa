import rule from '../../../src/lint/rules/dangling-reference.js';
import { ruleTester } from '../rule-tester.js';

const configMap = `
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: settings}
  data: {LOG_LEVEL: info}
`;

const pod = (spec: string) => `
  apiVersion: v1
  kind: Pod
  metadata: {name: app, labels: {app: web}}
  spec:
    ${spec}
`;

const service = `
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web}
    ports: [{name: http, port: 80}]
`;

const ingress = (backend: string) => `
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: web}
  spec:
    rules:
      - http:
          paths:
            - path: /
              pathType: Prefix
              backend:
                service: ${backend}
`;

ruleTester(rule, {
  valid: [
    {
      name: 'envFrom and a key of an existing ConfigMap',
      yaml: pod(`containers:
      - name: a
        image: a:1
        envFrom: [{configMapRef: {name: settings}}]
        env: [{name: L, valueFrom: {configMapKeyRef: {name: settings, key: LOG_LEVEL}}}]`),
      files: { 'cm.yaml': configMap },
    },
    {
      name: 'a Secret reference when the input holds no Secret at all',
      yaml: pod(`containers: [{name: a, image: a:1, envFrom: [{secretRef: {name: creds}}]}]`),
      files: { 'cm.yaml': configMap },
    },
    {
      name: 'an optional reference',
      yaml: pod(`containers: [{name: a, image: a:1, envFrom: [{configMapRef: {name: extra, optional: true}}]}]`),
      files: { 'cm.yaml': configMap },
    },
    {
      name: 'the default ServiceAccount and kube-root-ca.crt',
      yaml: pod(`serviceAccountName: default
    volumes: [{name: ca, configMap: {name: kube-root-ca.crt}}]
    containers: [{name: a, image: a:1}]`),
      files: { 'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: other}\n', 'cm.yaml': configMap },
    },
    {
      name: 'a Secret made by a SealedSecret',
      yaml: pod(`containers: [{name: a, image: a:1, envFrom: [{secretRef: {name: creds}}]}]`),
      files: { 's.yaml': 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: creds}\nspec: {encryptedData: {}}\n' },
    },
    {
      name: "a StatefulSet volume replaced by a volumeClaimTemplate of the same name",
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              volumes: [{name: datadir, persistentVolumeClaim: {claimName: datadir}}]
              containers: [{name: db, image: db:1, volumeMounts: [{name: datadir, mountPath: /data}]}]
          volumeClaimTemplates:
            - metadata: {name: datadir}
              spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      `,
      files: { 'pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: other}\n' },
    },
    { name: 'an Ingress to an existing Service port by name', yaml: ingress('{name: web, port: {name: http}}'), files: { 's.yaml': service } },
    { name: 'an Ingress to an existing Service port by number', yaml: ingress('{name: web, port: {number: 80}}'), files: { 's.yaml': service } },
    {
      name: 'an HPA whose target kind is absent from the input',
      yaml: `
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, maxReplicas: 3}
      `,
    },
    {
      name: 'a PDB and a NetworkPolicy that select a Pod',
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}, {namespaceSelector: {}, podSelector: {matchLabels: {app: elsewhere}}}]}]
      `,
      files: { 'p.yaml': pod('containers: [{name: a, image: a:1}]') },
    },
  ],
  invalid: [
    {
      name: 'a missing ConfigMap in envFrom',
      yaml: pod(`containers: [{name: a, image: a:1, envFrom: [{configMapRef: {name: setings}}]}]`),
      files: { 'cm.yaml': configMap },
      errors: [{ messageId: 'missingObject', line: 5, column: 70, severity: 'warning', message: "ConfigMap 'setings'" }],
    },
    {
      name: 'a missing key of an existing ConfigMap',
      yaml: pod(`containers:
      - name: a
        image: a:1
        env: [{name: L, valueFrom: {configMapKeyRef: {name: settings, key: LOGLEVEL}}}]`),
      files: { 'cm.yaml': configMap },
      errors: [{ messageId: 'missingKey', line: 8, column: 74, message: 'keys: LOG_LEVEL' }],
    },
    {
      name: 'a missing PVC, Secret volume and ServiceAccount',
      yaml: pod(`serviceAccountName: builder
    volumes:
      - {name: data, persistentVolumeClaim: {claimName: data}}
      - {name: tls, secret: {secretName: tls}}
    containers: [{name: a, image: a:1}]`),
      files: {
        'other.yaml': `
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: logs}
          ---
          apiVersion: v1
          kind: Secret
          metadata: {name: other}
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: other}
        `,
      },
      errors: [
        { messageId: 'missingObject', line: 5, column: 23 },
        { messageId: 'missingObject', line: 7, column: 55 },
        { messageId: 'missingObject', line: 8, column: 40 },
      ],
    },
    { name: 'an Ingress backend Service that does not exist', yaml: ingress('{name: api, port: {number: 80}}'), files: { 's.yaml': service }, errors: [{ messageId: 'missingObject', line: 11, column: 31 }] },
    {
      name: 'an Ingress backend port the Service lacks',
      yaml: ingress('{name: web, port: {number: 8080}}'),
      files: { 's.yaml': service },
      errors: [{ messageId: 'missingServicePort', line: 11, column: 51, message: 'ports: 80 (http)' }],
    },
    {
      name: 'an old-style Ingress backend',
      yaml: `
        apiVersion: networking.k8s.io/v1beta1
        kind: Ingress
        metadata: {name: web}
        spec:
          backend: {serviceName: web, servicePort: https}
      `,
      files: { 's.yaml': service },
      errors: [{ messageId: 'missingServicePort', line: 5, column: 44 }],
    },
    {
      name: 'an HPA whose target does not exist',
      yaml: `
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 3
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: a, image: a:1}]}
      `,
      errors: [{ messageId: 'missingObject', line: 5, column: 65 }],
    },
    {
      name: 'a PDB and a NetworkPolicy that select nothing',
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: wbe}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress:
            - to:
                - podSelector: {matchLabels: {app: db}}
      `,
      files: { 'p.yaml': pod('containers: [{name: a, image: a:1}]') },
      errors: [
        { messageId: 'selectsNothing', line: 6, column: 3, message: 'matches app=wbe' },
        { messageId: 'selectsNothing', line: 15, column: 11 },
      ],
    },
    {
      name: 'a StatefulSet whose governing Service is missing',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db-headless
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: db:1}]}
      `,
      files: { 's.yaml': service },
      errors: [{ messageId: 'missingObject', line: 5, column: 16 }],
    },
    {
      name: 'alwaysReport checks kinds absent from the input',
      options: { alwaysReport: true },
      yaml: pod(`containers: [{name: a, image: a:1, envFrom: [{secretRef: {name: creds}}]}]`),
      errors: [{ messageId: 'missingObject', line: 5, column: 67 }],
    },
  ],
});
