import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { normalizeProject } from '../../../src/compose/normalize/index.js';
import { printProject } from '../../../src/compose/print.js';
import { parseLocatedStream } from '../../../src/source/located.js';
import { corpusDir, describeCorpus } from '../../helpers/corpus.js';

function composeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...composeFiles(p));
    else if (/^(docker-)?compose\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describeCorpus('normalize every awesome-compose project', () => {
  const files = composeFiles(join(corpusDir, 'compose', 'awesome-compose'));

  test('the corpus has compose files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  test.each(files.map((f) => [f.slice(corpusDir.length), f]))('%s', (_name, file) => {
    const parsed = parseLocatedStream({ path: file, text: readFileSync(file, 'utf8') });
    expect(parsed.diagnostics).toEqual([]);
    const root = parsed.documents[0];
    expect(root?.kind).toBe('map');
    if (root?.kind !== 'map') return;
    const diagnostics: Diagnostic[] = [];
    const project = normalizeProject(root, { workingDir: dirname(file), env: { HOME: '/home/me' }, report: (d) => diagnostics.push(d) });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(project.services.length).toBeGreaterThan(0);
    const printed = printProject({ name: 'p', workingDir: dirname(file), files: [file], ...project });
    expect(Object.keys(printed.services as object)).toEqual(project.services.map((s) => s.name));

    // The printed long syntax normalizes back to the same project (`$$` read back as `$`, as interpolation does).
    const reparsed = parseLocatedStream({ path: 'printed.yaml', text: stringify(printed).replaceAll('$$', '$') }).documents[0];
    if (reparsed?.kind !== 'map') throw new Error('printed project is not a mapping');
    const again = normalizeProject(reparsed, { workingDir: dirname(file), env: { HOME: '/home/me' }, report: (d) => diagnostics.push(d) });
    expect(printProject({ name: 'p', workingDir: dirname(file), files: [file], ...again })).toEqual(printed);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
