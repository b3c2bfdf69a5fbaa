import { describe, expect, test } from 'vitest';
import { parseQuantity, sameQuantity } from '../../src/diff/quantity.js';

describe('parseQuantity', () => {
  test.each([
    ['1', 1n, 1n],
    ['1000m', 1n, 1n],
    ['250m', 1n, 4n],
    ['0.5', 1n, 2n],
    ['.5', 1n, 2n],
    ['1.', 1n, 1n],
    ['+2', 2n, 1n],
    ['-2', -2n, 1n],
    ['1Ki', 1024n, 1n],
    ['1.5Gi', 1610612736n, 1n],
    ['1k', 1000n, 1n],
    ['1M', 1000000n, 1n],
    ['100n', 1n, 10000000n],
    ['5u', 1n, 200000n],
    ['1e3', 1000n, 1n],
    ['1E-3', 1n, 1000n],
    ['2e+2', 200n, 1n],
    [1, 1n, 1n],
    [0.25, 1n, 4n],
    [1e21, 1000000000000000000000n, 1n],
  ] as const)('%j = %s/%s', (written, numerator, denominator) => {
    expect(parseQuantity(written)).toEqual({ numerator, denominator });
  });

  test.each<[unknown, string]>([['', 'empty'], ['.', 'a dot'], ['1Kb', 'an unknown suffix'], ['1 Gi', 'a space'], ['abc', 'a word'], ['1e999', 'a huge exponent'], ['9'.repeat(80), 'too many digits'], [Number.NaN, 'NaN'], [true, 'a boolean'], [null, 'null'], [{}, 'a mapping']])(
    '%j is not a quantity (%s)',
    (written) => {
      expect(parseQuantity(written)).toBeUndefined();
    },
  );
});

describe('sameQuantity', () => {
  test.each([
    ['1000m', '1'],
    ['1Gi', '1024Mi'],
    ['1', 1],
    ['0.5Gi', '512Mi'],
    ['1k', '1000'],
    ['1e3', '1k'],
    ['4000m', '4'],
    [20, '20'],
  ])('%j = %j', (a, b) => {
    expect(sameQuantity(a, b)).toBe(true);
    expect(sameQuantity(b, a)).toBe(true);
  });
  test.each([
    ['1G', '1Gi'],
    ['1k', '1Ki'],
    ['100m', '1'],
    ['1', 'one'],
    ['x', 'x'],
  ])('%j ≠ %j', (a, b) => {
    expect(sameQuantity(a, b)).toBe(false);
  });
});
