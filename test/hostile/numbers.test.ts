/**
 * Numbers beyond what the Kubernetes API accepts (int32 replicas, probe thresholds and periods, int64
 * user ids) and huge quantities: nothing crashes, and — once fixed (see the expected failures) — the
 * converter refuses to emit them and the `schema` rule flags them, as the API server would.
 */
import { describe, expect, test } from 'vitest';
import { expectCleanFailure, project, run } from './harness.js';

const compose = (extra: string): string => `name: shop\nservices:\n  a:\n    image: x:1\n${extra}`;

/**
 * Each case: the lines added to service `a`, where the offending key is (line:column), and the code when the
 * loader already refuses it (a whole number too large to be exact is no integer: compose/invalid-type at the value).
 */
const composeCases: Record<string, [extra: string, at: string, code?: string]> = {
  'deploy.replicas above int32': ['    deploy:\n      replicas: 2147483648\n', '6:7'],
  'deploy.replicas of 1e20': ['    deploy:\n      replicas: 99999999999999999999\n', '6:17', 'compose/invalid-type'],
  'restart on-failure:1e20 (backoffLimit)': ['    restart: "on-failure:99999999999999999999"\n', '5:5'],
  'healthcheck.retries above int32': ['    healthcheck:\n      test: ["CMD", "true"]\n      retries: 99999999999\n', '7:7'],
  'healthcheck.interval of 10^10 hours': ['    healthcheck:\n      test: ["CMD", "true"]\n      interval: 9999999999h\n', '7:7'],
  'stop_grace_period of 10^11 hours': ['    stop_grace_period: 99999999999h\n', '5:5'],
  'user id above int64': ['    user: "99999999999999999999"\n', '5:5'],
  'user id above what Kubernetes accepts (2^31)': ['    user: "2147483648:0"\n', '5:5'],
  'group_add id of 10^20': ['    group_add: ["99999999999999999999"]\n', '5:5'],
  'cpus of 1e309 (Infinity)': ['    deploy:\n      resources:\n        limits:\n          cpus: "1e309"\n', '8:11'],
  'memory of 10^20 GB': ['    deploy:\n      resources:\n        limits:\n          memory: 99999999999999999999G\n', ''],
};

describe('out-of-range numbers in Compose', () => {
  test.each(Object.entries(composeCases))('%s: config, convert and diff do not crash', async (_name, [extra]) => {
    const dir = project({ 'compose.yaml': compose(extra) });
    expectCleanFailure(await run(['config', '-q'], dir), [0, 1]);
    expectCleanFailure(await run(['convert'], dir), [0, 1]);
    // diff exits 2 when a side has conversion errors ("the diff may be incomplete").
    expectCleanFailure(await run(['diff', 'compose.yaml', 'compose.yaml'], dir), [0, 1, 2]);
  });

  // The converter checks each number against the range of the Kubernetes field it becomes
  // (src/translate/int-range.ts): a positioned convert/out-of-range error at the key, and the field left out,
  // so the objects stay valid (test/translate/*: with an error, convert writes nothing). `memory` is a
  // quantity: 10^20 GB is large but valid.
  const rejected = Object.entries(composeCases).filter(([, [, at]]) => at !== '');
  const check = async (extra: string, at: string, code = 'convert/out-of-range') => {
    const r = await run(['convert'], project({ 'compose.yaml': compose(extra) }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^compose\\.yaml:${at} error ${code} `, 'm'));
  };
  test.each(rejected)('%s: convert reports it at its key (exit 1)', async (_name, [extra, at, code]) => {
    await check(extra, at, code);
  });
});

describe('out-of-range numbers in manifests', () => {
  const deployment = (replicas: string, runAsUser = '1000') =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: web}}\n` +
    `  template:\n    metadata: {labels: {app: web}}\n    spec:\n      securityContext: {runAsUser: ${runAsUser}}\n      containers: [{name: web, image: "nginx:1.27"}]\n`;

  test.each(['2147483648', '99999999999999999999', '1e400'])('replicas %s: lint does not crash', async (replicas) => {
    expectCleanFailure(await run(['lint', 'd.yaml'], project({ 'd.yaml': deployment(replicas) })), [0, 1]);
  });

  // The compiled validators check the `format: int32` / `int64` of the API definitions (k8sInt32/k8sInt64
  // keywords, scripts/schemas/kubernetes/strict.mjs), as the API server's decoding does.
  test.each([
    ['replicas: 2147483648', deployment('2147483648'), 'spec.replicas', 5, 13],
    ['replicas: 1e20', deployment('99999999999999999999'), 'spec.replicas', 5, 13],
    ['replicas: 1e400', deployment('1e400'), 'spec.replicas', 5, 13],
    ['runAsUser: 1e20', deployment('1', '99999999999999999999'), 'spec.template.spec.securityContext.runAsUser', 10, 36],
  ])('%s is a schema error at the value', async (_name, text, field, line, column) => {
    const r = await run(['lint', '--format', 'json', 'd.yaml'], project({ 'd.yaml': text }));
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; message: string; line: number; column: number }[] }).diagnostics;
    expect(found.filter((d) => d.ruleId === 'schema').map((d) => [d.message.split(' ')[0], d.line, d.column])).toEqual([[field, line, column]]);
  });

  test.each([
    ['replicas: 2147483647', deployment('2147483647')],
    ['runAsUser: 2^63 - 1', deployment('1', '9223372036854775807')],
  ])('%s (the edge of the range) is valid', async (_name, text) => {
    const r = await run(['lint', '--format', 'json', 'd.yaml'], project({ 'd.yaml': text }));
    expect((JSON.parse(r.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.filter((d) => d.ruleId === 'schema')).toEqual([]);
  });
});
