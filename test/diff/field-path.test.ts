import { expect, test } from 'vitest';
import { formatChangePath, type ChangePath } from '../../src/diff/field-path.js';

test.each<[ChangePath, string]>([
  [[], ''],
  [['spec', 'replicas'], 'spec.replicas'],
  [['spec', 'template', 'spec', 'containers', { keys: { name: 'api' } }, 'image'], 'spec.template.spec.containers[name=api].image'],
  [['spec', 'ports', { keys: { containerPort: 80, protocol: 'TCP' } }], 'spec.ports[containerPort=80,protocol=TCP]'],
  [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels["app.kubernetes.io/name"]'],
  [['data', 'tls.key'], 'data["tls.key"]'],
  [['spec', 'args', 2], 'spec.args[2]'],
  [['env', { keys: { name: '80' } }], 'env[name="80"]'],
  [['env', { keys: { name: 'true' } }], 'env[name="true"]'],
  [['env', { keys: { name: 'a,b]' } }], 'env[name="a,b]"]'],
  [['volumeMounts', { keys: { mountPath: '/var/lib/data' } }], 'volumeMounts[mountPath=/var/lib/data]'],
])('%j → %s', (path, text) => {
  expect(formatChangePath(path)).toBe(text);
});
