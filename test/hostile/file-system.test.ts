/**
 * Hostile file systems: symlink loops in directory trees, unreadable files, FIFOs and device files
 * given as input, paths with spaces and non-ASCII names. A FIFO nobody writes to must not hang the run
 * (vitest's timeout is the guard); /dev/zero and /dev/urandom must not be read until memory runs out.
 */
import { describe, expect, test } from 'vitest';
import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expectCleanFailure, latestDeployment, project, run } from './harness.js';

const TIMEOUT = 20_000;
const compose = 'name: shop\nservices:\n  web:\n    image: nginx:1\n';

function mkfifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path]);
    return true;
  } catch {
    return false;
  }
}

/** Whether this process can read a file with mode 000 (root can: permissions are not enforced). */
function permissionsEnforced(dir: string): boolean {
  const probe = join(dir, '.probe');
  writeFileSync(probe, 'x');
  chmodSync(probe, 0o000);
  try {
    execFileSync('cat', [probe], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
}

describe('symlink loops', () => {
  function loopy(): string {
    const dir = project({ 'k8s/app/web.yaml': latestDeployment('web') });
    symlinkSync('..', join(dir, 'k8s/app/up')); // a directory loop
    symlinkSync('self.yaml', join(dir, 'k8s/self.yaml')); // a file that points at itself
    symlinkSync('b.yaml', join(dir, 'k8s/a.yaml'));
    symlinkSync('a.yaml', join(dir, 'k8s/b.yaml')); // a two-link cycle
    return dir;
  }

  test('lint of a tree with a directory loop: every real file linted once, no hang', { timeout: TIMEOUT }, async () => {
    const r = await run(['lint', '--format', 'json', 'k8s'], loopy());
    expectCleanFailure(r, [0, 2]);
    const files = (JSON.parse(r.stdout) as { diagnostics: { file: string; ruleId: string }[] }).diagnostics.filter((d) => d.ruleId === 'image-tag');
    expect(files.map((d) => d.file)).toEqual(['k8s/app/web.yaml']);
  });

  test('diff of a tree with loops against itself: no change, no hang', { timeout: TIMEOUT }, async () => {
    const r = await run(['diff', 'k8s', 'k8s'], loopy());
    expectCleanFailure(r, [0, 2]);
  });

  test('a symlink loop given explicitly: one line, exit 2', { timeout: TIMEOUT }, async () => {
    const dir = loopy();
    const r = await run(['lint', 'k8s/self.yaml', 'k8s/app/web.yaml'], dir);
    expectCleanFailure(r, [2]);
    expect(r.stderr).toMatch(/^shipshape: k8s\/self\.yaml: .*$/m);
    expect(r.stdout).toContain('k8s/app/web.yaml');
  });

  // A `.yaml` entry that is a symlink loop (or dangling) is a manifest the user expects to be checked: it is
  // named on stderr like any unreadable file, the rest is still linted, and the run exits 2.
  test('lint of a tree: .yaml symlinks that loop are named on stderr, exit 2', { timeout: TIMEOUT }, async () => {
    const r = await run(['lint', 'k8s'], loopy());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipshape: cannot read k8s\/self\.yaml: too many levels of symbolic links$/m);
    expect(r.stderr).toMatch(/^shipshape: cannot read k8s\/a\.yaml: too many levels of symbolic links$/m);
    expect(r.stderr).toMatch(/^shipshape: cannot read k8s\/b\.yaml: too many levels of symbolic links$/m);
    expect(r.stdout).toContain('k8s/app/web.yaml');
  });

  test('lint of a tree: a dangling .yaml symlink is named on stderr, exit 2; other dangling names are not manifests', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'k8s/web.yaml': latestDeployment('web') });
    symlinkSync('gone.yaml', join(dir, 'k8s/moved.yaml'));
    symlinkSync('gone.txt', join(dir, 'k8s/notes.txt'));
    const r = await run(['lint', 'k8s'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipshape: cannot read k8s\/moved\.yaml: a dangling symbolic link \(its target does not exist\)$/m);
    expect(r.stderr).not.toMatch(/notes\.txt/);
    expect(r.stdout).toContain('k8s/web.yaml');
  });

  test('a Compose file that is a symlink loop: one line, exit 2', { timeout: TIMEOUT }, async () => {
    const dir = project();
    symlinkSync('compose.yaml', join(dir, 'compose.yaml'));
    for (const args of [['config', '-q'], ['convert'], ['config', '-q', '-f', 'compose.yaml']]) {
      const r = await run(args, dir);
      expectCleanFailure(r, [2]);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

describe('unreadable files (chmod 000)', () => {
  test('lint: one line naming the file, the other files still linted, exit 2', { timeout: TIMEOUT }, async (ctx) => {
    const dir = project({ 'a.yaml': latestDeployment('a'), 'b.yaml': latestDeployment('b') });
    if (!permissionsEnforced(dir)) {
      ctx.skip(`skipped: running as uid ${process.getuid?.()}, file permissions are not enforced (chmod 000 files stay readable)`);
    }
    chmodSync(join(dir, 'a.yaml'), 0o000);
    const r = await run(['lint', '.'], dir);
    expectCleanFailure(r, [2]);
    expect(r.stderr).toMatch(/^shipshape: cannot read a\.yaml: permission denied$/m);
    expect(r.stdout).toContain('b.yaml');
  });

  test('config, convert and diff: one line, exit 2', { timeout: TIMEOUT }, async (ctx) => {
    const dir = project({ 'compose.yaml': compose, 'm.yaml': latestDeployment('a') });
    if (!permissionsEnforced(dir)) {
      ctx.skip(`skipped: running as uid ${process.getuid?.()}, file permissions are not enforced (chmod 000 files stay readable)`);
    }
    chmodSync(join(dir, 'compose.yaml'), 0o000);
    chmodSync(join(dir, 'm.yaml'), 0o000);
    for (const args of [['config', '-q'], ['convert'], ['diff', 'm.yaml', 'm.yaml']]) {
      const r = await run(args, dir);
      expectCleanFailure(r, [2]);
      expect(r.stderr, args.join(' ')).toMatch(/permission denied/);
    }
  });

  test('an unreadable directory in a lint tree', { timeout: TIMEOUT }, async (ctx) => {
    const dir = project({ 'ok.yaml': latestDeployment('a'), 'locked/x.yaml': latestDeployment('x') });
    if (!permissionsEnforced(dir)) {
      ctx.skip(`skipped: running as uid ${process.getuid?.()}, file permissions are not enforced`);
    }
    chmodSync(join(dir, 'locked'), 0o000);
    const r = await run(['lint', '.'], dir);
    chmodSync(join(dir, 'locked'), 0o755);
    expectCleanFailure(r, [1, 2]);
    expect(r.stdout).toContain('ok.yaml');
  });
});

describe('FIFOs and devices as input', () => {
  test('a FIFO nobody writes to: refused without blocking, by every command', { timeout: TIMEOUT }, async (ctx) => {
    const dir = project({ 'ok.yaml': latestDeployment('a') });
    if (!mkfifo(join(dir, 'pipe.yaml'))) ctx.skip('skipped: mkfifo is not available');
    for (const args of [['lint', 'pipe.yaml'], ['diff', 'pipe.yaml', 'ok.yaml'], ['config', '-q', '-f', 'pipe.yaml'], ['convert', '-f', 'pipe.yaml']]) {
      const r = await run(args, dir);
      expectCleanFailure(r, [2]);
      expect(r.stderr, args.join(' ')).toMatch(/not a regular file/);
    }
  });

  test('a FIFO inside a linted directory: skipped without blocking, the other files linted', { timeout: TIMEOUT }, async (ctx) => {
    const dir = project({ 'ok.yaml': latestDeployment('a') });
    if (!mkfifo(join(dir, 'pipe.yaml'))) ctx.skip('skipped: mkfifo is not available');
    const r = await run(['lint', '.'], dir);
    expectCleanFailure(r, [0, 1, 2]);
    expect(r.stdout).toContain('ok.yaml');
  });

  test('a FIFO as an env_file or secret file of a Compose project: refused, no hang', { timeout: TIMEOUT }, async (ctx) => {
    const dir = project({
      'compose.yaml': `${compose}    env_file: pipe.env\n    secrets: [s]\nsecrets:\n  s:\n    file: ./pipe.secret\n`,
    });
    if (!mkfifo(join(dir, 'pipe.env')) || !mkfifo(join(dir, 'pipe.secret'))) ctx.skip('skipped: mkfifo is not available');
    for (const args of [['config', '-q'], ['convert']]) {
      const r = await run(args, dir);
      expectCleanFailure(r, [1, 2]);
      expect(r.stderr, args.join(' ')).toMatch(/pipe\.(env|secret)/);
    }
  });

  for (const device of ['/dev/zero', '/dev/urandom']) {
    test(`${device} as input: refused in one line, never read to exhaustion`, { timeout: TIMEOUT }, async (ctx) => {
      if (!statSync(device, { throwIfNoEntry: false })?.isCharacterDevice()) ctx.skip(`skipped: ${device} is not a character device here`);
      const dir = project({ 'ok.yaml': latestDeployment('a') });
      for (const args of [['lint', device], ['diff', device, 'ok.yaml'], ['config', '-q', '-f', device], ['convert', '-f', device]]) {
        const r = await run(args, dir);
        expectCleanFailure(r, [2]);
        expect(r.stderr, args.join(' ')).toMatch(/not a regular file/);
      }
    });
  }

  test('/dev/urandom as an env file: refused, no hang', { timeout: TIMEOUT }, async (ctx) => {
    if (!statSync('/dev/urandom', { throwIfNoEntry: false })?.isCharacterDevice()) ctx.skip('skipped: /dev/urandom is not a character device here');
    const r = await run(['config', '-q', '--env-file', '/dev/urandom'], project({ 'compose.yaml': compose }));
    expectCleanFailure(r, [1, 2]);
    expect(r.stderr).toMatch(/urandom/);
  });

  test('binary garbage on standard input is a positioned error', { timeout: TIMEOUT }, async () => {
    const r = await run(['lint', '-'], project(), new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    expectCleanFailure(r, [1]);
    expect(r.stdout).toMatch(/<stdin>/);
    expect(r.stdout).toMatch(/1:5\s+error\s+the file looks binary/);
  });
});

describe('paths with spaces and non-ASCII names', () => {
  const names = ['my project/k8s files/web app.yaml', 'プロジェクト/デプロイ.yaml', 'café/naïve ☃.yml', 'dir with\ttab/x.yaml'];

  test.each(names)('lint %j: the finding names the file as given', async (name) => {
    const dir = project({ [name]: latestDeployment('web') });
    const r = await run(['lint', '--format', 'json', name.split('/')[0]!], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics[0].file).toBe(name);
  });

  test.each(names)('sarif/github/junit stay well-formed for %j', async (name) => {
    const dir = project({ [name]: latestDeployment('web') });
    const sarif = await run(['lint', '--format', 'sarif', '.'], dir);
    const uri = JSON.parse(sarif.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
    expect(decodeURIComponent(uri)).toBe(name);
    const github = await run(['lint', '--format', 'github', '.'], dir);
    const lines = github.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::warning file=[^,\n]+,line=\d+,col=\d+/);
    const junit = await run(['lint', '--format', 'junit', '.'], dir);
    expect(junit.stdout).toMatch(/^<\?xml/);
    expect(junit.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  test('convert and config in a project directory with spaces and non-ASCII names, -o into one too', async () => {
    const dir = project({ 'mon projet é/compose.yaml': compose, 'mon projet é/web config/nginx.conf': 'x' });
    const cwd = join(dir, 'mon projet é');
    expect((await run(['config', '-q'], cwd)).code).toBe(0);
    const r = await run(['convert', '-o', 'sortie k8s/ü'], cwd);
    expect(r.code).toBe(0);
    const diff = await run(['diff', 'compose.yaml', 'sortie k8s/ü'], cwd);
    expect(diff).toMatchObject({ code: 0 });
  });

  test('a file name with a newline and a terminal escape is shown inert in one-line errors', async () => {
    const dir = project({ 'ok.yaml': latestDeployment('a') });
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'evil\n\u001b[31mname.yaml'), 'a: [\n');
    const r = await run(['lint', 'd'], dir);
    expectCleanFailure(r, [1]);
    expect(r.stdout).not.toContain('\u001b[31m');
  });

  test.skipIf(process.platform === 'win32')('a file name with a line break cannot start a line of its own on stderr (a GitHub workflow command)', async () => {
    const evil = 'x\n::error file=evil::INJECTED\u001b[31m.yaml';
    const dir = project({ 'ref.yaml': latestDeployment('a'), 'compose.yaml': 'services:\n  web:\n    image: nginx:1\n' });
    mkdirSync(join(dir, 'nl'));
    writeFileSync(join(dir, 'nl', evil), 'a: 1\na: 2\n');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'nl', `dangling${evil}`));
    writeFileSync(join(dir, evil), 'services: {web: {image: nginx:1, bogus: 1}}\n');
    const runs = [
      await run(['diff', 'nl', 'ref.yaml'], dir),
      await run(['lint', 'nl'], dir),
      await run(['convert', '-f', evil], dir),
      await run(['config', '-f', evil], dir),
      await run(['convert', '-f', `${evil}-missing`], dir),
      await run(['lint', `${evil}-missing`], dir),
    ];
    for (const r of runs) {
      expect(r.stderr.length).toBeGreaterThan(0);
      for (const line of r.stderr.split('\n')) expect(line).not.toMatch(/^::/);
      expect(r.stderr).not.toContain('\u001b[31m');
      expect(r.stderr).toContain('\\x0A::error');
    }
  });
});
