/**
 * A side can hold a file of a million documents: collecting them must not spread them into push(), which
 * overflows the call stack (RangeError) somewhere between 300k and 1M arguments.
 */
import { expect, test } from 'vitest';
import { objectsOfFiles } from '../../src/diff/manifest-side.js';

test('a file of a million documents is read without a stack overflow', { timeout: 60_000 }, () => {
  const count = 1_000_000;
  const side = objectsOfFiles([{ path: 'big.yaml', text: 'kind: A\n---\n'.repeat(count) }], { defaultNamespace: 'default' });
  // Each document lacks apiVersion: one diagnostic each, none lost.
  expect(side.diagnostics).toHaveLength(count);
  expect(side.diagnostics[count - 1]).toMatchObject({ file: 'big.yaml', line: 2 * count - 1 });
});
