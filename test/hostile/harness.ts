/**
 * Shared pieces of the hostile-input tests: a temp project per test, the CLI run in-process, and the
 * one check every hostile case must pass (a clean failure or a clean success, never a crash).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

const made: string[] = [];
// Big generated inputs (50 MB files, a million items) must not pile up in the temp folder.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory holding `files` (path → content), removed after the test file; returns its absolute path. */
export function project(files: Record<string, string | Uint8Array> = {}, prefix = 'shipshape-hostile-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function run(args: readonly string[], cwd: string, stdin?: string | Uint8Array): Promise<CliRun> {
  return runCli(args, { cwd, env: { NO_COLOR: '1' }, ...(stdin !== undefined ? { stdin } : {}) });
}

/** The command of each kind that takes a manifest or Compose file `file` as its only input. */
export const onFile = {
  lint: (file: string) => ['lint', file],
  diff: (file: string) => ['diff', file, file],
  config: (file: string) => ['config', '-q', '-f', file],
  convert: (file: string) => ['convert', '-f', file],
} as const;
export type CommandName = keyof typeof onFile;
export const commandNames = Object.keys(onFile) as CommandName[];

/** No stack trace, no internal error, exit 1 or 2 (or one of `allowed`). */
export function expectCleanFailure(r: CliRun, allowed: readonly number[] = [1, 2]): void {
  const all = r.stdout + r.stderr;
  expect(all, 'a stack trace was printed').not.toMatch(/\n\s+at .+[:(]/);
  expect(all, 'an internal fault was reported').not.toMatch(/internal (error|fault)/);
  expect(allowed, `exit ${r.code}\n${r.stderr.slice(0, 2000)}`).toContain(r.code);
}

/** A failure explained either by a positioned diagnostic `file:line:col` or by one `shipshape: …` line. */
export function expectExplained(r: CliRun, pattern: RegExp): void {
  expectCleanFailure(r);
  expect(r.stdout + r.stderr).toMatch(pattern);
}

export const configMap = (name: string, extra = ''): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: default\ndata:\n  k: v\n${extra}`;

/** A Deployment with a `latest` image: always one `image-tag` warning, so a test sees the file was linted. */
export const latestDeployment = (name: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: ${name}\n          image: nginx:latest\n`;
