import { describe, expect, test } from 'vitest';
import { WORKING_DIR, describeTable, normalizeService, rowPosition } from './harness.js';

describeTable('environment', (s) => s.environment, [
  { name: 'list KEY=value', yaml: 'environment:\n  - A=1\n  - B=two', expected: [{ name: 'A', value: '1' }, { name: 'B', value: 'two' }] },
  { name: 'list KEY= (empty)', yaml: 'environment: ["A="]', expected: [{ name: 'A', value: '' }] },
  { name: 'list value with =', yaml: 'environment: ["URL=a=b=c"]', expected: [{ name: 'URL', value: 'a=b=c' }] },
  { name: 'list key-only, set in the environment', yaml: 'environment: [TOKEN]', env: { TOKEN: 's3cr3t' }, expected: [{ name: 'TOKEN', value: 's3cr3t', keyOnly: true }] },
  { name: 'list key-only, not set', yaml: 'environment: [TOKEN]', expected: [{ name: 'TOKEN', keyOnly: true }] },
  { name: 'map KEY: value', yaml: 'environment:\n  A: one\n  B: "2"', expected: [{ name: 'A', value: 'one' }, { name: 'B', value: '2' }] },
  { name: 'map numbers and booleans become text', yaml: 'environment:\n  PORT: 8080\n  DEBUG: true\n  RATIO: 0.5', expected: [{ name: 'PORT', value: '8080' }, { name: 'DEBUG', value: 'true' }, { name: 'RATIO', value: '0.5' }] },
  { name: 'map empty string', yaml: 'environment:\n  A: ""', expected: [{ name: 'A', value: '' }] },
  { name: 'map key-only (null), set in the environment', yaml: 'environment:\n  HOME_DIR:', env: { HOME_DIR: '/h' }, expected: [{ name: 'HOME_DIR', value: '/h', keyOnly: true }] },
  { name: 'a key twice: the last wins', yaml: 'environment: ["A=1", "A=2"]', expected: [{ name: 'A', value: '2' }], diagnostics: ['compose/ignored-value@1:15'] },
  { name: 'no name before =', yaml: 'environment: ["=x"]', expected: [], diagnostics: ['compose/invalid-value@1:15'] },
  { name: 'a nested mapping value', yaml: 'environment:\n  A: {b: 1}', expected: [], diagnostics: ['compose/invalid-type@2:6'] },
  { name: 'a string', yaml: 'environment: A=1', expected: [], diagnostics: ['compose/invalid-type@1:14'] },
]);

describeTable('env_file', (s) => s.envFiles, [
  { name: 'a string', yaml: 'env_file: .env', expected: [{ path: '.env', resolved: `${WORKING_DIR}/.env`, required: true, vars: [] }] },
  { name: 'a list', yaml: 'env_file: [a.env, /abs/b.env]', expected: [{ path: 'a.env', resolved: `${WORKING_DIR}/a.env`, required: true, vars: [] }, { path: '/abs/b.env', resolved: '/abs/b.env', required: true, vars: [] }] },
  { name: 'long syntax, required false', yaml: 'env_file:\n  - path: ./opt.env\n    required: false', expected: [{ path: './opt.env', resolved: `${WORKING_DIR}/opt.env`, required: false, vars: [] }] },
  { name: 'long syntax, format', yaml: 'env_file:\n  - path: raw.env\n    format: raw', expected: [{ path: 'raw.env', resolved: `${WORKING_DIR}/raw.env`, required: true, format: 'raw', vars: [] }] },
  { name: 'long syntax, required as a string', yaml: 'env_file:\n  - path: x.env\n    required: "false"', expected: [{ path: 'x.env', resolved: `${WORKING_DIR}/x.env`, required: false, vars: [] }] },
  { name: '~ path', yaml: 'env_file: ~/my.env', expected: [{ path: '~/my.env', resolved: '/home/me/my.env', required: true, vars: [] }] },
  { name: 'long syntax without path', yaml: 'env_file:\n  - required: true', expected: [], diagnostics: ['compose/invalid-value@2:5'] },
  { name: 'a mapping', yaml: 'env_file: {path: x}', expected: [], diagnostics: ['compose/invalid-type@1:11'] },
]);

describe('environment: spans', () => {
  test('a map entry spans key and value; a list entry spans its item', () => {
    const { service } = normalizeService('environment:\n  A: one\nlabels: ["x=1"]');
    expect(rowPosition(service.environment[0]!.span)).toBe('2:3');
    expect(service.environment[0]!.span.endColumn - service.environment[0]!.span.column).toBe('A: one'.length);
  });

  test('long env_file keeps its key spans', () => {
    const { service } = normalizeService('env_file:\n  - path: a\n    required: false');
    expect(Object.keys(service.envFiles[0]!.keys!)).toEqual(['path', 'required']);
  });
});
