import rule from '../../../src/lint/rules/hardcoded-pod-ip.js';
import { ruleTester } from '../rule-tester.js';

/** A Deployment whose single container gets `fields` (line 12 is the first of them, at column 11; env values start at column 39). */
const deployment = (fields: string) => `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
          - name: web
            image: web:1
            ${fields}
`;

const env = (value: string, name = 'TARGET') => deployment(`env: [{name: ${name}, value: "${value}"}]`);
const args = (...items: string[]) => deployment(`args: [${items.map((a) => JSON.stringify(a)).join(', ')}]`);

const configMap = (data: string) => `
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: conf}
  data:
    ${data}
`;

ruleTester(rule, {
  valid: [
    { name: 'a Service DNS name', yaml: env('http://db.data.svc.cluster.local:5432') },
    { name: 'loopback', yaml: env('127.0.0.1:8080') },
    { name: 'the unspecified IPv4 address (bind to all)', yaml: env('0.0.0.0:8080') },
    { name: 'the unspecified and loopback IPv6 addresses', yaml: env('[::]:8080 [::1]:9090') },
    { name: 'a public address', yaml: env('8.8.8.8') },
    { name: 'the link-local metadata endpoint', yaml: env('http://169.254.169.254/latest/meta-data') },
    { name: 'an IPv6 link-local address', yaml: env('fe80::1') },
    { name: 'a four-part version with a pre-release suffix', yaml: env('10.1.2.3-beta') },
    { name: 'an image tag', yaml: env('registry.example.com/team/app:10.1.2.3') },
    { name: 'a v-prefixed version', yaml: env('v10.0.0.1') },
    { name: 'a version in an env var named VERSION', yaml: env('10.2.0.1', 'VERSION') },
    { name: 'a version in APP_VERSION, appVersion, NODE_VER, RELEASE, GIT_REVISION', yaml: deployment(`env: [${['APP_VERSION', 'appVersion', 'NODE_VER', 'RELEASE', 'GIT_REVISION'].map((n) => `{name: ${n}, value: "10.2.0.1"}`).join(', ')}]`) },
    { name: 'a --version= flag value', yaml: args('--version=10.1.2.3') },
    { name: 'a --kube-version flag followed by its value', yaml: args('--kube-version', '10.1.2.3') },
    { name: 'a -version flag and its value in a shell line', yaml: args('-c', 'exec app -version 10.1.2.3 --log-level=info') },
    { name: 'a version assignment in a shell line', yaml: args('-c', 'export APP_VERSION=10.2.0.1; exec app') },
    { name: 'ConfigMap keys named like versions', yaml: configMap('VERSION: "10.2.0.1"\n    app.release: "10.1.2.3"') },
    { name: 'a version setting inside a ConfigMap file', yaml: configMap('app.properties: "app.version=10.1.2.3\\nversion: 10.1.2.4"') },
    { name: 'a CIDR in a ConfigMap', yaml: configMap('nginx.conf: "set_real_ip_from 10.0.0.0/8; allow 192.168.0.0/16;"') },
    { name: 'an address pool range in a ConfigMap', yaml: configMap('pool: "192.168.1.240-192.168.1.250"') },
    { name: 'the Pod IP from the downward API', yaml: deployment('env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]') },
    { name: 'an allowed address', yaml: env('10.0.0.5'), options: { allow: ['10.0.0.5'] } },
    { name: 'an address in an allowed range', yaml: env('10.0.0.5'), options: { allow: ['10.0.0.0/24'] } },
    {
      name: 'NetworkPolicy ipBlock CIDRs',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np}
        spec:
          podSelector: {}
          egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}, {ipBlock: {cidr: 192.168.3.4/32}}]}]
      `,
    },
    {
      name: 'manual Endpoints and EndpointSlices',
      yaml: `
        apiVersion: v1
        kind: Endpoints
        metadata: {name: external-db}
        subsets: [{addresses: [{ip: 10.0.0.5}], ports: [{port: 5432}]}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: external-db-1, labels: {kubernetes.io/service-name: external-db}}
        addressType: IPv4
        endpoints: [{addresses: [10.0.0.5]}]
      `,
    },
    {
      name: 'a Service with a fixed clusterIP and external IPs',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: dns}
        spec: {clusterIP: 10.96.0.10, externalIPs: [192.168.0.10], ports: [{port: 53}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'an env value',
      yaml: env('10.0.0.5'),
      errors: [{ messageId: 'envValue', line: 12, column: 39, severity: 'error', message: 'Env var TARGET of container \'web\' hardcodes the in-cluster IP address 10.0.0.5' }],
    },
    { name: 'an address in a URL', yaml: env('postgres://app@172.20.0.7:5432/db'), errors: [{ messageId: 'envValue', line: 12, column: 39 }] },
    { name: 'a CGNAT address', yaml: env('100.64.1.1:9000'), errors: [{ messageId: 'envValue', line: 12, column: 39 }] },
    { name: 'an IPv6 unique local address', yaml: env('http://[fd00:10::5]:8080'), errors: [{ messageId: 'envValue', line: 12, column: 39, message: 'fd00:10::5' }] },
    {
      name: 'several addresses in one value are one finding',
      yaml: env('10.0.0.1:2379,10.0.0.2:2379,10.0.0.1:2380'),
      errors: [{ messageId: 'envValue', line: 12, column: 39, message: 'in-cluster IP addresses 10.0.0.1 and 10.0.0.2:' }],
    },
    {
      name: 'a version-named env var whose value is more than a version (a URL)',
      yaml: env('http://10.0.0.5:8080/versions', 'VERSION_SERVICE'),
      errors: [{ messageId: 'envValue', line: 12, column: 48 }],
    },
    { name: 'a version-named env var that also names a host', yaml: env('10.0.0.5', 'RELEASE_HOST'), errors: [{ messageId: 'envValue', line: 12, column: 45 }] },
    { name: 'an address after a version flag that is a host:port', yaml: args('--version=10.0.0.5:8080'), errors: [{ messageId: 'commandLine', line: 12, column: 18 }] },
    { name: 'an address after a flag that is not a version flag', yaml: args('--server', '10.1.2.3'), errors: [{ messageId: 'commandLine', line: 12, column: 30 }] },
    { name: 'an address in a shell line that also sets a version', yaml: args('-c', 'VERSION=10.2.0.1 app --db 10.0.0.5'), errors: [{ messageId: 'commandLine', line: 12, column: 24, message: 'IP address 10.0.0.5:' }] },
    {
      name: 'an extra range',
      yaml: env('203.0.113.9'),
      options: { extraRanges: ['203.0.113.0/24'] },
      errors: [{ messageId: 'envValue', line: 12, column: 39 }],
    },
    {
      name: 'args of a CronJob container',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: backup
                      image: backup:1
                      args: [--host, 192.168.10.4, --port=5432]
      `,
      errors: [{ messageId: 'commandLine', line: 14, column: 30, message: "The args of container 'backup'" }],
    },
    {
      name: 'an init container command',
      yaml: deployment('env: []').replace('containers:', 'initContainers: [{name: wait, image: busybox:1.36, command: [sh, -c, "until nc -z 10.2.0.8 5432; do sleep 1; done"]}]\n      containers:'),
      errors: [{ messageId: 'commandLine', line: 9, column: 76, message: "init container 'wait'" }],
    },
    {
      name: 'probe hosts and a probe command',
      yaml: deployment(`readinessProbe: {httpGet: {host: 10.1.1.1, path: /healthz, port: 80}}
            livenessProbe: {tcpSocket: {host: "fd12::1", port: 80}}
            startupProbe: {exec: {command: [curl, "http://10.1.1.2/"]}}`),
      errors: [
        { messageId: 'probeHost', line: 12, column: 44, message: 'readinessProbe httpGet host' },
        { messageId: 'probeHost', line: 13, column: 45 },
        { messageId: 'commandLine', line: 14, column: 49, message: 'startupProbe command' },
      ],
    },
    {
      name: 'a preStop hook host',
      yaml: deployment('lifecycle: {preStop: {httpGet: {host: 10.9.9.9, path: /drain, port: 80}}}'),
      errors: [{ messageId: 'probeHost', line: 12, column: 49, message: 'preStop hook httpGet host' }],
    },
    {
      name: 'hostAliases',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostAliases: [{ip: 10.0.0.50, hostnames: [db.internal, db]}]
          containers: [{name: app, image: app:1}]
      `,
      errors: [{ messageId: 'hostAlias', line: 5, column: 22, message: 'hostAliases pins db.internal, db to' }],
    },
    {
      name: 'ConfigMap data, one finding per key',
      yaml: configMap(`nginx.conf: |
      upstream api { server 10.0.0.12:8080; }
      server { allow 10.0.0.0/8; }
    DB_HOST: 192.168.1.20
    LISTEN: 0.0.0.0:80`),
      errors: [
        { messageId: 'configData', line: 5, column: 15, message: "ConfigMap key 'nginx.conf'" },
        { messageId: 'configData', line: 8, column: 12, message: '192.168.1.20' },
      ],
    },
    {
      name: 'a Pod inside a List',
      yaml: `
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: app, image: app:1, env: [{name: PEER, value: 10.3.0.1}]}]
      `,
      errors: [{ messageId: 'envValue', line: 8, column: 72 }],
    },
    {
      name: 'a custom workload with a pod template (Argo Rollout)',
      yaml: `
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: web:1, args: ["--upstream=10.4.0.2"]}]
      `,
      errors: [{ messageId: 'commandLine', line: 9, column: 53 }],
    },
  ],
});
