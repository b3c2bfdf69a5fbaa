import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DIFF_OUTPUT_CHOICES } from '../../src/cli/commands/diff.js';
import { previewConversion } from '../../src/cli/diff-run.js';
import type { CommandContext } from '../../src/cli/main.js';
import { DIFF_OUTPUTS } from '../../src/diff/render/index.js';
import { runCli } from '../helpers/cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const secretCase = join(repo, 'fixtures/diff/secret');
const DIAGNOSTIC_LINE = /^[^:\s][^:]*:\d+:\d+ (error|warning|info) [\w/-]+ .+$/m;
const ESC = '\u001b[';

const cm = (name: string, value: string, namespace?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}data:\n  value: "${value}"\n`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipshape-diff-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(entries: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(entries)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const diff = (args: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(['diff', ...args], { cwd: dir, env: {}, ...options });

describe('shipshape diff: usage', () => {
  test('--help names the formats, the exit codes and the CI recipe', async () => {
    const run = await runCli(['diff', '--help'], { env: {} });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--output <format>');
    expect(run.stdout).toContain('Exit codes: 0 no difference, 1 differences, 2');
    expect(run.stdout).toContain('shipshape diff compose.yaml k8s/ --output summary');
  });

  test('the output choices are the renderer registry', () => {
    expect([...DIFF_OUTPUT_CHOICES]).toEqual([...DIFF_OUTPUTS]);
  });

  test.each([
    [['-', '-'], 'one side only'],
    [['a.yaml', 'b.yaml', '--namespace', 'Not_OK'], 'not a valid namespace'],
    [['a.yaml', 'b.yaml', '--context', 'many'], '--context expects'],
    [['a.yaml', 'b.yaml', '--output', 'xml'], 'xml'],
    [['a.yaml', 'b.yaml', '--color', 'sometimes'], 'sometimes'],
    [['a.yaml'], 'missing required argument'],
  ])('%j exits 2 with nothing on stdout', async (args, message) => {
    await files({ 'a.yaml': cm('a', '1'), 'b.yaml': cm('a', '1') });
    const run = await diff(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});

describe('shipshape diff: exit codes and streams', () => {
  test('0 and no output when the sides are the same', async () => {
    await files({ 'a.yaml': cm('a', '1'), 'b.yaml': cm('a', '1', 'default') });
    const run = await diff(['a.yaml', 'b.yaml']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('1 when they differ', async () => {
    await files({ 'a.yaml': cm('a', '1'), 'b.yaml': cm('a', '2') });
    const run = await diff(['a.yaml', 'b.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('~ ConfigMap default/a\n');
    expect(run.stdout).toContain('-  value: "1"\n+  value: "2"\n');
    expect(run.stderr).toBe('');
  });

  test('2 for a missing side, with nothing on stdout', async () => {
    await files({ 'a.yaml': cm('a', '1') });
    const run = await diff(['a.yaml', 'missing/']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('shipshape: missing/: no such file or directory\n');
  });

  test('2 for YAML errors: positioned diagnostics on stderr, the diff of the rest on stdout', async () => {
    await files({ 'a.yaml': `${cm('a', '1')}---\nkind: [unclosed\n`, 'b.yaml': cm('a', '2') });
    const run = await diff(['a.yaml', 'b.yaml', '--output', 'json']);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(DIAGNOSTIC_LINE);
    expect(lines[0]).toMatch(/^a\.yaml:9:1 error yaml-syntax /);
    expect(lines.at(-1)).toBe('shipshape: the inputs have errors (above); the diff may be incomplete');
    expect(JSON.parse(run.stdout).counts.changed).toBe(1);
  });

  test('a binary file is an error with a position (exit 2); a FIFO is unreadable (exit 2)', async () => {
    await files({ 'a.yaml': cm('a', '1') });
    await writeFile(join(dir, 'blob.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01]));
    const binary = await diff(['blob.yaml', 'a.yaml']);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/^blob\.yaml:1:4 error source\/encoding /m);
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      const fifo = await diff(['pipe.yaml', 'a.yaml']);
      expect(fifo).toEqual({ code: 2, stdout: '', stderr: 'shipshape: pipe.yaml: not a regular file or directory (a FIFO, socket or device)\n' });
    }
  });

  test('an empty directory is an empty side (a note on stderr)', async () => {
    await files({ 'a.yaml': cm('a', '1'), 'empty/README.md': 'nothing here\n' });
    const run = await diff(['empty', 'a.yaml', '--output', 'summary']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('+ ConfigMap default/a\n1 added, 0 removed, 0 changed, 0 unchanged\n');
    expect(run.stderr).toBe('shipshape: warning: no .yaml, .yml or .json files in empty\n');
  });

  test('--namespace sets the namespace of objects that give none', async () => {
    await files({ 'a.yaml': cm('a', '1'), 'b.yaml': cm('a', '1', 'shop') });
    expect((await diff(['a.yaml', 'b.yaml'])).code).toBe(1);
    expect((await diff(['a.yaml', 'b.yaml', '--namespace', 'shop'])).code).toBe(0);
  });

  test('standard input as either side', async () => {
    await files({ 'a.yaml': cm('a', '1') });
    const left = await diff(['-', 'a.yaml', '--output', 'summary'], { stdin: cm('a', '2') });
    expect(left.code).toBe(1);
    expect(left.stdout).toContain('~ ConfigMap default/a: data.value\n');
    const right = await diff(['a.yaml', '-', '--output', 'json'], { stdin: cm('a', '1') });
    expect(right.code).toBe(0);
    expect(JSON.parse(right.stdout).objects[0].right.file).toBe('<stdin>');
  });

  test('an empty standard input is an empty side (a note on stderr)', async () => {
    await files({ 'a.yaml': cm('a', '1') });
    const run = await diff(['-', 'a.yaml', '--output', 'summary'], { stdin: '' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('+ ConfigMap default/a\n1 added, 0 removed, 0 changed, 0 unchanged\n');
    expect(run.stderr).toBe('shipshape: warning: standard input is empty\n');
  });

  test('stdout holds only the diff: JSON parses even with warnings on stderr', async () => {
    await files({ 'a.yaml': `${cm('a', '1')}---\n${cm('a', '1')}`, 'b.yaml': cm('a', '2') });
    const run = await diff(['a.yaml', 'b.yaml', '--output', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^a\.yaml:\d+:1 warning diff\/duplicate-object /);
    expect(JSON.parse(run.stdout).version).toBe(1);
  });
});

describe('shipshape diff: presentation', () => {
  test('colour: --color always/never, NO_COLOR and FORCE_COLOR with auto; JSON is never coloured', async () => {
    await files({ 'a.yaml': cm('a', '1'), 'b.yaml': cm('a', '2') });
    expect((await diff(['a.yaml', 'b.yaml', '--color', 'always'])).stdout).toContain(ESC);
    expect((await diff(['a.yaml', 'b.yaml', '--color', 'always', '--output', 'summary'])).stdout).toContain(ESC);
    expect((await diff(['a.yaml', 'b.yaml', '--color', 'never'], { tty: true })).stdout).not.toContain(ESC);
    expect((await diff(['a.yaml', 'b.yaml'], { tty: true })).stdout).toContain(ESC);
    expect((await diff(['a.yaml', 'b.yaml'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await diff(['a.yaml', 'b.yaml'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await diff(['a.yaml', 'b.yaml'])).stdout).not.toContain(ESC);
    expect((await diff(['a.yaml', 'b.yaml', '--color', 'always', '--output', 'json'])).stdout).not.toContain(ESC);
  });

  test('--context sets the lines around each change', async () => {
    await files({ 'a.yaml': cm('a', '1'), 'b.yaml': cm('a', '2') });
    const none = await diff(['a.yaml', 'b.yaml', '--context', '0']);
    expect(none.stdout).toBe('~ ConfigMap default/a\n--- a.yaml:1\n+++ b.yaml:1\n@@ -3 +3 @@\n-  value: "1"\n+  value: "2"\n');
    const all = await diff(['a.yaml', 'b.yaml', '--context', '100']);
    expect(all.stdout).toContain(' apiVersion: v1\n');
  });

  test('names with control characters are shown escaped', async () => {
    await files({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "evil\\e[2Jname"}\n', 'b.yaml': '' });
    for (const output of ['unified', 'summary']) {
      const run = await diff(['a.yaml', 'b.yaml', '--output', output]);
      expect(run.stdout).not.toContain('\u001b');
      expect(run.stdout).toContain('evil\\x1B[2Jname');
    }
  });
});

describe('shipshape diff: Secret values', () => {
  const PLANTED = /PLANTED-|UExBTlRFRC|BMQU5URUQt|QTEFOVEVEL/;

  test.each(['unified', 'summary', 'json'])('--output %s masks every planted value and its base64', async (output) => {
    for (const color of ['never', 'always']) {
      const run = await runCli(['diff', 'left.yaml', 'right.yaml', '--output', output, '--color', color, '--context', '1000'], { cwd: secretCase, env: {} });
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(PLANTED);
      expect(run.stderr).not.toMatch(PLANTED);
    }
  });

  test('--show-secrets shows them', async () => {
    const run = await runCli(['diff', 'left.yaml', 'right.yaml', '--show-secrets', '--output', 'json'], { cwd: secretCase, env: {} });
    expect(run.stdout).toMatch(PLANTED);
  });

  test('a Secret with a YAML error does not leak through the diagnostic', async () => {
    await files({ 'a.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: "PLANTED-in-broken-file\n', 'b.yaml': '' });
    const run = await diff(['a.yaml', 'b.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(DIAGNOSTIC_LINE);
    expect(run.stderr).not.toMatch(PLANTED);
  });
});

describe('previewConversion (convert -o DIR --diff)', () => {
  function context(): { ctx: CommandContext; out: { stdout: string; stderr: string } } {
    const out = { stdout: '', stderr: '' };
    const ctx: CommandContext = {
      io: {
        stdout: { write: (t) => void (out.stdout += t), isTTY: false },
        stderr: { write: (t) => void (out.stderr += t), isTTY: false },
        readStdin: async () => new Uint8Array(),
        env: {},
        cwd: dir,
      },
      exitCode: 0,
      debug: () => false,
    };
    return { ctx, out };
  }
  const converted = [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { value: '2' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, data: { value: '1' } },
  ];

  test('the directory is the old side, the conversion the new one; kustomization.yaml is not an object', async () => {
    await files({ 'k8s/a-configmap.yaml': cm('a', '1'), 'k8s/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a-configmap.yaml]\n' });
    const { ctx, out } = context();
    const code = await previewConversion(ctx, converted, 'k8s', { output: 'summary', label: 'compose.yaml' });
    expect(code).toBe(1);
    expect(out.stdout).toBe('~ ConfigMap default/a: data.value\n+ ConfigMap default/b\n1 added, 0 removed, 1 changed, 0 unchanged\n');
    expect(out.stderr).toBe('');
  });

  test('a missing directory: everything would be added', async () => {
    const { ctx, out } = context();
    expect(await previewConversion(ctx, converted, 'not-yet')).toBe(1);
    expect(out.stdout).toContain('+ ConfigMap default/a\n--- /dev/null\n+++ conversion\n');
  });

  test('an up-to-date directory: exit 0, nothing printed', async () => {
    await files({ 'k8s/a.yaml': cm('a', '2'), 'k8s/b.yaml': cm('b', '1', 'default') });
    const { ctx, out } = context();
    expect(await previewConversion(ctx, converted, 'k8s')).toBe(0);
    expect(out).toEqual({ stdout: '', stderr: '' });
  });
});
