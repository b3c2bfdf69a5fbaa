import { describe, expect, test } from 'vitest';
import { probeSeconds } from '../../src/translate/probes.js';
import { containerOf, convert, find, healthcheck, project, service } from './model-builder.js';

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
