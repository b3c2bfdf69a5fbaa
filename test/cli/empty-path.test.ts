/** An empty path (an unset shell variable in `shipshape lint "$DIR"`) is a usage error, never the current directory. */
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

test.each([
  [['lint', '']],
  [['lint', 'fixtures/lint/shop', '']],
  [['lint', '--config', '', 'fixtures/lint/shop']],
  [['diff', '', 'fixtures/lint/shop']],
  [['diff', 'fixtures/lint/shop', '']],
  [['convert', '-f', '']],
  [['convert', '-f', 'fixtures/quickstart/compose.yaml', '-o', '']],
  [['convert', '-f', 'fixtures/quickstart/compose.yaml', '--env-file', '']],
  [['config', '-f', '']],
])('%j: exit 2, one line, nothing on stdout', async (args) => {
  const r = await runCli(args, { env: { NO_COLOR: '1' } });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^shipshape: \w+: an empty path names no file \(is a shell variable unset\?\)\n$/);
});
