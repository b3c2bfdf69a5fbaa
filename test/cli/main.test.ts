import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { runCli } from '../helpers/cli.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

describe('shipshape (program)', () => {
  test('--version prints the package version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('--help lists every command with an example', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['convert', 'lint', 'diff', 'config']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Examples:');
  });

  test('an unknown command is a usage error (exit 2) on stderr', async () => {
    const r = await runCli(['bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'bogus'");
  });
});
