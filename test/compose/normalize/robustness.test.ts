import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { normalizeProject } from '../../../src/compose/normalize/index.js';
import { printProject } from '../../../src/compose/print.js';
import { parseLocatedStream } from '../../../src/source/located.js';
import { vendoredComposeSpec } from '../../helpers/corpus.js';

const schema = JSON.parse(readFileSync(vendoredComposeSpec, 'utf8')) as { $defs: { service: { properties: object } } };
const serviceKeys = Object.keys(schema.$defs.service.properties);

/** Values of every shape, including the near-misses interpolation produces ("80", "true", ""). */
const scalar = fc.oneof(
  fc.constantFrom('', '80', '8080:80', 'true', '1m', '512m', 'a=b', './x:/y', 'CMD', 'all', '0440', '-1', '[::1]:1:2', 'x:y:z:w'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -70000, max: 70000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.constantFrom(...serviceKeys, 'target', 'source', 'type', 'test', 'soft', 'hard', 'condition', 'x-a'), fc.string({ maxLength: 6 })), tie('node'), { maxKeys: 3 })),
})).node;

describe('normalization never throws on a wrong shape', () => {
  test('random values under every service key and every top-level section', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...serviceKeys), value, { maxKeys: 6 }), fc.dictionary(fc.constantFrom('volumes', 'networks', 'secrets', 'configs', 'models', 'x-z'), value, { maxKeys: 3 }), (service, top) => {
        const text = stringify({ ...top, services: { s: service } });
        const parsed = parseLocatedStream({ path: 'fuzz.yaml', text });
        const root = parsed.documents[0];
        if (root?.kind !== 'map') return;
        const diagnostics: Diagnostic[] = [];
        const project = normalizeProject(root, { workingDir: '/p', env: {}, report: (d) => diagnostics.push(d) });
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.code).toMatch(/^compose\//);
        }
        expect(() => printProject({ name: 'p', workingDir: '/p', files: [], ...project })).not.toThrow();
      }),
      { numRuns: 400, seed: 20240601 },
    );
  });
});

describe('the printed long syntax is a fixed point', () => {
  const shortForms = fc.oneof(
    fc.constantFrom('80', '8080:80', '1.2.3.4::80/udp', '3000-3001', 'true', '1m', '512m', 'a=b', './x:/y:ro', 'v:/d:nocopy', '/t', 'h=1.2.3.4', 'all', '0440', '1s', 'CMD', 'node.role==x'),
    fc.integer({ min: 0, max: 70 }),
    fc.boolean(),
    fc.constant(null),
  );
  const nested = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      shortForms,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('target', 'published', 'source', 'type', 'test', 'interval', 'soft', 'hard', 'condition', 'mode', 'replicas', 'limits', 'cpus', 'memory', 'aliases', 'x-a', 'db'), tie('node'), { maxKeys: 3 }),
    ),
  })).node;
  const keys = ['ports', 'volumes', 'environment', 'healthcheck', 'deploy', 'depends_on', 'networks', 'extra_hosts', 'ulimits', 'tmpfs', 'labels', 'command', 'secrets', 'expose', 'build', 'env_file', 'gpus', 'sysctls', 'dns'];

  function normalizeAndPrint(text: string): { printed: Record<string, unknown>; errors: Diagnostic[] } {
    const root = parseLocatedStream({ path: 'f.yaml', text }).documents[0];
    if (root?.kind !== 'map') throw new Error('not a mapping');
    const errors: Diagnostic[] = [];
    const project = normalizeProject(root, { workingDir: '/p', env: {}, report: (d) => d.severity === 'error' && errors.push(d) });
    return { printed: printProject({ name: 'p', workingDir: '/p', files: [], ...project }), errors };
  }

  test('normalize → print → normalize → print gives the same object for every input without errors', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), nested, { maxKeys: 4 }), (service) => {
        const first = normalizeAndPrint(stringify({ services: { s: { image: 'x', ...service } } }));
        if (first.errors.length > 0) return;
        const second = normalizeAndPrint(stringify(first.printed));
        expect(second.errors).toEqual([]);
        expect(second.printed).toEqual(first.printed);
      }),
      { numRuns: 500, seed: 20240602 },
    );
  });
});
