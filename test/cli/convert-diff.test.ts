import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
const run = (args: string[]) => runCli(args, { cwd: dir });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipshape-convert-diff-'));
  await cp(new URL('../../fixtures/quickstart/', import.meta.url), join(dir, 'app'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shipshape convert -o DIR --diff', () => {
  test('a directory that does not exist yet: every object would be added, nothing is written', async () => {
    const result = await run(['convert', 'app/compose.yaml', '-o', 'k8s', '--diff', '--diff-output', 'summary']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\+ Deployment default\/\S+$/m);
    expect(result.stdout).not.toMatch(/^[-~] /m);
    await expect(readdir(join(dir, 'k8s'))).rejects.toThrow();
  });

  test('right after convert -o: no difference, exit 0, nothing on stdout', async () => {
    expect((await run(['convert', 'app/compose.yaml', '-o', 'k8s'])).code).toBe(0);
    const before = await readdir(join(dir, 'k8s'));
    const result = await run(['convert', 'app/compose.yaml', '-o', 'k8s', '--diff']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(await readdir(join(dir, 'k8s'))).toEqual(before);
  });

  test('a change in compose.yaml is previewed as a change of the object, and the files stay as they were', async () => {
    expect((await run(['convert', 'app/compose.yaml', '-o', 'k8s'])).code).toBe(0);
    const files = await readdir(join(dir, 'k8s'));
    const contents = await Promise.all(files.map((f) => readFile(join(dir, 'k8s', f), 'utf8')));
    const compose = await readFile(join(dir, 'app/compose.yaml'), 'utf8');
    const image = /image: *(\S+)/.exec(compose)![1]!;
    await writeFile(join(dir, 'app/compose.yaml'), compose.replace(`image: ${image}`, `image: ${image}-next`));
    const result = await run(['convert', 'app/compose.yaml', '-o', 'k8s', '--diff', '--diff-output', 'json']);
    expect(result.code).toBe(1);
    const changes = JSON.parse(result.stdout) as { objects: { status: string; kind: string; changes?: { path: string; old: unknown; new: unknown }[] }[] };
    const changed = changes.objects.filter((o) => o.status === 'changed');
    expect(changed.map((o) => o.kind)).toEqual(['Deployment']);
    expect(changed[0]!.changes!.some((c) => c.path.endsWith('.image') && c.old === image && c.new === `${image}-next`)).toBe(true);
    expect(await Promise.all(files.map((f) => readFile(join(dir, 'k8s', f), 'utf8')))).toEqual(contents);
  });

  test.each([
    ['invalid YAML', 'services:\n  web: [\n'],
    ['a Compose error', 'services:\n  web:\n    image: nginx:1\n    ports: ["99999:80"]\n'],
    ['a conversion error (a file outside the project)', 'services:\n  web:\n    image: nginx:1\n    env_file: /etc/hostname\n'],
  ])('an input with errors (%s) is exit 2, as diff: 1 means differences', async (_name, text) => {
    await writeFile(join(dir, 'app/compose.yaml'), text);
    const result = await run(['convert', 'app/compose.yaml', '-o', 'k8s', '--diff']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/error/);
    const plain = await run(['convert', 'app/compose.yaml', '-o', 'k8s']);
    expect(plain.code).toBe(1);
  });

  test('--diff without -o is a usage error', async () => {
    const result = await run(['convert', 'app/compose.yaml', '--diff']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--diff previews what -o DIR would change');
    expect(result.stdout).toBe('');
  });
});
