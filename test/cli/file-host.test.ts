import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileHost } from '../../src/cli/file-host.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-host-'));
writeFileSync(join(dir, 'a.txt'), 'hello');
mkdirSync(join(dir, 'sub'));
symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
symlinkSync(join(dir, 'loop1'), join(dir, 'loop2'));
symlinkSync(join(dir, 'loop2'), join(dir, 'loop1'));
const fifo = join(dir, 'pipe');
let hasFifo = false;
try {
  execFileSync('mkfifo', [fifo]);
  hasFifo = true;
} catch {
  // no mkfifo on this system: the FIFO cases are skipped
}

describe('fileHost', () => {
  const host = fileHost();

  test('reads a file', async () => {
    const r = await host.readFile(join(dir, 'a.txt'));
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe('hello');
  });

  test('follows symlinks, and resolves them in realPath', async () => {
    expect((await host.readFile(join(dir, 'link.txt'))).ok).toBe(true);
    expect(await host.realPath(join(dir, 'link.txt'))).toBe(await host.realPath(join(dir, 'a.txt')));
  });

  test('a missing file, a directory, a symlink loop', async () => {
    expect(await host.readFile(join(dir, 'nope'))).toMatchObject({ ok: false, reason: 'missing' });
    expect(await host.readFile(join(dir, 'sub'))).toMatchObject({ ok: false, reason: 'directory' });
    expect(await host.readFile(join(dir, 'loop1'))).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await host.realPath(join(dir, 'loop1'))).toBeUndefined();
    expect(await host.stat(join(dir, 'loop1'))).toBeUndefined();
  });

  test('a device is not a file', async () => {
    if (!existsSync('/dev/zero')) return;
    expect(await host.readFile('/dev/zero')).toMatchObject({ ok: false, reason: 'not-a-file' });
    expect(await host.stat('/dev/zero')).toMatchObject({ kind: 'other' });
  });

  test.runIf(hasFifo)('a FIFO is refused without blocking', async () => {
    expect(await host.readFile(fifo)).toMatchObject({ ok: false, reason: 'not-a-file' });
  });

  test('files above the size cap are refused', async () => {
    expect(await fileHost({ maxBytes: 3 }).readFile(join(dir, 'a.txt'))).toMatchObject({ ok: false, reason: 'too-large' });
    expect((await fileHost({ maxBytes: 5 }).readFile(join(dir, 'a.txt'))).ok).toBe(true);
  });

  test('stat and readDir', async () => {
    expect(await host.stat(join(dir, 'a.txt'))).toEqual({ kind: 'file', size: 5 });
    expect(await host.stat(join(dir, 'sub'))).toMatchObject({ kind: 'directory' });
    expect(await host.readDir(dir)).toEqual(['a.txt', 'link.txt', 'loop1', 'loop2', 'sub', ...(hasFifo ? ['pipe'] : [])].sort());
    expect(await host.readDir(join(dir, 'nope'))).toEqual([]);
  });

  test.runIf(hasFifo)('shipshape config -f FIFO: one line, exit 2', async () => {
    const r = await runCli(['config', '-f', fifo], { cwd: dir, env: {} });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'shipshape: pipe: not a regular file (a FIFO, socket or device)\n' });
  });
});
