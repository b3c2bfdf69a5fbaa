import { describe, expect, test } from 'vitest';
import { cpuQuantity, memoryQuantity } from '../../src/translate/resources.js';

describe('cpuQuantity', () => {
  test.each([
    [1, '1'],
    [2, '2'],
    [1.5, '1500m'],
    [0.25, '250m'],
    [0.0001, '1m'],
    [0.3333, '334m'],
    [0, undefined],
    [-1, undefined],
    [Number.NaN, undefined],
  ])('%s cores → %s', (cores, expected) => expect(cpuQuantity(cores)).toBe(expected));
});

describe('memoryQuantity', () => {
  test.each([
    [512 * 2 ** 20, '512Mi'],
    [2 ** 30, '1Gi'],
    [1536 * 2 ** 20, '1536Mi'],
    [50 * 2 ** 20, '50Mi'],
    [1024, '1Ki'],
    [1000, '1000'],
    [52428800, '50Mi'],
    [2 ** 40, '1Ti'],
    [0, undefined],
  ])('%s bytes → %s', (bytes, expected) => expect(memoryQuantity(bytes)).toBe(expected));
});
