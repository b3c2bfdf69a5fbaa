/**
 * Golden loads: fixtures/compose/<case>/ holds the Compose files (and .env, env files, other files), a
 * case.json ({args, env?, cwd?}: `shipshape config` arguments, environment, working directory inside the
 * case), and the expected results: expected.yaml (standard output, with the case's absolute directory
 * written as <case>) and diagnostics.txt (the exit code, then standard error).
 * Regenerate on purpose with `UPDATE_GOLDEN=1 npx vitest run test/compose/golden.test.ts` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../fixtures/compose/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

/** The cases, each a folder of fixtures/compose/ (listed, not scanned; a test checks the list is complete). */
export const CASES = [
  'merge',
  'merge-reset',
  'extends',
  'extends-errors',
  'include',
  'include-errors',
  'profiles',
  'profiles-env',
  'interpolation',
  'env-files',
  'anchors',
  'consistency',
  'validation',
  'compose-file-env',
] as const;

interface CaseFile {
  args: string[];
  env?: Record<string, string>;
  /** Working directory, relative to the case folder. */
  cwd?: string;
}

async function runCase(name: string) {
  const dir = join(root, name);
  const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseFile;
  const r = await runCli(['config', ...spec.args], { cwd: join(dir, spec.cwd ?? '.'), env: { HOME: '/home/user', ...spec.env } });
  return { stdout: r.stdout.split(dir).join('<case>'), diagnostics: `exit ${r.code}\n${r.stderr}` };
}

function golden(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  else {
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  }
}

describe('golden loads (shipshape config)', () => {
  test('every folder of fixtures/compose is a listed case', () => {
    const folders = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual([...CASES].sort());
  });

  test.each(CASES)('%s', async (name) => {
    const { stdout, diagnostics } = await runCase(name);
    golden(join(root, name, 'expected.yaml'), stdout);
    golden(join(root, name, 'diagnostics.txt'), diagnostics);
  });

  test('loading twice gives the same bytes', async () => {
    for (const name of CASES) expect(await runCase(name)).toEqual(await runCase(name));
  });
});
