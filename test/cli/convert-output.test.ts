import { lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KUSTOMIZATION, objectFileName, outputFiles, writeOutputDir } from '../../src/cli/output-dir.js';
import { GENERATED_MARKER, isGenerated } from '../../src/cli/output-marker.js';
import type { KubeObject } from '../../src/translate/context.js';
import { parse } from 'yaml';

const object = (kind: string, name: string, extra: object = {}): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name }, ...extra });
const objects = [object('Service', 'web'), { ...object('Deployment', 'web'), apiVersion: 'apps/v1' }];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipshape-out-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('outputFiles', () => {
  test('one file per object named <name>-<kind>.yaml, then kustomization.yaml listing them', () => {
    const files = outputFiles(objects);
    expect(files.map((f) => f.name)).toEqual(['web-service.yaml', 'web-deployment.yaml', KUSTOMIZATION]);
    for (const f of files) expect(f.content.startsWith(`${GENERATED_MARKER}\n`)).toBe(true);
    expect(parse(files[2]!.content)).toEqual({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['web-service.yaml', 'web-deployment.yaml'] });
    expect(parse(files[0]!.content)).toEqual(objects[0]);
  });
  test('file names', () => expect(objectFileName(object('PersistentVolumeClaim', 'db-data'))).toBe('db-data-persistentvolumeclaim.yaml'));
  test('the marker is recognised only at the start', () => {
    expect(isGenerated(`${GENERATED_MARKER}\nkind: x`)).toBe(true);
    expect(isGenerated(`kind: x\n${GENERATED_MARKER}\n`)).toBe(false);
  });
});

describe('writeOutputDir', () => {
  test('writes into a new directory, leaves no temporary files', async () => {
    const target = join(dir, 'k8s', 'nested');
    const report = await writeOutputDir(target, outputFiles(objects), { force: false });
    expect(report.written).toEqual(['web-service.yaml', 'web-deployment.yaml', KUSTOMIZATION]);
    expect(await readdir(target)).toEqual([KUSTOMIZATION, 'web-deployment.yaml', 'web-service.yaml']);
  });
  test('a second run rewrites nothing that did not change', async () => {
    await writeOutputDir(dir, outputFiles(objects), { force: false });
    const before = (await lstat(join(dir, 'web-service.yaml'))).mtimeMs;
    const report = await writeOutputDir(dir, outputFiles(objects), { force: false });
    expect(report.written).toEqual([]);
    expect(report.unchanged).toHaveLength(3);
    expect((await lstat(join(dir, 'web-service.yaml'))).mtimeMs).toBe(before);
  });
  test('a generated file is overwritten with the new content', async () => {
    await writeOutputDir(dir, outputFiles(objects), { force: false });
    const changed = [object('Service', 'web', { spec: { type: 'ClusterIP' } }), objects[1]!];
    const report = await writeOutputDir(dir, outputFiles(changed), { force: false });
    expect(report.written).toEqual(['web-service.yaml']);
    expect(await readFile(join(dir, 'web-service.yaml'), 'utf8')).toContain('type: ClusterIP');
  });
  test('a file shipshape did not generate is never overwritten, and then nothing is written', async () => {
    await writeFile(join(dir, 'web-service.yaml'), 'hand-written: true\n');
    const report = await writeOutputDir(dir, outputFiles(objects), { force: false });
    expect(report.refused).toEqual([{ name: 'web-service.yaml', reason: 'shipshape did not generate it' }]);
    expect(report.written).toEqual([]);
    expect(await readFile(join(dir, 'web-service.yaml'), 'utf8')).toBe('hand-written: true\n');
    expect(await readdir(dir)).toEqual(['web-service.yaml']);
  });
  test('--force overwrites it', async () => {
    await writeFile(join(dir, 'web-service.yaml'), 'hand-written: true\n');
    const report = await writeOutputDir(dir, outputFiles(objects), { force: true });
    expect(report.refused).toEqual([]);
    expect(isGenerated(await readFile(join(dir, 'web-service.yaml'), 'utf8'))).toBe(true);
  });
  test('a symbolic link is not followed: refused, and replaced (not its target) with --force', async () => {
    const outside = join(dir, 'outside.txt');
    await writeFile(outside, `${GENERATED_MARKER}\nprecious\n`);
    const out = join(dir, 'out');
    await mkdir(out);
    await symlink(outside, join(out, 'web-service.yaml'));
    expect((await writeOutputDir(out, outputFiles(objects), { force: false })).refused).toEqual([{ name: 'web-service.yaml', reason: 'it is a symbolic link' }]);
    await writeOutputDir(out, outputFiles(objects), { force: true });
    expect(await readFile(outside, 'utf8')).toBe(`${GENERATED_MARKER}\nprecious\n`);
    expect((await lstat(join(out, 'web-service.yaml'))).isSymbolicLink()).toBe(false);
  });
  test('a directory in the way is refused even with --force', async () => {
    await mkdir(join(dir, 'web-service.yaml'));
    expect((await writeOutputDir(dir, outputFiles(objects), { force: true })).refused).toEqual([{ name: 'web-service.yaml', reason: 'it is a directory' }]);
  });
  test('generated files no longer produced are named, never deleted', async () => {
    await writeOutputDir(dir, outputFiles([...objects, object('ConfigMap', 'old')]), { force: false });
    const report = await writeOutputDir(dir, outputFiles(objects), { force: false });
    expect(report.stale).toEqual(['old-configmap.yaml']);
    expect(await readdir(dir)).toContain('old-configmap.yaml');
  });
  test('other files in the directory are left alone and not reported', async () => {
    await writeFile(join(dir, 'README.md'), 'mine');
    await writeFile(join(dir, 'extra.yaml'), 'mine: true\n');
    const report = await writeOutputDir(dir, outputFiles(objects), { force: false });
    expect(report.stale).toEqual([]);
    expect(await readFile(join(dir, 'extra.yaml'), 'utf8')).toBe('mine: true\n');
  });
});
