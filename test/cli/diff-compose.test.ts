/**
 * `shipshape diff` with Compose sides: a project against a directory holding an older conversion
 * (generated here with `convert -o`, so the test follows the converter as it evolves), detection by
 * content and by directory, standard input, forced sides, the namespace option, unreadable projects.
 *
 * While the Compose loader (src/compose/index.ts loadProject) is still being written it throws "not
 * implemented"; then the mock below reads the file with the normalizer alone (no interpolation, merging or
 * profiles, which these cases do not use). Once the loader works, the mock passes every call through.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LoadOptions, LoadResult } from '../../src/compose/index.js';
import { runCli } from '../helpers/cli.js';

vi.mock('../../src/compose/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/compose/index.js')>();
  return {
    ...real,
    loadProject: async (options: LoadOptions): Promise<LoadResult> => {
      try {
        return await real.loadProject(options);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.includes('not implemented')) throw error;
        return normalizeOnly(options);
      }
    },
  };
});

const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

async function normalizeOnly(options: LoadOptions): Promise<LoadResult> {
  const { parseLocatedStream } = await import('../../src/source/index.js');
  const { normalizeProject } = await import('../../src/compose/normalize/index.js');
  const given = options.files[0];
  let file: string | undefined;
  let text: string;
  if (given === '-') {
    text = new TextDecoder().decode(await options.stdin!());
    file = join(options.cwd, 'stdin.yaml');
  } else {
    file = given !== undefined ? resolve(options.cwd, given) : COMPOSE_NAMES.map((n) => join(options.cwd, n)).find((f) => existsSync(f));
    if (file === undefined || !existsSync(file)) {
      return { diagnostics: [{ code: 'compose/not-found', severity: 'error', message: 'no Compose file', file: options.cwd, line: 1, column: 1 }], status: 'unreadable' };
    }
    text = readFileSync(file, 'utf8');
  }
  const workingDir = dirname(file);
  const stream = parseLocatedStream({ path: file, text });
  const diagnostics = [...stream.diagnostics];
  const root = stream.documents[0];
  if (!root || root.kind !== 'map') return { diagnostics, status: 'invalid' };
  const normalized = normalizeProject(root, { workingDir, env: {}, report: (d) => diagnostics.push(d) });
  const nameEntry = root.entries.find((e) => e.key === 'name');
  const name = nameEntry && nameEntry.value.kind === 'scalar' ? String(nameEntry.value.value) : basename(workingDir);
  return { project: { name, workingDir, files: [file], ...normalized }, diagnostics, status: 'ok' };
}

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
    expect(result.stdout).toMatch(/^\+ Deployment default\/cache$/m);
    expect(result.stdout).toMatch(/^- Deployment default\/worker$/m);
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
