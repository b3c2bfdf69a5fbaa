/**
 * Hostile input: one manifest file holding a million documents. Collecting them must not spread an
 * unbounded array into push() (a RangeError once the argument list outgrows the stack; vitest's worker
 * threads have a larger stack than `node`, hence a full million here).
 */
import { expect, test } from 'vitest';
import { lint } from '../../src/lint/index.js';

test('a stream of 1,000,000 documents that are not manifests: one note each, no RangeError', { timeout: 120_000 }, () => {
  const n = 1_000_000;
  const result = lint([{ path: 'big.yaml', text: '---\na: 1\n'.repeat(n) }]);
  expect(result.faults).toBe(0);
  expect(result.diagnostics).toHaveLength(n);
  expect(result.diagnostics[n - 1]).toMatchObject({ code: 'schema', messageId: 'notAManifest', line: 2 * n, column: 1 });
});
