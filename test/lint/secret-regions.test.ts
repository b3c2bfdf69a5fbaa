import { expect, test } from 'vitest';
import { lint } from '../../src/lint/index.js';

test('the regions of Secret values, per file, for masking in reports', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: not-secret}
data: {a: visible}
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"aHVudGVyMg=="}}'
data:
  password: aHVudGVyMg==
stringData:
  token: s3cr3t
`;
  const result = lint([{ path: 's.yaml', text }], { rules: [] });
  const lines = text.split('\n');
  const shown = result.secretRegions('s.yaml').map((r) => lines[r.line - 1]!.slice(r.column - 1, r.endLine === r.line ? r.endColumn - 1 : undefined));
  expect(shown).toEqual(['aHVudGVyMg==', 's3cr3t', `'{"data":{"password":"aHVudGVyMg=="}}'`]);
  expect(result.secretRegions('other.yaml')).toEqual([]);
});
