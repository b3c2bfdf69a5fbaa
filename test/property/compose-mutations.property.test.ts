/**
 * The Compose side: mutated Compose files (project fixtures, and the corpus when present) never make
 * the loader or the converter throw, and every diagnostic about the file lies inside it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from '../../src/index.js';
import { corpusDir, hasCorpus } from '../helpers/corpus.js';
import { expectInside, lineLengths, mutations } from './mutate.js';
import { settings, timeout } from './settings.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function composeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^(docker-)?compose[\w.-]*\.ya?ml$/.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

const fixtures = [...composeFiles(join(root, 'fixtures')), ...(hasCorpus ? composeFiles(join(corpusDir, 'compose')) : [])];

async function convertBytes(bytes: Uint8Array): Promise<api.Diagnostic[]> {
  const host = api.memoryHost({ '/p/compose.yaml': bytes });
  const loaded = await api.loadProject({ files: [], envFiles: [], profiles: [], cwd: '/p', env: {}, host });
  const diagnostics = [...loaded.diagnostics];
  if (loaded.project) diagnostics.push(...(await api.translateProject(loaded.project, { host })).diagnostics);
  return diagnostics;
}

describe('mutated Compose files', () => {
  test('load and convert never throw; positions lie inside the file', { timeout }, async () => {
    let positioned = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures), mutations, async (path, mutate) => {
        const bytes = mutate(readFileSync(path));
        const diagnostics = await convertBytes(bytes);
        const shown = diagnostics.map((d) => ({ ...d, file: d.file.replace(/^\/p\//, '') }));
        if (shown.some((d) => d.file === 'compose.yaml')) positioned++;
        expectInside(shown, 'compose.yaml', lineLengths(bytes), () => new TextDecoder().decode(bytes).slice(0, 3000));
      }),
      settings(150, 8101, 0.5),
    );
    expect(positioned, 'no run produced a diagnostic: the property checked nothing').toBeGreaterThan(0);
  });
});
