/** Schema violations: the field path, the keyword and the plain-words message of each. */
import { describe, expect, test } from 'vitest';
import { validateObject, type SchemaResult } from '../../../src/k8s/schema/index.js';
import { deployment, manifest } from './schema-fixtures.js';

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
