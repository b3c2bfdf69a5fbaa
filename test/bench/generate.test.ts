import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: the bench is plain ESM without types (it runs on dist/ with no TS loader).
import { changedApps, composeText, writeManifestSet } from '../../bench/generate.mjs';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function contents(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((path) => `${path.slice(dir.length)}\n${readFileSync(path, 'utf8')}`);
}

describe('bench generator', () => {
  it('writes the same bytes for the same seed', () => {
    const a = tempDir();
    const b = tempDir();
    writeManifestSet(a, 120, { seed: 3 });
    writeManifestSet(b, 120, { seed: 3 });
    expect(contents(a)).toEqual(contents(b));
    expect(composeText(20)).toBe(composeText(20));
  });

  it('writes different bytes for another seed, and the diff pair differs only in the changed apps', () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    writeManifestSet(a, 120, { seed: 3 });
    writeManifestSet(b, 120, { seed: 4 });
    writeManifestSet(c, 120, { seed: 3, changed: new Set([1]) });
    expect(contents(a)).not.toEqual(contents(b));
    const changedFiles = contents(a).filter((text, i) => text !== contents(c)[i]);
    expect(changedFiles).toHaveLength(1);
    expect(changedApps(10000).size).toBe(100);
  });

  it('writes the objects it was asked for, as whole apps of six', () => {
    const dir = tempDir();
    writeManifestSet(dir, 60);
    const docs = contents(dir).join('').match(/^kind: /gm) ?? [];
    expect(docs).toHaveLength(60);
  });
});
