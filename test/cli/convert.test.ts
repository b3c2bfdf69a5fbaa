import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { runCli } from '../helpers/cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const quickstart = 'fixtures/quickstart/compose.yaml';
const DIAGNOSTIC_LINE = /^[^:\s][^:]*:\d+:\d+ (error|warning|info) [a-z-]+\/[a-z-]+ .+$/;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipshape-convert-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shipshape convert: usage', () => {
  test.each([
    [['convert', quickstart, '--format', 'json', '-o', 'out'], '-o writes YAML'],
    [['convert', quickstart, '--namespace', 'Bad_NS'], 'not a valid namespace'],
    [['convert', quickstart, '--pvc-size', 'lots'], 'not a Kubernetes quantity'],
    [['convert', quickstart, '--bind-mounts', 'nfs'], 'bind-mounts'],
    [['convert', quickstart, '--format', 'xml'], 'format'],
  ])('%j exits 2', async (args, message) => {
    const run = await runCli(args, { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
  test('--help shows an example', async () => {
    const run = await runCli(['convert', '--help'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('--wait-for-deps');
  });
});

describe('shipshape convert: output', () => {
  test('the quick start converts: YAML on stdout, diagnostics on stderr, exit 0', async () => {
    const run = await runCli(['convert', quickstart], { cwd: repo });
    // Every stderr line is a diagnostic or one of its indented detail lines (related location, hint).
    expect(run.stderr.split('\n').filter((l) => l !== '' && !DIAGNOSTIC_LINE.test(l) && !/^  (related|hint): /.test(l))).toEqual([]);
    expect(run.code).toBe(0);
    const docs = parseAllDocuments(run.stdout).map((d) => d.toJS());
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toContain('Deployment/web');
    expect(run.stderr).not.toContain(repo);
  });
  test('--format json prints one List', async () => {
    const run = await runCli(['convert', '-f', quickstart, '--format', 'json'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ apiVersion: 'v1', kind: 'List' });
  });
  test('the same input gives the same bytes', async () => {
    const a = await runCli(['convert', quickstart, '--namespace', 'shop'], { cwd: repo });
    const b = await runCli(['convert', quickstart, '--namespace', 'shop'], { cwd: repo });
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
  });
  test('--strict: warnings exit 1', async () => {
    const file = 'fixtures/convert/dropped-keys/compose.yaml';
    expect((await runCli(['convert', file], { cwd: repo })).code).toBe(0);
    const strict = await runCli(['convert', file, '--strict'], { cwd: repo });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict');
    // Nothing is written when --strict fails: `convert --strict | kubectl apply -f -` applies nothing.
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('nothing was written');
  });
  test('a conversion error exits 1 and prints no manifests', async () => {
    const run = await runCli(['convert', 'fixtures/convert/name-collision/compose.yaml'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^fixtures\/convert\/name-collision\/compose\.yaml:5:3 error convert\/name-collision /m);
    // Both positions: the other service of the collision on an indented related line.
    expect(run.stderr).toMatch(/error convert\/name-collision [^\n]*\n  related: fixtures\/convert\/name-collision\/compose\.yaml:\d+:\d+ /);
  });
  test('a missing file exits 2', async () => {
    const run = await runCli(['convert', '-f', 'nope/compose.yaml'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
  test('-f - reads standard input', async () => {
    const run = await runCli(['convert', '-f', '-', '-p', 'demo'], { cwd: dir, stdin: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80"]\n' });
    expect(run.code).toBe(0);
    expect(parseAllDocuments(run.stdout).map((d) => d.toJS().kind)).toEqual(['Service', 'Deployment']);
  });
});

describe('shipshape convert -o DIR', () => {
  test('one file per object and a kustomization; a second run changes nothing', async () => {
    const out = join(dir, 'k8s');
    const first = await runCli(['convert', quickstart, '-o', out], { cwd: repo });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const files = await readdir(out);
    expect(files).toContain('kustomization.yaml');
    expect(files).toContain('web-deployment.yaml');
    const kustomization = parse(await readFile(join(out, 'kustomization.yaml'), 'utf8'));
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml').sort());
    const second = await runCli(['convert', quickstart, '-o', out], { cwd: repo });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('wrote 0 file(s)');
  });
  test('the output lints with no error (shipshape lint on the directory)', async () => {
    const out = join(dir, 'k8s');
    expect((await runCli(['convert', quickstart, '-o', out, '--namespace', 'shop'], { cwd: repo })).code).toBe(0);
    const linted = await runCli(['lint', out, '--format', 'json'], { cwd: repo });
    expect(linted.stderr).toBe('');
    expect(linted.code).toBe(0);
  });
  test('a hand-written file in the way: exit 2, nothing written; --force overwrites', async () => {
    const out = join(dir, 'k8s');
    await runCli(['convert', quickstart, '-o', out], { cwd: repo });
    await writeFile(join(out, 'web-service.yaml'), '# mine\n');
    const refused = await runCli(['convert', quickstart, '-o', out], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing to overwrite');
    expect(await readFile(join(out, 'web-service.yaml'), 'utf8')).toBe('# mine\n');
    const forced = await runCli(['convert', quickstart, '-o', out, '--force'], { cwd: repo });
    expect(forced.code).toBe(0);
    expect(await readFile(join(out, 'web-service.yaml'), 'utf8')).toContain('kind: Service');
  });
});
