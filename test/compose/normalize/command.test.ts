import { describe, expect, test } from 'vitest';
import { splitShellWords } from '../../../src/compose/normalize/shell-words.js';
import { describeTable } from './harness.js';

describeTable('command and entrypoint', (s) => [s.command, s.entrypoint], [
  { name: 'a string, shell-split', yaml: 'command: bundle exec thin -p 3000', expected: [{ argv: ['bundle', 'exec', 'thin', '-p', '3000'], form: 'string' }, null] },
  { name: 'a list', yaml: 'command: ["bundle", "exec", "thin"]', expected: [{ argv: ['bundle', 'exec', 'thin'], form: 'list' }, null] },
  { name: 'quotes group words', yaml: `command: sh -c 'echo "hi there"'`, expected: [{ argv: ['sh', '-c', 'echo "hi there"'], form: 'string' }, null] },
  { name: 'an empty list', yaml: 'entrypoint: []', expected: [null, { argv: [], form: 'list' }] },
  { name: 'an empty string', yaml: 'entrypoint: ""', expected: [null, { argv: [], form: 'string' }] },
  { name: 'list items that are numbers', yaml: 'command: [sleep, 10]', expected: [{ argv: ['sleep', '10'], form: 'list' }, null] },
  { name: 'a string with && is cut (warned)', yaml: 'command: npm install && npm start', expected: [{ argv: ['npm', 'install'], form: 'string' }, null], diagnostics: ['compose/ignored-value@1:10'] },
  { name: 'unbalanced quote', yaml: `command: echo "oops`, expected: [null, null], diagnostics: ['compose/invalid-value@1:10'] },
  { name: 'parentheses', yaml: 'command: "--constraint=Label(a, b)"', expected: [null, null], diagnostics: ['compose/invalid-value@1:10'] },
  { name: 'a mapping', yaml: 'command: {a: b}', expected: [null, null], diagnostics: ['compose/invalid-type@1:10'] },
]);

describe('shell words: the docker compose splitter', () => {
  test.each([
    ['./foo --bar=baz', ['./foo', '--bar=baz']],
    ['  a   b\tc\n d ', ['a', 'b', 'c', 'd']],
    [`'a b' "c d"`, ['a b', 'c d']],
    [`a"b c"d`, ['ab cd']],
    [`''`, ['']],
    [`a "" b`, ['a', '', 'b']],
    [`'it''s'`, ['its']],
    [`"a\\"b"`, ['a"b']],
    [`'a\\b'`, ['a\\b']],
    ['a\\ b', ['a b']],
    ['a\\tb', ['a\tb']],
    ['echo $HOME ${X}', ['echo', '$HOME', '${X}']],
    ['echo $(date) x', ['echo', '$(date)', 'x']],
    ['echo `date`', ['echo', '`date`']],
    ['"a;b" \'c|d\'', ['a;b', 'c|d']],
    ['', []],
  ])('%j', (line, words) => {
    expect(splitShellWords(line)).toEqual({ words });
  });

  test.each([
    ['a && b', ['a'], 2],
    ['a; b', ['a'], 1],
    ['a | b', ['a'], 2],
    ['a > out', ['a'], 2],
    ['a 2>/dev/null', ['a'], 2],
    ['a < in', ['a'], 2],
  ])('%j stops at the operator', (line, words, stoppedAt) => {
    expect(splitShellWords(line)).toEqual({ words, stoppedAt });
  });

  test.each([[`"open`], [`'open`], ['trailing\\'], ['f()'], ['a)'], ['$(unclosed'], ['`open']])('%j is refused', (line) => {
    expect(splitShellWords(line).words).toBeUndefined();
  });
});
