/**
 * The installed command runs the bundle that `npm run build` writes (dist/shipshape-cli.js and its chunks), not
 * src/. Each command run through bin/shipshape.js must print what the same command prints in-process from src/:
 * the bundle keeps the paths to package.json and generated/, and each lazily imported chunk loads.
 * Skipped, with the reason, when the build has not run (`npm install` / `npm ci` run it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin', 'shipshape.js');
const built = existsSync(join(root, 'dist', 'shipshape-cli.js'));
if (!built) console.warn('test/cli/bundle.test.ts: skipped, dist/shipshape-cli.js is missing (run `npm run build`)');

const out = mkdtempSync(join(tmpdir(), 'shipshape-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const env = { NO_COLOR: '1' };

const cases: { name: string; args: string[] }[] = [
  { name: '--version', args: ['--version'] },
  { name: '--help', args: ['--help'] },
  { name: 'config', args: ['config', '-f', 'fixtures/quickstart/compose.yaml'] },
  { name: 'convert', args: ['convert', '-f', 'fixtures/quickstart/compose.yaml'] },
  { name: 'lint (stylish)', args: ['lint', 'fixtures/lint/shop'] },
  { name: 'lint (sarif)', args: ['lint', '--format', 'sarif', 'fixtures/lint/shop'] },
  { name: 'lint (junit)', args: ['lint', '--format', 'junit', 'fixtures/lint/shop'] },
  { name: 'diff', args: ['diff', 'fixtures/lint/shop/apps', 'fixtures/lint/shop/platform'] },
  { name: 'a usage error', args: ['lint', '--format', 'nope', 'fixtures/lint/shop'] },
];

describe.skipIf(!built)('the bundled CLI (bin/shipshape.js) prints what src/ prints', () => {
  test.each(cases)('$name', async ({ args }) => {
    const bundled = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
    const direct = await runCli(args, { cwd: root, env });
    expect({ code: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr }).toEqual(direct);
  });

  test('convert -o writes the same files', async () => {
    const args = (dir: string) => ['convert', '-f', 'fixtures/quickstart/compose.yaml', '-o', dir];
    const bundled = spawnSync(process.execPath, [bin, ...args(join(out, 'bundled'))], { cwd: root, env: { ...process.env, ...env } });
    const direct = await runCli(args(join(out, 'direct')), { cwd: root, env });
    expect(bundled.status).toBe(direct.code);
    expect(readdirSync(join(out, 'bundled')).sort()).toEqual(readdirSync(join(out, 'direct')).sort());
    expect(readdirSync(join(out, 'bundled')).length).toBeGreaterThan(1);
  });
});
