/**
 * The fast located tree (js-yaml events) must be the tree `yaml` builds, spans included, wherever it
 * answers; where it cannot, it must answer `undefined`.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { LineIndex } from '../../src/source/lines.js';
import { fastLocatedTree } from '../../src/source/fast-located.js';
import { parseLocatedStream } from '../../src/source/located.js';
// @ts-expect-error: the bench is plain ESM without types.
import { composeText } from '../../bench/generate.mjs';

const composeFiles = execFileSync('find', ['fixtures', '-name', 'compose*.y*ml'], { encoding: 'utf8' }).trim().split('\n').sort();

function compare(path: string, text: string): 'fast' | 'fallback' {
  const lines = new LineIndex(text);
  const fast = fastLocatedTree(path, text, lines);
  if (fast === undefined) return 'fallback';
  const full = parseLocatedStream({ path, text }, { tags: ['!reset', '!override'], useYaml: true });
  expect(full.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(fast).toEqual(full.documents[0]);
  return 'fast';
}

describe('fast located tree = yaml located tree', () => {
  test.each(composeFiles)('%s', (path) => {
    compare(path, readFileSync(path, 'utf8'));
  });

  test('the benchmark\'s Compose project (flow maps in every service)', () => {
    expect(compare('compose.yaml', (composeText as (n: number) => string)(80))).toBe('fast');
  });
});

describe('edge cases', () => {
  test('most Compose fixtures take the fast path (the comparison above is not vacuous)', () => {
    const fast = composeFiles.filter((path) => fastLocatedTree(path, readFileSync(path, 'utf8'), new LineIndex(readFileSync(path, 'utf8'))) !== undefined);
    expect(fast.length).toBeGreaterThan(composeFiles.length * 0.6);
  });

  test.each([
    ['comments and blank lines everywhere', '# head\nservices:   # trailing\n\n  web:\n    # inside\n    image: nginx   # img\n\n    ports:\n      - "80"   # p\n      # after\n  db:\n    image: pg\n# tail\n'],
    ['empty values, last and not last', 'a:\nb:\n  c:\n  d: 1\n  e:\ne: x\n'],
    ['flow collections', 'a: {b: 1, c: [1, 2, {d: e}], "q": \'s\'}\nf: []\ng: {}\nh: [ x ,y ]\n'],
    ['scalars of every kind', 'a: 1\nb: -2.5\nc: .inf\nd: 0x1F\ne: 0o17\nf: true\ng: ~\nh: null\ni: "1"\nj: \'x\'\nk: 1e3\nl: yes\nm: 012\n'],
    ['block scalars', 'a: |\n  line 1\n  line 2\nb: >-\n  folded\n  text\nc:\n  d: |\n    x\n  e: 1\n'],
    ['keys of every kind', '"quoted": 1\n\'single\': 2\n1: 3\ntrue: 4\nnull: 5\nkey with spaces: 6\n'],
    ['CRLF line breaks', 'services:\r\n  web:\r\n    image: nginx\r\n    ports:\r\n      - "80"\r\n'],
    ['no final line break', 'a:\n  b: [1]\n  c: x'],
    ['thousands of shallow flow maps', Array.from({ length: 1500 }, (_, i) => `s${i}: {a: 1, b: [x]}\n`).join('')],
    ['sequences of maps and sequences', 'a:\n- b: 1\n  c: 2\n- - x\n  - y\n-\n- z\n'],
  ])('%s', (_name, text) => {
    compare('t.yaml', text);
  });

  test.each([
    ['anchors and aliases', 'a: &x {b: 1}\nc: *x\n'],
    ['merge keys', 'a: {b: 1}\nc:\n  <<: {d: 2}\n'],
    ['tags', 'a: !reset []\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['syntax errors', 'a: [1, 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['YAML 1.1 numbers js-yaml would read', 'a: 1_000\nb: 0b101\n'],
    ['a YAML 1.2 number js-yaml would read as a string', 'a: +.5\n'],
    ['the same as a key', '+.5: a\n'],
    ['a complex key', '? [a, b]\n: 1\n'],
    ['comments only', '# nothing here\n'],
    ['nesting deeper than the limit', `a: ${'['.repeat(1200)}${']'.repeat(1200)}\n`],
    ['a lone scalar', 'hello\n'],
  ])('%s: left to yaml', (_name, text) => {
    expect(fastLocatedTree('t.yaml', text, new LineIndex(text))).toBeUndefined();
  });
});
