import { describe, expect, test } from 'vitest';
import { globMatcher, pathIgnored } from '../../src/lint/glob.js';
import { closestName, editDistance } from '../../src/lint/edit-distance.js';

describe('globMatcher', () => {
  test.each([
    ['kube-*', 'kube-system', true],
    ['kube-*', 'kube', false],
    ['w?b', 'web', true],
    ['w?b', 'weeb', false],
    ['{a,b}-x', 'b-x', true],
    ['{a,b}-x', 'c-x', false],
    ['a.b', 'axb', false],
    ['*', 'a/b', false],
    ['**', 'a/b', true],
    ['charts/**/values.yaml', 'charts/values.yaml', true],
    ['charts/**/values.yaml', 'charts/x/y/values.yaml', true],
    ['(x)', '(x)', true],
  ])('%s ~ %s → %s', (pattern, text, expected) => {
    expect(globMatcher(pattern)(text)).toBe(expected);
  });
});

describe('pathIgnored', () => {
  test.each([
    ['charts/web/templates/a.yaml', ['charts'], true],
    ['apps/charts/a.yaml', ['charts'], true],
    ['apps/a.tmpl.yaml', ['*.tmpl.yaml'], true],
    ['apps/a.yaml', ['*.tmpl.yaml'], false],
    ['apps/web/a.yaml', ['apps/web'], true],
    ['apps/web/a.yaml', ['./apps/web/'], true],
    ['other/apps/web/a.yaml', ['apps/web'], false],
    ['apps/web/a.yaml', ['apps/*/a.yaml'], true],
    ['a.yaml', [], false],
  ])('%s with %j → %s', (path, patterns, expected) => {
    expect(pathIgnored(path, patterns)).toBe(expected);
  });
});

describe('editDistance', () => {
  test.each([
    ['web', 'web', 0],
    ['web', 'wbe', 1],
    ['my-sever', 'my-server', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
  test('gives up beyond max', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
  test('closestName', () => {
    expect(closestName('image-tags', ['image-tag', 'schema'])).toBe('image-tag');
    expect(closestName('zzz', ['image-tag', 'schema'])).toBeUndefined();
  });
});
