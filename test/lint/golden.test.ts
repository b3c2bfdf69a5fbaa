/**
 * Golden end-to-end runs of `shipshape lint` over the projects in fixtures/lint/ (see its README).
 * Regenerate on purpose with UPDATE_GOLDEN=1 and review the diff.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const fixtures = fileURLToPath(new URL('../../fixtures/lint/', import.meta.url));
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe('shipshape lint golden output', () => {
  test.each(cases)('%s', async (name) => {
    const cwd = `${fixtures}${name}`;
    const r = await runCli(['lint', '.', '--report-unused-disables'], { cwd, env: { NO_COLOR: '1' } });
    const actual = `exit code: ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
    const file = `${cwd}/expected.txt`;
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
