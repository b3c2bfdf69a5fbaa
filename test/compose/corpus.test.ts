/**
 * Every project of the awesome-compose corpus loads with `shipshape config`: exit 0, no error, a YAML
 * project on standard output that names every service of the source, and the same bytes twice.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { corpusDir, describeCorpus, hasCorpus } from '../helpers/corpus.js';

const root = join(corpusDir, 'compose', 'awesome-compose');
const projects = hasCorpus ? readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];

describeCorpus('awesome-compose loads with shipshape config', () => {
  test('the corpus is there', () => expect(projects.length).toBeGreaterThan(30));

  test.each(projects)('%s', async (name) => {
    const cwd = join(root, name);
    const r = await runCli(['config'], { cwd, env: { HOME: '/home/user' } });
    expect(r.stderr.split('\n').filter((l) => / error /.test(l))).toEqual([]);
    expect(r.code).toBe(0);
    const printed = parse(r.stdout) as { name: string; services: Record<string, unknown> };
    expect(printed.name).toBe(name.toLowerCase());
    expect(Object.keys(printed.services).length).toBeGreaterThan(0);
    const json = await runCli(['config', '--format', 'json'], { cwd, env: { HOME: '/home/user' } });
    expect(JSON.parse(json.stdout)).toEqual(printed);
    expect((await runCli(['config'], { cwd, env: { HOME: '/home/user' } })).stdout).toBe(r.stdout);
  });
});
