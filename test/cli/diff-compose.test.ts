/**
 * `shipshape diff` with Compose sides: a project against a directory holding an older conversion
 * (generated here with `convert -o`, so the test follows the converter as it evolves), detection by
 * content and by directory, standard input, forced sides, the namespace option, unreadable projects.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const fixture = fileURLToPath(new URL('../../fixtures/diff/compose-project/', import.meta.url));
let dir: string;

const run = (args: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(args, { cwd: dir, env: {}, ...options });

interface JsonDiff {
  counts: Record<string, number>;
  objects: { status: string; kind: string; name: string; namespace: string | null; changes: { path: string }[] }[];
}
const parse = (stdout: string) => JSON.parse(stdout) as JsonDiff;
const changed = (d: JsonDiff) => d.objects.filter((o) => o.status !== 'unchanged').map((o) => `${o.status} ${o.kind}/${o.name}${o.status === 'changed' ? ` ${o.changes.map((c) => c.path).join(' ')}` : ''}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipshape-diff-compose-'));
  await cp(fixture, dir, { recursive: true });
  // k8s/ holds the conversion of the older Compose file; current/ that of the current one.
  for (const [compose, out, extra] of [
    ['compose.old.yaml', 'k8s', []],
    ['project/compose.yaml', 'current', []],
    ['project/compose.yaml', 'current-shop', ['--namespace', 'shop']],
  ] as const) {
    const converted = await run(['convert', compose, '-o', out, ...extra]);
    expect(converted.code, converted.stderr).toBe(0);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shipshape diff: Compose against an older conversion', () => {
  const expected = [
    'changed Deployment/api spec.replicas spec.template.spec.containers[name=api].env[name=LOG_LEVEL].value spec.template.spec.containers[name=api].image',
    'removed Deployment/cache',
    'added Deployment/worker',
    'removed Service/cache',
  ];

  test('k8s/ (old) against the project (new): what regenerating would change', async () => {
    const result = await run(['diff', 'k8s', 'project/compose.yaml', '--output', 'json']);
    expect(result.code).toBe(1);
    expect(changed(parse(result.stdout))).toEqual(expected);
  });

  test('a project directory is detected by its compose.yaml', async () => {
    const result = await run(['diff', 'k8s', 'project', '--output', 'json']);
    expect(result.code).toBe(1);
    expect(changed(parse(result.stdout))).toEqual(expected);
  });

  test('the CI recipe: compose.yaml first, summary output, exit 1 when out of date', async () => {
    const result = await run(['diff', 'project/compose.yaml', 'k8s', '--output', 'summary']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^~ Deployment default\/api: spec\.replicas, /m);
    expect(result.stdout).toMatch(/^- Deployment default\/cache$/m);
    expect(result.stdout).toMatch(/^\+ Deployment default\/worker$/m);
  });

  test('a Compose side is always the new side: either argument order gives the same changes', async () => {
    const first = await run(['diff', 'project/compose.yaml', 'k8s', '--output', 'json']);
    expect(first.code).toBe(1);
    expect(changed(parse(first.stdout))).toEqual(expected);
    expect(first.stderr).toContain('k8s is the old side and the conversion of project/compose.yaml the new one');
    const second = await run(['diff', 'k8s', 'project/compose.yaml', '--output', 'json']);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).not.toContain('old side');
  });

  test('a conversion against its own output: no difference', async () => {
    const result = await run(['diff', 'project/compose.yaml', 'current']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });

  test('--namespace converts the Compose side into the namespace and defaults the manifests', async () => {
    expect((await run(['diff', 'project/compose.yaml', 'current-shop', '--namespace', 'shop'])).code).toBe(0);
    expect((await run(['diff', 'project/compose.yaml', 'current-shop'])).code).toBe(1);
  });

  test('a Compose file with another name, and one on standard input, are detected by content', async () => {
    await writeFile(join(dir, 'project/stack.yml'), readFileSync(join(dir, 'project/compose.yaml')));
    expect((await run(['diff', 'project/stack.yml', 'current'])).code).toBe(0);
    const stdin = await run(['diff', '-', 'current'], { stdin: readFileSync(join(dir, 'project/compose.yaml')) });
    expect(stdin).toMatchObject({ code: 0, stdout: '' });
  });

  test('--right-compose forces conversion of a directory without a Compose file: unreadable, exit 2', async () => {
    const result = await run(['diff', 'k8s', 'current', '--right-compose']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cannot read the Compose project current');
  });

  test('without forcing, a manifest directory stays manifests', async () => {
    expect((await run(['diff', 'current', 'current'])).code).toBe(0);
  });
});

describe('shipshape diff: Compose options and diagnostics', () => {
  test('conversion warnings go to stderr with positions and do not change the exit code', async () => {
    await writeFile(join(dir, 'dropped.yaml'), 'name: shop\nservices:\n  app:\n    image: example/app:1\n    stop_signal: SIGINT\n');
    const result = await run(['diff', 'dropped.yaml', 'dropped.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^dropped\.yaml:5:5 warning convert\/dropped-key /m);
  });

  test('--env-file paths are relative to the working directory, also for a project directory', async () => {
    await cp(join(dir, 'project'), join(dir, 'tagged'), { recursive: true });
    const compose = readFileSync(join(dir, 'tagged/compose.yaml'), 'utf8').replace('shop-api:1.5.0', 'shop-api:${API_TAG}');
    await writeFile(join(dir, 'tagged/compose.yaml'), compose);
    await writeFile(join(dir, 'tag.env'), 'API_TAG=1.5.0\n');
    expect((await run(['diff', 'tagged', 'current', '--env-file', 'tag.env'])).code).toBe(0);
    await writeFile(join(dir, 'tag.env'), 'API_TAG=1.6.0\n');
    const bumped = await run(['diff', 'current', 'tagged', '--env-file', 'tag.env', '--output', 'json']);
    expect(bumped.code).toBe(1);
    expect(changed(parse(bumped.stdout))).toEqual(['changed Deployment/api spec.template.spec.containers[name=api].image']);
  });

  test('the quick start against its own conversion: no difference; its secret file never shows', async () => {
    const quickstart = fileURLToPath(new URL('../../fixtures/quickstart/', import.meta.url));
    await cp(quickstart, join(dir, 'quickstart'), { recursive: true });
    const converted = await run(['convert', 'quickstart/compose.yaml', '-o', 'quickstart-k8s']);
    expect(converted.code, converted.stderr).toBe(0);
    expect((await run(['diff', 'quickstart/compose.yaml', 'quickstart-k8s'])).code).toBe(0);
    const password = readFileSync(join(quickstart, 'db_password.txt'), 'utf8').trim();
    const base64 = Buffer.from(password).toString('base64').slice(0, 12);
    await mkdir(join(dir, 'nothing'));
    for (const output of ['unified', 'summary', 'json']) {
      // Every object added, Secrets included (once the converter makes them from `secrets:`).
      const added = await run(['diff', 'nothing', 'quickstart', '--output', output, '--context', '1000']);
      expect(added.code).toBe(1);
      for (const text of [added.stdout, added.stderr]) {
        expect(text).not.toContain(password);
        expect(text).not.toContain(base64);
      }
    }
  });
});
