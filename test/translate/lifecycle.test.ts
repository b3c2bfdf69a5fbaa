import { describe, expect, test } from 'vitest';
import { emptySettings } from '../../src/translate/extensions.js';
import { terminationGracePeriodOf } from '../../src/translate/lifecycle.js';
import { createContext, resolveOptionsForTest } from './context-fixture.js';
import { at, containerOf, convert, find, project, service, span } from './model-builder.js';

describe('stop_grace_period → terminationGracePeriodSeconds', () => {
  test.each([
    ['unset', undefined, undefined, false],
    ['10s', 10_000, 10, false],
    ['1.5s, rounded up', 1_500, 2, false],
    ['0s', 0, 0, false],
    ['the longest Go duration (2^63 ns)', 9_223_372_036_000, 9_223_372_036, false],
    ['10^11 hours: an error, left out', 99_999_999_999 * 3_600_000, undefined, true],
    ['Infinity: an error, left out', Infinity, undefined, true],
  ])('%s', (_name, stopGracePeriod, expected, error) => {
    const s = service('w', { image: 'x:1', ...(stopGracePeriod !== undefined ? { stopGracePeriod } : {}) });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['w', 'w']]));
    const seconds = terminationGracePeriodOf(ctx, { service: s, name: 'w', ref: { kind: 'ComposeService', name: 'w' }, settings: emptySettings() });
    expect(seconds).toBe(expected);
    expect(ctx.diagnostics).toMatchObject(error ? [{ code: 'convert/out-of-range', severity: 'error', ...at(s, 'stop_grace_period'), message: /^'stop_grace_period' gives terminationGracePeriodSeconds / }] : []);
  });
});

describe('post_start / pre_stop with private addresses', () => {
  test.each([
    ['post_start', 'postStart', { command: ['sh', '-c', 'curl 10.1.2.3'] }, ['sh', '-c', 'curl 10.1.2.3'], true],
    ['pre_stop', 'preStop', { command: 'nc -z 192.168.0.7 80' }, ['sh', '-c', 'nc -z 192.168.0.7 80'], true],
    ['pre_stop', 'preStop', { command: ['curl', 'http://example.com/'] }, ['curl', 'http://example.com/'], false],
  ])('%s %j: kept as written, reported at the hook', async (key, field, hook, command, reported) => {
    const raw = { value: [hook], span: span() };
    const s = service('w', { image: 'x:1', other: { [key]: raw } });
    const result = await convert(project([s]));
    const workload = find(result.objects, 'Deployment', 'w');
    expect(containerOf(workload).lifecycle[field].exec.command).toEqual(command);
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(reported ? [`convert/external-address ${raw.span.line}`] : []);
    expect(workload.metadata.annotations).toEqual(reported ? { 'shipshape.io/ignore': 'hardcoded-pod-ip' } : undefined);
  });
});
