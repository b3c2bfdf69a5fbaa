import { describe, expect, test } from 'vitest';
import { probeSeconds } from '../../src/translate/probes.js';
import { containerOf, convert, find, healthcheck, project, service } from './model-builder.js';
import { validateObject } from '../../src/k8s/schema/index.js';

async function probesOf(check: ReturnType<typeof healthcheck>) {
  const result = await convert(project([service('web', { image: 'x:1', healthcheck: check })]));
  return { container: containerOf(find(result.objects, 'Deployment', 'web')), result };
}

describe('healthcheck → probes', () => {
  test('CMD → exec argv as given', async () => {
    const { container } = await probesOf(healthcheck({ test: { kind: 'exec', argv: ['pg_isready', '-U', 'app'] } }));
    expect(container.livenessProbe.exec.command).toEqual(['pg_isready', '-U', 'app']);
    expect(container.readinessProbe.exec.command).toEqual(['pg_isready', '-U', 'app']);
  });
  test('CMD-SHELL → sh -c, not escaped for Kubernetes expansion (probes are not expanded)', async () => {
    const { container } = await probesOf(healthcheck({ test: { kind: 'shell', command: 'curl -f http://localhost/$(hostname) || exit 1' } }));
    expect(container.livenessProbe.exec.command).toEqual(['sh', '-c', 'curl -f http://localhost/$(hostname) || exit 1']);
  });
  test("Compose's defaults: 30s interval and timeout, 3 retries", async () => {
    const { container } = await probesOf(healthcheck({ test: { kind: 'exec', argv: ['true'] } }));
    expect(container.livenessProbe).toMatchObject({ periodSeconds: 30, timeoutSeconds: 30, failureThreshold: 3, successThreshold: 1 });
    expect(container.startupProbe).toBeUndefined();
  });
  test('interval, timeout, retries', async () => {
    const { container } = await probesOf(healthcheck({ test: { kind: 'exec', argv: ['true'] }, interval: 10_000, timeout: 500, retries: 5 }));
    expect(container.readinessProbe).toMatchObject({ periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 5 });
  });
  test('start_period → startupProbe covering it plus the retries', async () => {
    const { container } = await probesOf(healthcheck({ test: { kind: 'exec', argv: ['true'] }, interval: 10_000, startPeriod: 40_000 }));
    expect(container.startupProbe).toMatchObject({ periodSeconds: 5, failureThreshold: 8 + 3 });
  });
  test('start_interval sets the startupProbe period', async () => {
    const { container } = await probesOf(healthcheck({ test: { kind: 'exec', argv: ['true'] }, startPeriod: 30_000, startInterval: 2_000 }));
    expect(container.startupProbe).toMatchObject({ periodSeconds: 2, failureThreshold: 15 + 3 });
  });
  test.each([
    ['disable', healthcheck({ disable: true, test: { kind: 'exec', argv: ['true'] } })],
    ['NONE', healthcheck({ test: { kind: 'none' } })],
  ])('%s → no probe', async (_name, check) => {
    const { container, result } = await probesOf(check);
    expect(container.livenessProbe).toBeUndefined();
    expect(result.diagnostics).toEqual([]);
  });
  test('no test (the image\'s) → no probe and a warning', async () => {
    const check = healthcheck({ interval: 5000 });
    const { container, result } = await probesOf(check);
    expect(container.livenessProbe).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['convert/healthcheck-without-test']);
  });
});

describe('probeSeconds', () => {
  test.each([
    [0, 1],
    [1, 1],
    [500, 1],
    [1000, 1],
    [1001, 2],
    [90_000, 90],
  ])('%i ms → %i s', (ms, s) => expect(probeSeconds(ms)).toBe(s));
});

