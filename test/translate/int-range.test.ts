import { describe, expect, test } from 'vitest';
import { checkedNumber, COUNT_INT32, DURATION_SECONDS, FINITE_AMOUNT, shownNumber, USER_ID, type NumberRange } from '../../src/translate/int-range.js';
import { emptySettings } from '../../src/translate/extensions.js';
import { createContext, resolveOptionsForTest } from './context-fixture.js';
import { project, service, span } from './model-builder.js';

function check(value: number, range: NumberRange, unit?: string) {
  const s = service('web', { image: 'x:1' });
  const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['web', 'web']]));
  const at = span(9);
  const result = checkedNumber(ctx, { service: s, name: 'web', ref: { kind: 'ComposeService', name: 'web' }, settings: emptySettings() }, {
    key: 'deploy.replicas',
    at,
    field: 'replicas',
    value,
    range,
    ...(unit ? { unit } : {}),
  });
  return { result, diagnostics: ctx.diagnostics, at };
}

describe('checkedNumber', () => {
  test.each([
    ['int32 zero', 0, COUNT_INT32],
    ['int32 maximum', 2 ** 31 - 1, COUNT_INT32],
    ['user id maximum', 2 ** 31 - 1, USER_ID],
    ['longest duration', 9_223_372_036, DURATION_SECONDS],
    ['a huge but finite amount', 1e300, FINITE_AMOUNT],
    ['a negative amount (no limit, left to the caller)', -1, FINITE_AMOUNT],
  ])('%s: kept, no diagnostic', (_name, value, range) => {
    const { result, diagnostics } = check(value, range);
    expect(result).toBe(value);
    expect(diagnostics).toEqual([]);
  });

  test.each([
    ['int32 + 1', 2 ** 31, COUNT_INT32, "'deploy.replicas' gives replicas 2147483648, out of the range Kubernetes accepts (0 to 2147483647): replicas is left out"],
    ['negative count', -1, COUNT_INT32, "'deploy.replicas' gives replicas -1, out of the range Kubernetes accepts (0 to 2147483647): replicas is left out"],
    ['beyond exact doubles', 1e20, USER_ID, "'deploy.replicas' gives replicas 1e+20, out of the range Kubernetes accepts (0 to 2147483647): replicas is left out"],
    ['a duration beyond 292 years', 9_223_372_037, DURATION_SECONDS, "'deploy.replicas' gives replicas 9223372037, out of the range Kubernetes accepts (0 to 9223372036): replicas is left out"],
    ['Infinity', Infinity, FINITE_AMOUNT, "'deploy.replicas' gives replicas a number too large to represent, out of the range Kubernetes accepts (a finite amount): replicas is left out"],
    ['NaN', NaN, COUNT_INT32, "'deploy.replicas' gives replicas a value that is not a number, out of the range Kubernetes accepts (0 to 2147483647): replicas is left out"],
  ])('%s: undefined and one error at the key naming key, value and range', (_name, value, range, message) => {
    const { result, diagnostics, at } = check(value, range);
    expect(result).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'convert/out-of-range', severity: 'error', message, line: at.line, column: at.column, object: { kind: 'ComposeService', name: 'web' } }]);
  });

  test('a unit is shown with the value and the range', () => {
    const { diagnostics } = check(35_999_999_996_400, COUNT_INT32, 'seconds');
    expect(diagnostics[0]!.message).toBe(
      "'deploy.replicas' gives replicas 35999999996400 seconds, out of the range Kubernetes accepts (0 to 2147483647 seconds): replicas is left out",
    );
  });
});

describe('shownNumber', () => {
  test.each([
    [0, '0'],
    [1.5, '1.5'],
    [-7, '-7'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [2 ** 53 + 2, '9.007199254740994e+15'],
    [1e20, '1e+20'],
    [-Infinity, 'a number too large to represent'],
  ])('%s → %s', (value, shown) => {
    expect(shownNumber(value)).toBe(shown);
  });
});
