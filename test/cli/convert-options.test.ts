import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkConversionOptions } from '../../src/cli/convert-options.js';
import { UsageError } from '../../src/cli/exit.js';
import { runCli } from '../helpers/cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const quickstart = 'fixtures/quickstart/compose.yaml';

describe('--pvc-size', () => {
  test.each([['1Gi'], ['500Mi'], ['.5Gi'], ['2'], ['0.5']])('%s is accepted', (pvcSize) => {
    expect(() => checkConversionOptions({ pvcSize })).not.toThrow();
  });

  // The API server wants a positive storage request: a zero size would make every claim fail at apply.
  test.each([
    ['0', /positive amount/],
    ['0Gi', /positive amount/],
    ['0.0Mi', /positive amount/],
    ['lots', /not a Kubernetes quantity/],
    ['10GB', /not a Kubernetes quantity/],
  ])('%s is a usage error', (pvcSize, message) => {
    expect(() => checkConversionOptions({ pvcSize })).toThrow(UsageError);
    expect(() => checkConversionOptions({ pvcSize })).toThrow(message);
  });

  test.each([['convert'], ['diff']])('%s --pvc-size 0 exits 2', async (command) => {
    const args = command === 'convert' ? ['convert', quickstart, '--pvc-size', '0'] : ['diff', quickstart, quickstart, '--pvc-size', '0'];
    const run = await runCli(args, { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--pvc-size '0'");
    expect(run.stdout).toBe('');
  });
});
