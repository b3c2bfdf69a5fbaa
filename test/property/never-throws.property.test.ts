/**
 * lint and diff never throw — on generated manifests and on mutated real files (the project's fixtures,
 * and the shared corpus when it is present) — and every diagnostic's line and column lie inside its file.
 * Every lint formatter and diff renderer runs on each result too.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import * as api from '../../src/index.js';
import { objectsOfFiles } from '../../src/diff/manifest-side.js';
import { corpusDir, hasCorpus } from '../helpers/corpus.js';
import { expectInside, lineLengths, mutations } from './mutate.js';
import { settings, timeout } from './settings.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

const fixtureFiles = yamlFiles(join(root, 'fixtures'));
const corpusFiles = hasCorpus ? yamlFiles(corpusDir) : [];

/** Lint one file through the API (as the CLI does) and render it in every format; return the diagnostics. */
function lintAll(name: string, bytes: Uint8Array): api.Diagnostic[] {
  const decoded = api.decodeSource(name, bytes);
  const files = decoded.value ? [decoded.value] : [];
  const result = api.lint(files, { sourceDiagnostics: decoded.diagnostics });
  const text = decoded.value?.text;
  for (const format of api.formatNames) {
    api.formatters[format](
      {
        diagnostics: result.diagnostics,
        rules: api.ruleDescriptors(),
        objects: result.objects,
        files: [name],
        source: () => text,
        secretRegions: (file: string) => result.secretRegions(file),
        tool: { name: 'shipshape', version: 'test' },
      },
      { color: format === 'stylish' },
    );
  }
  return result.diagnostics;
}

/** Diff the file against itself and against an empty side, rendering every output; return the diagnostics. */
function diffAll(name: string, bytes: Uint8Array): api.Diagnostic[] {
  const decoded = api.decodeSource(name, bytes);
  const side = objectsOfFiles(decoded.value ? [decoded.value] : [], { defaultNamespace: 'default' });
  for (const [left, right] of [[side.objects, side.objects], [[], side.objects]] as const) {
    const result = api.diffManifests(left, right);
    if (left === right) expect(result.counts.changed + result.counts.added + result.counts.removed).toBe(0);
    for (const output of api.DIFF_OUTPUTS) api.renderers[output](result, { color: true, context: 3 });
  }
  return [...decoded.diagnostics, ...side.diagnostics];
}

function checkFile(name: string, bytes: Uint8Array): void {
  const lengths = lineLengths(bytes);
  const context = () => new TextDecoder().decode(bytes).slice(0, 3000);
  expectInside(lintAll(name, bytes), name, lengths, context);
  expectInside(diffAll(name, bytes), name, lengths, context);
}

describe('mutated project fixtures', () => {
  test('lint and diff never throw; positions lie inside the file', { timeout }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtureFiles), mutations, (path, mutate) => {
        checkFile(relative(root, path), mutate(readFileSync(path)));
      }),
      settings(300, 8001, 1),
    );
  });

  test('the unmutated fixtures themselves', () => {
    for (const path of fixtureFiles) checkFile(relative(root, path), readFileSync(path));
  });
});

describe.runIf(hasCorpus)('mutated corpus files (../shared/corpus)', () => {
  test('lint and diff never throw; positions lie inside the file', { timeout }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...(corpusFiles.length > 0 ? corpusFiles : ['none'])), mutations, (path, mutate) => {
        checkFile(relative(corpusDir, path), mutate(readFileSync(path)));
      }),
      settings(300, 8002, 1),
    );
  });
});
if (!hasCorpus) test.skip(`mutated corpus files: skipped, ${corpusDir} is absent`, () => {});

/** Manifest-like values: real kinds and field names, arbitrary shapes and scalars. */
const field = fc.constantFrom('apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'spec', 'selector', 'matchLabels', 'template', 'containers', 'image', 'ports', 'containerPort', 'targetPort', 'env', 'value', 'data', 'stringData', 'replicas', 'resources', 'limits', 'cpu', 'memory', 'annotations', '__proto__', 'constructor');
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 70000 }), fc.double({ noNaN: false }), fc.string({ maxLength: 8 }), fc.constantFrom('10.0.0.1', 'nginx:latest', 'v1', 'apps/v1', 'Deployment', 'Service', 'Secret', 'web', '1Gi', '100m', 'http'));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', maxDepth: 5 }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('v'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(field, fc.string({ maxLength: 4 })), tie('v'), { maxKeys: 6 }),
})).v;
const kinds = fc.constantFrom(['v1', 'Service'], ['apps/v1', 'Deployment'], ['v1', 'Secret'], ['v1', 'ConfigMap'], ['batch/v1', 'CronJob'], ['networking.k8s.io/v1', 'Ingress'], ['policy/v1beta1', 'PodDisruptionBudget'], ['example.com/v1', 'Widget'], ['v1', 'List']);
const manifest = fc.tuple(kinds, fc.constantFrom('a', 'web', 'b'), value, value).map(([[apiVersion, kind], name, spec, extra]) => ({
  apiVersion,
  kind,
  metadata: { name, labels: { app: name } },
  spec,
  ...(typeof extra === 'object' && extra !== null && !Array.isArray(extra) ? extra : { data: extra }),
}));

describe('generated manifests', () => {
  test('lint and diff never throw; positions lie inside the file (YAML and JSON)', { timeout }, () => {
    fc.assert(
      fc.property(fc.array(manifest, { minLength: 1, maxLength: 4 }), fc.boolean(), (objects, asJson) => {
        const text = asJson ? JSON.stringify(objects.length === 1 ? objects[0] : { apiVersion: 'v1', kind: 'List', items: objects }, null, 1) : objects.map((o) => stringify(o)).join('---\n');
        checkFile(asJson ? 'gen.json' : 'gen.yaml', new TextEncoder().encode(text));
      }),
      settings(200, 8003, 0.7),
    );
  });
});

describe('the position check itself', () => {
  const d = (line: number, column: number): api.Diagnostic => ({ code: 'x', severity: 'error', message: 'm', file: 'f', line, column });
  test.each([
    [d(1, 1), true],
    [d(2, 4), true], // end of the last line
    [d(0, 1), false],
    [d(3, 1), false],
    [d(1, 5), false],
    [{ ...d(1, 1), endLine: 2, endColumn: 9 }, false],
  ])('%j inside "abc\\nxyz": %s', (diagnostic, inside) => {
    const run = () => expectInside([diagnostic], 'f', [3, 3], () => '');
    if (inside) expect(run).not.toThrow();
    else expect(run).toThrow(/outside f/);
  });
});
