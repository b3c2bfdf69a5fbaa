/**
 * Property: whatever the input, lint() does not throw, no rule faults, and every position lies inside
 * its file. Inputs: arbitrary JSON values shaped like objects, and mutations (truncation, character
 * flips, re-indentation) of the golden fixture's manifests. Seeded and bounded.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from '../../src/lint/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';

const fixtureDir = fileURLToPath(new URL('../../fixtures/lint/shop/', import.meta.url));
const fixtures = ['apps', 'platform'].flatMap((d) =>
  readdirSync(`${fixtureDir}${d}`).map((f) => readFileSync(`${fixtureDir}${d}/${f}`, 'utf8')),
);

function check(files: { path: string; text: string }[]): void {
  const result = lint(files, { reportUnusedDisables: true });
  expect(result.faults).toBe(0);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const inside = (d: Pick<Diagnostic, 'file' | 'line' | 'column'>) => {
    const lines = texts.get(d.file)!.split('\n');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
  };
  for (const d of result.diagnostics) {
    inside(d);
    for (const r of d.related ?? []) inside(r);
  }
}

const kinds = ['Service', 'Deployment', 'StatefulSet', 'Ingress', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'Pod', 'List', 'ConfigMap'];

describe('lint never throws', () => {
  test('on arbitrary objects with a known kind', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('spec', 'selector', 'template', 'metadata', 'labels', 'containers', 'ports', 'name', 'items', 'matchLabels', 'matchExpressions', 'targetPort', 'backend', 'service', 'scaleTargetRef', 'volumes', 'env', 'key', 'operator', 'values'), tie('any'), { maxKeys: 4 })),
    })).any;
    const object = fc.record({ apiVersion: fc.constantFrom('v1', 'apps/v1', 'networking.k8s.io/v1', 'policy/v1', 'autoscaling/v2'), kind: fc.constantFrom(...kinds), metadata: value, spec: value, items: value });
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 6 }), (objects) => {
        check([{ path: 'gen.yaml', text: objects.map((o) => JSON.stringify(o)).join('\n---\n') }]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test('on mutated manifests', () => {
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('flip' as const), at: fc.nat(), char: fc.constantFrom(':', '-', ' ', '\t', '{', '"', '#', '\n', '&', '*', '|') }),
      fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { maxLength: 3 })), { minLength: 1, maxLength: 4 }), (picks) => {
        const files = picks.map(([i, ms], n) => {
          let text = fixtures[i]!;
          for (const m of ms) {
            if (m.op === 'truncate') text = text.slice(0, m.at % (text.length + 1));
            else if (m.op === 'flip' && text.length > 0) {
              const at = m.at % text.length;
              text = text.slice(0, at) + m.char + text.slice(at + 1);
            } else if (m.op === 'indent') {
              const lines = text.split('\n');
              const l = m.line % lines.length;
              lines[l] = m.by >= 0 ? ' '.repeat(m.by) + lines[l] : lines[l]!.slice(-m.by);
              text = lines.join('\n');
            }
          }
          return { path: `m${n}.yaml`, text };
        });
        check(files);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
