/**
 * The depth guard of src/source/nesting.ts is sound: its cheap text bound never says "shallow" for a
 * text that nests deeper (whatever the YAML style), and every reader reports too-deep input with the
 * same message instead of recursing into it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { parseDocuments } from '../../src/source/documents.js';
import { parseLocatedStream } from '../../src/source/located.js';
import { DEFAULT_MAX_DEPTH, mayNestDeeperThan, tooDeepMessage } from '../../src/source/nesting.js';
import { settings } from './settings.js';

/** A value nested exactly `depth` levels, each level a map or a list, with siblings for noise. */
const nested = fc.integer({ min: 1, max: 60 }).chain((depth) =>
  fc.array(fc.tuple(fc.boolean(), fc.constantFrom('k', 'a b', 'x:'), fc.nat(2)), { minLength: depth, maxLength: depth }).map((levels) => {
    let value: unknown = 'leaf';
    for (const [asList, key, siblings] of levels) {
      value = asList ? [...Array(siblings).fill(1), value] : { [key]: value, ...Object.fromEntries(Array.from({ length: siblings }, (_, i) => [`s${i}`, i])) };
    }
    return { depth, value };
  }),
);

const styles = {
  block: (v: unknown) => stringify(v),
  flow: (v: unknown) => stringify(v, { collectionStyle: 'flow' }),
  json: (v: unknown) => JSON.stringify(v),
  'json, indented': (v: unknown) => JSON.stringify(v, null, 2),
  'block, indent 1': (v: unknown) => stringify(v, { indent: 1 }),
  'block, compact sequences': (v: unknown) => stringify(v, { indentSeq: false }),
};

describe('mayNestDeeperThan', () => {
  test.each(Object.keys(styles))('%s: never "shallow" for a deeper text', (style) => {
    fc.assert(
      fc.property(nested, ({ depth, value }) => {
        const text = styles[style as keyof typeof styles](value);
        expect(mayNestDeeperThan(text, depth - 1), text).toBe(true);
      }),
      settings(300, 9001, 0.3),
    );
  });

  test('typical manifests stay under the bound (the fast path is kept)', () => {
    const deployment = stringify({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }], env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }] } } } });
    expect(mayNestDeeperThan(deployment, DEFAULT_MAX_DEPTH)).toBe(false);
  });
});

describe('one message for too-deep input on every path', () => {
  const texts = {
    flow: `k: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
    compact: `k:\n  ${'- '.repeat(3000)}x\n`,
    map: `${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`,
  };
  test.each(Object.entries(texts))('%s', (_name, text) => {
    const fast = parseDocuments({ path: 'f.yaml', text });
    const located = parseLocatedStream({ path: 'f.yaml', text });
    for (const diagnostics of [fast.diagnostics, located.diagnostics]) {
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', messageId: 'tooDeep', message: tooDeepMessage(DEFAULT_MAX_DEPTH) });
    }
    expect(fast.diagnostics[0]!.line).toBe(located.diagnostics[0]!.line);
    expect(fast.documents).toEqual([]);
  });
});
