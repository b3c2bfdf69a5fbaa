import { describe, expect, test, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

// A rule with a bug: it throws on every Deployment.
vi.mock('../../src/lint/rules/missing-replicas.js', async (original) => {
  const real = ((await original()) as { default: { meta: unknown } }).default;
  return {
    default: {
      id: 'missing-replicas',
      meta: real.meta,
      create: () => ({
        Deployment() {
          throw new TypeError("Cannot read properties of undefined (reading 'x')");
        },
      }),
    },
  };
});

describe('shipshape lint: internal faults', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'shipshape-fault-'));
  writeFileSync(join(cwd, 'd.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {}}\n');

  test('a rule that throws is reported as an internal fault naming the rule; exit 2; no stack without --debug', async () => {
    const r = await runCli(['lint', 'd.yaml'], { cwd, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("internal fault: rule 'missing-replicas' failed on Deployment 'web'");
    expect(r.stderr).toContain('internal error: 1 rule failure(s)');
    expect(r.stderr).toContain('--debug');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--debug prints the stack', async () => {
    const r = await runCli(['--debug', 'lint', 'd.yaml'], { cwd, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TypeError: Cannot read properties[^\n]*\n\s+at /);
  });
});
