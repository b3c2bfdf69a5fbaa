/**
 * The installed `shipshape` command runs `node -- bin/shipshape.js …`: without the `--`, Node 20 reads
 * shipshape's own `--env-file FILE` as its option (nodejs/node#54232) and exits 9 ("node: FILE: not found")
 * before shipshape can report the missing file itself. Tested on a script with the same first line, so the
 * test needs no build.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const shebang = readFileSync(new URL('../../bin/shipshape.js', import.meta.url), 'utf8').split('\n')[0]!;
const dir = mkdtempSync(join(tmpdir(), 'shipshape-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.skipIf(process.platform === 'win32')("shipshape's --env-file reaches shipshape, not Node", () => {
  const script = join(dir, 'probe.js');
  writeFileSync(script, `${shebang}\nconsole.log(JSON.stringify(process.argv.slice(2)));\n`);
  chmodSync(script, 0o755);
  const out = execFileSync(script, ['config', '--env-file', join(dir, 'missing.env'), '--env-file=missing.env'], { encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual(['config', '--env-file', join(dir, 'missing.env'), '--env-file=missing.env']);
});
