/**
 * Scenario goldens: `shipshape diff LEFT RIGHT` on each case of fixtures/diff/<case>/ in every output
 * format, run in-process from the case's folder. Expected outputs live next to the inputs
 * (expected-unified.txt, expected-summary.txt, expected.json, expected-stderr.txt); regenerate them on
 * purpose with `UPDATE_GOLDEN=1 npx vitest run test/diff/golden.test.ts` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../fixtures/diff/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

interface Case {
  name: string;
  left: string;
  right: string;
  /** The exit code of every format. */
  code: 0 | 1 | 2;
  /** Fed to standard input (a side is `-`). */
  stdin?: string;
  args?: string[];
  /** What the case shows, checked on the JSON output besides the golden files. */
  counts: { added: number; removed: number; changed: number; unchanged: number };
}

const cases: Case[] = [
  { name: 'identical', left: 'left.yaml', right: 'right.json', code: 0, counts: { added: 0, removed: 0, changed: 0, unchanged: 3 } },
  { name: 'reordered', left: 'left.yaml', right: 'right.yaml', code: 0, counts: { added: 0, removed: 0, changed: 0, unchanged: 3 } },
  { name: 'image-bump', left: 'left.yaml', right: 'right.yaml', code: 1, counts: { added: 0, removed: 0, changed: 1, unchanged: 2 } },
  { name: 'replicas', left: 'left.yaml', right: 'right.yaml', code: 1, counts: { added: 0, removed: 0, changed: 1, unchanged: 2 } },
  { name: 'added-removed', left: 'left.yaml', right: 'right.yaml', code: 1, counts: { added: 1, removed: 1, changed: 0, unchanged: 2 } },
  { name: 'namespace', left: 'left.yaml', right: 'right.yaml', code: 1, counts: { added: 1, removed: 1, changed: 0, unchanged: 3 } },
  { name: 'renamed', left: 'left.yaml', right: 'right.yaml', code: 1, counts: { added: 1, removed: 1, changed: 0, unchanged: 2 } },
  { name: 'secret', left: 'left.yaml', right: 'right.yaml', code: 1, counts: { added: 1, removed: 1, changed: 1, unchanged: 0 } },
  { name: 'quantities', left: 'left.yaml', right: 'right.yaml', code: 1, counts: { added: 0, removed: 0, changed: 1, unchanged: 1 } },
  { name: 'directories', left: 'left', right: 'right.yaml', code: 1, counts: { added: 0, removed: 0, changed: 1, unchanged: 2 } },
  { name: 'stdin', left: '-', right: 'right.yaml', stdin: 'left.yaml', code: 1, counts: { added: 0, removed: 0, changed: 1, unchanged: 1 } },
];

const formats = [
  { output: 'unified', file: 'expected-unified.txt' },
  { output: 'summary', file: 'expected-summary.txt' },
  { output: 'json', file: 'expected.json' },
] as const;

function golden(path: string, actual: string): void {
  if (update || !existsSync(path)) {
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('fixtures/diff goldens', () => {
  test('every case folder is in the table, and every table entry has a folder', () => {
    // compose-project/ is read by test/cli/diff-compose.test.ts, which converts it first.
    const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'compose-project').map((d) => d.name).sort();
    expect(folders).toEqual(cases.map((c) => c.name).sort());
  });

  describe.each(cases)('$name', (c) => {
    const dir = join(root, c.name);
    const run = (output: string) =>
      runCli(['diff', c.left, c.right, '--output', output, ...(c.args ?? [])], {
        cwd: dir,
        env: {},
        ...(c.stdin !== undefined ? { stdin: readFileSync(join(dir, c.stdin)) } : {}),
      });

    test.each(formats)('--output $output', async ({ output, file }) => {
      const result = await run(output);
      expect(result.code).toBe(c.code);
      golden(join(dir, file), result.stdout);
      golden(join(dir, 'expected-stderr.txt'), result.stderr);
      if (c.code === 0 && output === 'unified') expect(result.stdout).toBe('');
    });

    test('the counts', async () => {
      const result = await run('json');
      expect(JSON.parse(result.stdout).counts).toEqual(c.counts);
    });
  });
});
