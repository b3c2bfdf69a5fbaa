/**
 * Lint the shared third-party corpus (by reference, never copied): it never crashes, every position lies
 * inside its file, and the number of findings per rule is recorded (read one by one: docs/lint-corpus.md).
 *
 * The corpus holds many independent examples, so findings are counted per example: the manifests of one
 * example folder (with its subfolders) form one run (one object graph), as a user would lint them. The
 * whole tree is also linted in one CLI run, which must not fail for any reason but findings.
 */
import { expect, test } from 'vitest';
import { dirname, join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileHost } from '../../src/cli/file-host.js';
import { findManifestFiles } from '../../src/cli/manifest-files.js';
import { lint, INTERNAL_FAULT } from '../../src/lint/index.js';
import { decodeSource, type SourceFile } from '../../src/source/file.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { corpusDir, describeCorpus } from '../helpers/corpus.js';
import { runCli } from '../helpers/cli.js';

const k8sDir = join(corpusDir, 'k8s');

async function corpusFiles(): Promise<{ files: SourceFile[]; problems: Diagnostic[] }> {
  const host = fileHost();
  const found = await findManifestFiles(host, ['.'], { cwd: k8sDir, ignore: [], ignoreBase: k8sDir });
  const files: SourceFile[] = [];
  const problems: Diagnostic[] = [];
  for (const absolute of found.files) {
    const read = await host.readFile(absolute);
    if (!read.ok) throw new Error(read.message);
    const decoded = decodeSource(relative(k8sDir, absolute), read.bytes);
    if (decoded.value) files.push(decoded.value);
    problems.push(...decoded.diagnostics);
  }
  return { files, problems };
}

/**
 * One unit per example: a folder that holds manifests directly, with everything below it (an example's
 * `hpa/` or `provisioner/` subfolder belongs to it), unless an ancestor folder is already a unit.
 */
function exampleUnits(files: readonly SourceFile[]): Map<string, SourceFile[]> {
  const withFiles = new Set(files.map((f) => dirname(f.path)));
  const rootOf = (dir: string): string => {
    const parts = dir.split('/');
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/');
      if (withFiles.has(prefix)) return prefix;
    }
    return dir;
  };
  const units = new Map<string, SourceFile[]>();
  for (const f of files) {
    const root = rootOf(dirname(f.path));
    const unit = units.get(root) ?? [];
    unit.push(f);
    units.set(root, unit);
  }
  return units;
}

/** Every diagnostic's position lies inside its file (line exists, column at most one past its end). */
function expectInside(d: Diagnostic, text: string | undefined): void {
  if (text === undefined) return;
  const lines = text.split('\n');
  expect(d.line, `${d.file}:${d.line}:${d.column} ${d.code}`).toBeGreaterThanOrEqual(1);
  expect(d.line, `${d.file}:${d.line}:${d.column} ${d.code}`).toBeLessThanOrEqual(lines.length);
  expect(d.column, `${d.file}:${d.line}:${d.column} ${d.code}`).toBeGreaterThanOrEqual(1);
  expect(d.column, `${d.file}:${d.line}:${d.column} ${d.code}`).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
}

describeCorpus('lint over the k8s corpus', () => {
  test('every example, linted as one unit: no internal fault, positions inside files, findings per rule', async () => {
    const { files, problems } = await corpusFiles();
    expect(files.length).toBeGreaterThan(300);
    const units = exampleUnits(files);
    const texts = new Map(files.map((f) => [f.path, f.text]));
    const counts: Record<string, number> = {};
    const findings: string[] = [];
    for (const [, unit] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
      const result = lint(unit, { sourceDiagnostics: problems.filter((p) => unit.some((f) => f.path === p.file)) });
      expect(result.faults, result.diagnostics.filter((d) => d.code === INTERNAL_FAULT).map((d) => d.message).join('\n')).toBe(0);
      for (const d of result.diagnostics) {
        expectInside(d, texts.get(d.file));
        counts[d.code] = (counts[d.code] ?? 0) + 1;
        findings.push(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}/${d.messageId ?? ''} ${d.message}`);
      }
    }
    if (process.env.SHIPSHAPE_CORPUS_FINDINGS) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(process.env.SHIPSHAPE_CORPUS_FINDINGS, `${findings.join('\n')}\n`);
    }
    const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
    expect(sorted).toMatchSnapshot();
  });

  test('the whole tree in one CLI run exits 0 or 1 (never 2: no crash, nothing unreadable)', async () => {
    const r = await runCli(['lint', '.', '--format', 'json', '-o', '/dev/null'], { cwd: k8sDir, env: { NO_COLOR: '1' } });
    expect(r.stderr).not.toContain('internal');
    expect([0, 1]).toContain(r.code);
    // sanity: the corpus README's known defects are there to be found
    expect(readFileSync(join(corpusDir, 'README.md'), 'utf8')).toContain('targetPort');
  });
});
