import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { FieldPath } from '../../src/diagnostics.js';
import { buildPositionTree } from '../../src/source/fast-locate.js';
import { LineIndex } from '../../src/source/lines.js';
import { locateIn, parseLocatedStream, toPlain } from '../../src/source/located.js';
import { splitDocuments } from '../../src/source/documents.js';
import { corpusDir, describeCorpus } from '../helpers/corpus.js';

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.(ya?ml|json)$/.test(name)) yield p;
  }
}

function* pathsOf(value: unknown, prefix: FieldPath = []): Generator<FieldPath> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = [...prefix, i];
      yield p;
      yield* pathsOf(value[i], p);
    }
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { const p = [...prefix, k]; yield p; yield* pathsOf(v, p); }
}

/** The fast (js-yaml events) locator must agree with the `yaml`-based one on every field of real manifests. */
describeCorpus('fast locator agrees with the yaml-based locator', () => {
  test('every field of every corpus document', () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const file of walk(join(corpusDir, 'k8s'))) {
      const text = readFileSync(file, 'utf8');
      for (const chunk of splitDocuments(text)) {
        const chunkText = text.slice(chunk.start, chunk.end);
        const tree = buildPositionTree(chunkText);
        const located = parseLocatedStream({ path: file, text: chunkText });
        const root = located.documents.find((d) => d !== null);
        if (!tree || !root || located.diagnostics.length > 0) continue;
        const lines = new LineIndex(chunkText);
        for (const path of pathsOf(toPlain(root))) {
          for (const key of [false, true]) {
            const a = locateIn(root, path, { key });
            const r = tree.locate(path, { key });
            const b = lines.position(r.start);
            checked++;
            if (a.line !== b.line || a.column !== b.column) {
              disagreements.push(`${file.slice(corpusDir.length)} ${JSON.stringify(path)} key=${key}: yaml ${a.line}:${a.column} fast ${b.line}:${b.column}`);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});
