import { describe, expect, test } from 'vitest';
import { closestName, editDistance } from '../../src/text/edit-distance.js';

describe('editDistance', () => {
  test.each([
    ['web', 'web', 0],
    ['web', 'wbe', 1],
    ['my-sever', 'my-server', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['Web', 'web', 1],
  ])('%s → %s = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
  test('gives up beyond max', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('closestName', () => {
  test.each([
    ['a typo', 'image-tags', ['image-tag', 'schema'], 'image-tag'],
    ['nothing close', 'zzz', ['image-tag', 'schema'], undefined],
    ['a transposition', 'contianers', ['containers', 'volumes'], 'containers'],
    ['case only', 'ContainerS', ['containers'], 'containers'],
    ['never the name itself', 'ports', ['ports'], undefined],
    ['short names match on case only', 'ab', ['AB', 'ac'], 'AB'],
    ['short names do not match other letters', 'ab', ['ac'], undefined],
    ['ties: first in sorted order', 'abcd', ['abce', 'abcf'], 'abce'],
    ['closest wins over first', 'replicas', ['replics', 'replicas2x', 'replicaz'], 'replicaz'],
  ] as const)('%s', (_name, name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected);
  });
  test('a larger limit finds more distant names', () => {
    expect(closestName('img-tagg', ['image-tag'])).toBeUndefined();
    expect(closestName('img-tagg', ['image-tag'], 3)).toBe('image-tag');
  });
});
