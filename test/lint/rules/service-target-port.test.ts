import rule from '../../../src/lint/rules/service-target-port.js';
import { ruleTester } from '../rule-tester.js';

const web = (ports: string) => `
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
            ports: ${ports}
`;

const service = (ports: string) => `
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web}
    ports:
      ${ports}
`;

ruleTester(rule, {
  valid: [
    { name: 'a named targetPort the container declares', yaml: service('- {port: 80, targetPort: http}'), files: { 'd.yaml': web('[{name: http, containerPort: 8080}]') } },
    { name: 'a numeric targetPort the container declares', yaml: service('- {port: 80, targetPort: 8080}'), files: { 'd.yaml': web('[{containerPort: 8080}]') } },
    { name: 'no targetPort: the port itself is declared', yaml: service('- {port: 8080}'), files: { 'd.yaml': web('[{containerPort: 8080}]') } },
    { name: 'a numeric targetPort when the containers declare no port', yaml: service('- {port: 80, targetPort: 8080}'), files: { 'd.yaml': web('[]') } },
    { name: 'a Service selecting nothing is left to service-selector-mismatch', yaml: service('- {port: 80, targetPort: http}').replace('app: web', 'app: other'), files: { 'd.yaml': web('[]') } },
    {
      name: 'a sidecar init container serves the port',
      yaml: service('- {port: 80, targetPort: proxy}'),
      files: {
        'd.yaml': `
          apiVersion: v1
          kind: Pod
          metadata: {name: p, labels: {app: web}}
          spec:
            initContainers: [{name: envoy, image: envoy:1, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}]
            containers: [{name: web, image: web:1}]
        `,
      },
    },
    {
      name: 'a UDP port declared as UDP',
      yaml: service('- {port: 53, protocol: UDP, targetPort: dns}'),
      files: { 'd.yaml': web('[{name: dns, containerPort: 53, protocol: UDP}]') },
    },
  ],
  invalid: [
    {
      name: 'a named targetPort no container declares',
      yaml: service('- {port: 80, targetPort: http}'),
      files: { 'd.yaml': web('[{name: web, containerPort: 8080}]') },
      errors: [{ messageId: 'unknownName', line: 7, column: 30, severity: 'error', message: "(declared: web/TCP)" }],
    },
    {
      name: 'a named targetPort while the container declares no port',
      yaml: service('- {port: 80, targetPort: http}'),
      files: { 'd.yaml': web('[]') },
      errors: [{ messageId: 'unknownName', line: 7, column: 30 }],
    },
    {
      name: 'a numeric targetPort the containers do not declare',
      yaml: service('- {port: 80, targetPort: 8000}'),
      files: { 'd.yaml': web('[{containerPort: 8080}]') },
      errors: [{ messageId: 'undeclaredNumber', line: 7, column: 30, severity: 'warning', message: 'declare only 8080/TCP' }],
    },
    {
      name: 'the port itself is used as the target and not declared',
      yaml: service('- {port: 80}'),
      files: { 'd.yaml': web('[{containerPort: 8080}]') },
      errors: [{ messageId: 'undeclaredNumber', line: 7, column: 14 }],
    },
    {
      name: 'the name exists but for another protocol',
      yaml: service('- {port: 53, targetPort: dns}'),
      files: { 'd.yaml': web('[{name: dns, containerPort: 53, protocol: UDP}]') },
      errors: [{ messageId: 'unknownName', line: 7, column: 30 }],
    },
    {
      name: 'each bad port of several is reported',
      yaml: service(`- {name: a, port: 80, targetPort: http}
      - {name: b, port: 81, targetPort: 9999}
      - {name: c, port: 82, targetPort: metrics}`),
      files: { 'd.yaml': web('[{name: metrics, containerPort: 9090}]') },
      errors: [
        { messageId: 'unknownName', line: 7, column: 39 },
        { messageId: 'undeclaredNumber', line: 8, column: 39 },
      ],
    },
  ],
});
