import { describe, expect, test } from 'vitest';
import { lint } from '../../../src/lint/index.js';
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

describe('hostile sizes', () => {
  // 65,000 Service ports against 65,000 container ports: with a scan of every container port per Service
  // port this is 4 billion comparisons (minutes); with the per-Service indexes, well under the timeout.
  const n = 65_000;
  const containerPorts = Array.from({ length: n }, (_, i) => `            - {containerPort: ${i + 1}}`).join('\n');
  const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: web:1\n          ports:\n${containerPorts}\n`;
  const servicePorts = (target: (i: number) => number | string) =>
    Array.from({ length: n }, (_, i) => `    - {name: p${i}, port: ${i + 1}, targetPort: ${target(i)}}`).join('\n');
  const serviceText = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n${ports}\n`;

  test('a Service with 65,000 ports that all match: no finding', { timeout: 60_000 }, () => {
    const result = lint([{ path: 'a.yaml', text: `${serviceText(servicePorts((i) => i + 1))}---\n${deployment}` }], { rules: [rule] });
    expect(result.diagnostics).toEqual([]);
  });

  test('a Service with 65,000 ports that all miss: one finding each, the declared ports listed up to 20', { timeout: 60_000 }, () => {
    const result = lint([{ path: 'a.yaml', text: `${serviceText(servicePorts((i) => (i % 2 ? 'nope' : 70_000 + i)))}---\n${deployment}` }], { rules: [rule] });
    expect(result.diagnostics).toHaveLength(n);
    const numbered = result.diagnostics.find((d) => d.messageId === 'undeclaredNumber')!;
    expect(numbered.message).toContain('1/TCP, 2/TCP');
    expect(numbered.message).toContain(`and ${n - 20} more`);
    expect(result.diagnostics.filter((d) => d.messageId === 'unknownName')).toHaveLength(n / 2);
  });
});
