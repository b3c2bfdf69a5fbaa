/**
 * Golden conversions: fixtures/convert/<case>/{compose.yaml, options.json?, expected.yaml, diagnostics.txt}.
 * Regenerate on purpose with `UPDATE_GOLDEN=1 npx vitest run test/translate/golden.test.ts` and review the diff.
 * Every case's output must also validate strictly against the Kubernetes schemas and lint with no error.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fileHost as diskHost } from '../../src/cli/file-host.js';
import { formatDiagnosticLine, sortDiagnostics } from '../../src/diagnostics.js';
import { validateObject } from '../../src/k8s/schema/index.js';
import { lint } from '../../src/lint/index.js';
import { translateProject, type TranslateOptions } from '../../src/translate/index.js';
import { toYamlStream } from '../../src/translate/serialize.js';
import { EXTENSION_CASES } from './golden-cases-extensions.js';
import { VOLUME_CASES } from './golden-cases-volumes.js';
import { loadFixture, relativeTo } from './load-fixture.js';

const root = fileURLToPath(new URL('../../fixtures/convert/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

/** The cases, each a folder of fixtures/convert/ (listed, not scanned; a test checks the list is complete). */
export const CASES = [
  'basic',
  'ports',
  'workloads',
  'healthchecks',
  'resources',
  'security',
  'network',
  'sidecar',
  'dependencies',
  'wait-for-deps',
  'names',
  'name-collision',
  'dropped-keys',
  'build-only',
  'namespace',
  'ports-edge',
  'pvc-size',
  'labels',
  'external-addresses',
  ...VOLUME_CASES,
  ...EXTENSION_CASES,
];

async function convertCase(name: string) {
  const dir = join(root, name);
  const optionsFile = join(dir, 'options.json');
  const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Partial<TranslateOptions>) : {};
  const loaded = await loadFixture(dir, diskHost());
  if (!loaded.project) return { yaml: '', objects: [], diagnostics: loaded.diagnostics };
  const result = await translateProject(loaded.project, { host: diskHost(), ...options });
  return { yaml: toYamlStream(result.objects), objects: result.objects, diagnostics: sortDiagnostics([...loaded.diagnostics, ...result.diagnostics.map((d) => relativeTo(dir, d))]) };
}

function golden(file: string, actual: string): void {
  if (update || !existsSync(file)) writeFileSync(file, actual);
  else expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden conversions', () => {
  test('every folder of fixtures/convert is a listed case', () => {
    const folders = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual([...CASES].sort());
  });

  test.each(CASES)('%s', async (name) => {
    const dir = join(root, name);
    const { yaml, objects, diagnostics } = await convertCase(name);
    golden(join(dir, 'expected.yaml'), yaml);
    golden(join(dir, 'diagnostics.txt'), diagnostics.map((d) => `${formatDiagnosticLine(d)}\n`).join(''));
    for (const object of objects) {
      const result = validateObject(JSON.parse(JSON.stringify(object)));
      expect({ object: `${object.kind}/${object.metadata.name}`, ...result }).toEqual({ object: `${object.kind}/${object.metadata.name}`, status: 'valid' });
    }
    if (yaml !== '') {
      const linted = lint([{ path: 'expected.yaml', text: yaml }]);
      expect(linted.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnosticLine)).toEqual([]);
    }
  });

  test('converting twice gives the same bytes', async () => {
    for (const name of CASES) expect((await convertCase(name)).yaml).toBe((await convertCase(name)).yaml);
  });
});
