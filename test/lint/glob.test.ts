import { describe, expect, test } from 'vitest';
import { globMatcher, pathIgnored } from '../../src/lint/glob.js';

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