describe('probe fields beyond int32: an error at the healthcheck key, the field left out', () => {
  const MAX = 2 ** 31 - 1;
  const exec = { kind: 'exec' as const, argv: ['true'] };
  test.each([
    ['retries at the maximum', { retries: MAX }, undefined, { failureThreshold: MAX }],
    ['retries above', { retries: MAX + 1 }, 'retries', { failureThreshold: undefined, periodSeconds: 30 }],
    ['interval at the maximum', { interval: MAX * 1000 }, undefined, { periodSeconds: MAX }],
    ['interval above (10^10 hours)', { interval: 9_999_999_999 * 3_600_000 }, 'interval', { periodSeconds: undefined, failureThreshold: 3 }],
    ['timeout above', { timeout: (MAX + 1) * 1000 }, 'timeout', { timeoutSeconds: undefined, periodSeconds: 30 }],
  ] as const)('%s', async (_name, fields, key, expected) => {
    const check = healthcheck({ test: exec, ...fields });
    const { container, result } = await probesOf(check);
    if (key) expect(result.diagnostics).toMatchObject([{ code: 'convert/out-of-range', severity: 'error', line: check.keys[key]!.line, message: new RegExp(`^'healthcheck\\.${key}' gives `) }]);
    else expect(result.diagnostics).toEqual([]);
    for (const probe of [container.livenessProbe, container.readinessProbe]) {
      for (const [field, value] of Object.entries(expected)) expect(probe[field], field).toBe(value);
    }
  });

  test('start_period above: the startupProbe keeps Kubernetes\'s default threshold', async () => {
    const check = healthcheck({ test: exec, startPeriod: 99_999_999_999 * 3_600_000 });
    const { container, result } = await probesOf(check);
    expect(result.diagnostics).toMatchObject([{ code: 'convert/out-of-range', line: check.keys.start_period!.line, message: /startupProbe\.failureThreshold/ }]);
    expect(container.startupProbe).toEqual({ exec: { command: ['true'] }, periodSeconds: 5, timeoutSeconds: 30, successThreshold: 1 });
  });

  test('start_interval above', async () => {
    const check = healthcheck({ test: exec, startPeriod: 10_000, startInterval: (MAX + 1) * 1000 });
    const { container, result } = await probesOf(check);
    expect(result.diagnostics).toMatchObject([{ code: 'convert/out-of-range', line: check.keys.start_interval!.line, message: /startupProbe\.periodSeconds/ }]);
    expect(container.startupProbe.periodSeconds).toBeUndefined();
  });

  test('retries above: the startupProbe threshold (start_period plus retries) is left out with no second error', async () => {
    const check = healthcheck({ test: exec, retries: MAX + 1, startPeriod: 10_000 });
    const { container, result } = await probesOf(check);
    expect(result.diagnostics).toMatchObject([{ code: 'convert/out-of-range', line: check.keys.retries!.line }]);
    expect(container.startupProbe.failureThreshold).toBeUndefined();
  });

  test('every probe stays valid', async () => {
    const check = healthcheck({ test: exec, retries: 1e20, interval: 1e20, timeout: 1e20, startPeriod: 1e20, startInterval: 1e20 });
    const { result } = await probesOf(check);
    expect(result.diagnostics.map((d) => d.message.split(' ')[0]).sort()).toEqual(["'healthcheck.interval'", "'healthcheck.retries'", "'healthcheck.start_interval'", "'healthcheck.timeout'"]);
    expect(validateObject(find(result.objects, 'Deployment', 'web'))).toEqual({ status: 'valid' });
  });
});

describe('private addresses in the test', () => {
  test.each([
    ['CMD', { kind: 'exec' as const, argv: ['ping', '-c1', '192.168.1.30'] }, ['ping', '-c1', '192.168.1.30'], 'convert/external-address', { 'shipshape.io/ignore': 'hardcoded-pod-ip' }],
    ['CMD-SHELL', { kind: 'shell' as const, command: 'curl -f http://10.1.2.3/' }, ['sh', '-c', 'curl -f http://10.1.2.3/'], 'convert/external-address', { 'shipshape.io/ignore': 'hardcoded-pod-ip' }],
    ['a public address', { kind: 'exec' as const, argv: ['ping', '-c1', '8.8.8.8'] }, ['ping', '-c1', '8.8.8.8'], undefined, undefined],
  ])('%s: kept as written (probes are not expanded), reported once at test', async (_name, test_, command, code, annotations) => {
    const check = healthcheck({ test: test_ });
    const { container, result } = await probesOf(check);
    expect(container.livenessProbe.exec.command).toEqual(command);
    expect(container.readinessProbe.exec.command).toEqual(command);
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(code ? [`${code} ${check.keys.test!.line}:${check.keys.test!.column}`] : []);
    expect(find(result.objects, 'Deployment', 'web').metadata.annotations).toEqual(annotations);
  });
});
