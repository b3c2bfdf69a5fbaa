import { describe, expect, test } from 'vitest';
import { emptySettings } from '../../src/translate/extensions.js';
import { terminationGracePeriodOf } from '../../src/translate/lifecycle.js';
import { createContext, resolveOptionsForTest } from './context-fixture.js';
import { at, project, service } from './model-builder.js';

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
