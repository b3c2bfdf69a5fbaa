import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import type { FieldPath } from '../../../src/diagnostics.js';
import { validateObject } from '../../../src/k8s/schema/index.js';
import { parseDocuments } from '../../../src/source/index.js';
import { corpusDir, describeCorpus } from '../../helpers/corpus.js';

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

function exists(object: unknown, path: FieldPath): boolean {
  let value = object;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return false;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return true;
}

describeCorpus('validateObject over the shared corpus', () => {
  test('every object validates without throwing; findings point at fields that exist', () => {
    const root = join(corpusDir, 'k8s');
    const counts = { valid: 0, invalid: 0, unknown: 0 };
    const findings: string[] = [];
    for (const file of yamlFiles(root)) {
      for (const doc of parseDocuments({ path: file, text: readFileSync(file, 'utf8') }).documents) {
        const value = doc.value;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        const object = value as Record<string, unknown>;
        const result = validateObject(object);
        counts[result.status]++;
        if (result.status !== 'invalid') continue;
        expect(result.violations.length).toBeGreaterThan(0);
        for (const v of result.violations) {
          expect(exists(object, v.path), `${v.message}: path ${JSON.stringify(v.path)}`).toBe(true);
          findings.push(`${relative(root, file)}: ${v.message}`);
        }
      }
    }
    // Recorded on purpose: a change here means the schemas or the strictness changed; read the findings.
    // The findings are true defects (typos such as 'protectionDoamin', storage-class parameters written into
    // volume sources, `{{placeholders}}` of template files, a kustomize `$patch` file), see docs in the report.
    expect(counts).toEqual({ valid: 377, invalid: 11, unknown: 43 });
    expect(findings).toHaveLength(14);
  });
});
