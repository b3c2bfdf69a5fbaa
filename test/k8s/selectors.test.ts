import { describe, expect, test } from 'vitest';
import { formatSelector, isEmptySelector, readLabelSelector, selectorMatches } from '../../src/k8s/selectors.js';

const labels = { app: 'web', tier: 'front' };

describe('selectorMatches', () => {
  test.each([
    ['matchLabels subset', { matchLabels: { app: 'web' } }, true],
    ['matchLabels other value', { matchLabels: { app: 'api' } }, false],
    ['matchLabels missing key', { matchLabels: { zone: 'a' } }, false],
    ['In holds', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, true],
    ['In without the key', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, false],
    ['NotIn holds', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] }, true],
    ['NotIn without the key holds', { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    ['NotIn fails', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, false],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    ['Exists fails', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
    ['DoesNotExist', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, true],
    ['DoesNotExist fails', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    ['labels and expressions together', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, false],
    ['empty selects everything', {}, true],
  ])('%s', (_name, raw, expected) => {
    expect(selectorMatches(readLabelSelector(raw)!, labels)).toBe(expected);
  });
});

describe('readLabelSelector', () => {
  test('malformed requirements and non-string labels are left out', () => {
    const s = readLabelSelector({ matchLabels: { a: 'x', n: 1 }, matchExpressions: [{ key: 'k', operator: 'Maybe' }, 'junk', { key: 'z', operator: 'Exists' }] })!;
    expect(s.matchLabels).toEqual({ a: 'x' });
    expect(s.matchExpressions.map((r) => [r.key, r.path])).toEqual([['z', ['matchExpressions', 2]]]);
  });
  test('not an object', () => {
    expect(readLabelSelector('app=web')).toBeUndefined();
  });
  test('empty', () => {
    expect(isEmptySelector(readLabelSelector({})!)).toBe(true);
  });
  test('format', () => {
    const s = readLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'z', operator: 'NotIn', values: ['a', 'b'] }, { key: 'c', operator: 'DoesNotExist' }] })!;
    expect(formatSelector(s)).toBe('app=web,z notin (a, b),!c');
  });
});
