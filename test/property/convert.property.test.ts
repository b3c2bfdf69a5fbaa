/**
 * Properties of the converter on generated Compose projects (see compose-arbitrary.ts): the conversion
 * never throws and reports no error; every object validates against the Kubernetes schemas (the `schema`
 * rule's validators); the output lints with zero errors; it is deterministic (the same bytes twice, from
 * two independent loads); and `diff` of the output against itself reports no change, in memory and
 * through the CLI.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as api from '../../src/index.js';
import { objectsOfFiles } from '../../src/diff/manifest-side.js';
import { validateObject } from '../../src/k8s/schema/index.js';
import { runCli } from '../helpers/cli.js';
import { composeProject } from './compose-arbitrary.js';
import { settings, timeout } from './settings.js';

async function convert(text: string) {
  const host = api.memoryHost({ '/p/compose.yaml': text });
  const loaded = await api.loadProject({ files: [], envFiles: [], profiles: [], cwd: '/p', env: {}, host });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !loaded.project) throw new Error(`generated project does not load:\n${text}\n${errors.map(api.formatDiagnosticLine).join('\n')}`);
  const result = await api.translateProject(loaded.project, { host });
  return { result, yaml: api.toYamlStream(result.objects) };
}

const describeErrors = (ds: readonly api.Diagnostic[]): string => ds.filter((d) => d.severity === 'error').map(api.formatDiagnosticLine).join('\n');

describe('generated Compose projects', () => {
  test('convert without throwing or errors; every object is schema-valid; output lints with zero errors', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(composeProject, async ({ text }) => {
        const { result, yaml } = await convert(text);
        expect(describeErrors(result.diagnostics), text).toBe('');
        expect(result.objects.length).toBeGreaterThan(0);
        for (const object of result.objects) {
          const verdict = validateObject(object as unknown as Record<string, unknown>);
          expect(verdict.status === 'invalid' ? JSON.stringify(verdict.violations) : verdict.status, `${text}\n${yaml}`).toBe('valid');
        }
        const file = api.decodeSource('out.yaml', new TextEncoder().encode(yaml)).value!;
        const linted = api.lint([file]);
        expect(describeErrors(linted.diagnostics), `${text}\n${yaml}`).toBe('');
      }),
      settings(40, 7001),
    );
  });

  test('are deterministic: two independent conversions give the same bytes', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(composeProject, async ({ text }) => {
        const a = await convert(text);
        const b = await convert(text);
        expect(b.yaml).toBe(a.yaml);
        expect(api.toJsonList(b.result.objects)).toEqual(api.toJsonList(a.result.objects));
      }),
      settings(30, 7002, 0.5),
    );
  });

  test('diff of an output against itself (and against its own re-read text) reports no change', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(composeProject, async ({ text }) => {
        const { result, yaml } = await convert(text);
        const fromValues = api.diffObjectsOfValues(result.objects, { defaultNamespace: 'default' });
        const file = api.decodeSource('out.yaml', new TextEncoder().encode(yaml)).value!;
        const fromText = objectsOfFiles([file], { defaultNamespace: 'default' });
        expect(fromText.diagnostics).toEqual([]);
        const self = api.diffManifests(fromValues, fromValues);
        expect(self.counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
        const reread = api.diffManifests(fromValues, fromText.objects);
        expect(reread.counts, yaml).toMatchObject({ added: 0, removed: 0, changed: 0 });
      }),
      settings(30, 7003, 0.5),
    );
  });

  test('through the CLI: convert -o, then diff compose.yaml DIR reports no change (exit 0)', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(composeProject, async ({ text }) => {
        const dir = mkdtempSync(join(tmpdir(), 'shipshape-prop-'));
        writeFileSync(join(dir, 'compose.yaml'), text);
        const converted = await runCli(['convert', '-o', 'k8s'], { cwd: dir, env: {} });
        expect(converted.code, `convert -o k8s\n${converted.stderr}`).toBe(0);
        const again = await runCli(['convert', '-o', 'k8s'], { cwd: dir, env: {} });
        expect(again.code, `convert -o k8s again\n${again.stderr}`).toBe(0);
        const diff = await runCli(['diff', 'compose.yaml', 'k8s'], { cwd: dir, env: {} });
        expect(diff.code, `diff compose.yaml k8s\n${diff.stdout}\n${diff.stderr}`).toBe(0);
        const self = await runCli(['diff', '--output', 'json', 'k8s', 'k8s'], { cwd: dir, env: {} });
        expect(self.code, `diff k8s k8s\n${self.stderr}`).toBe(0);
        const lint = await runCli(['lint', '--format', 'json', 'k8s'], { cwd: dir, env: {} });
        rmSync(dir, { recursive: true, force: true });
        expect(lint.code, `lint k8s\n${lint.stdout}\n${lint.stderr}`).toBe(0);
      }),
      settings(10, 7004, 0.2),
    );
  });
});
