/**
 * `label_file`: files of KEY=VALUE lines (the env file syntax) whose labels join the service's, in order,
 * with the service's own `labels` winning; each label positioned in its file; a missing, unreadable or
 * outside-the-project file an error at the entry that names it. Loaded in memory, then through
 * `shipshape config` and the converter.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/compose/index.js';
import { memoryHost } from '../../src/host.js';
import { translateProject } from '../../src/translate/index.js';
import { runCli } from '../helpers/cli.js';

const DIR = '/p';

async function load(files: Record<string, string>, options: { confine?: boolean } = {}) {
  const host = memoryHost(Object.fromEntries(Object.entries(files).map(([name, text]) => [name.startsWith('/') ? name : `${DIR}/${name}`, text])));
  return loadProject({ files: [], envFiles: [], profiles: [], cwd: DIR, env: { HOME: '/home/me' }, host, ...options });
}

/** `file:line:column code`, the file relative to the project directory. */
const at = (d: { file: string; line: number; column: number; code: string }) => `${d.file.replace(`${DIR}/`, '')}:${d.line}:${d.column} ${d.code}`;

interface Row {
  name: string;
  files: Record<string, string>;
  confine?: boolean;
  /** Labels of service `a`, in order. */
  labels?: [string, string][];
  /** `file:line:column code` of every diagnostic. */
  diagnostics?: string[];
}

const ROWS: Row[] = [
  {
    name: 'a string: file labels, then the service labels',
    files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: labels.txt\n    labels: {L2: w}\n', 'labels.txt': 'L1=v\n' },
    labels: [['L1', 'v'], ['L2', 'w']],
  },
  {
    name: 'a list: a later file overrides an earlier one, the service labels override both',
    files: {
      'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: [one.labels, sub/two.labels]\n    labels: [C=own]\n',
      'one.labels': 'A=1\nB=1\nC=1\n',
      'sub/two.labels': 'B=2\nC=2\n',
    },
    labels: [['A', '1'], ['B', '2'], ['C', 'own']],
  },
  {
    name: 'the dotenv syntax: comments, export, quotes, KEY: value',
    files: {
      'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: l.txt\n',
      'l.txt': '# a comment\n\nexport E=e\nQ="two\\twords"\nS=\'$LITERAL\'\nY: yaml # trailing comment\n',
    },
    labels: [['E', 'e'], ['Q', 'two\twords'], ['S', '$LITERAL'], ['Y', 'yaml']],
  },
  {
    name: "values refer to earlier files' labels and to the file's own entries, not to the project's variables",
    files: {
      'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: [base.labels, more.labels]\n',
      '.env': 'FROM_ENV=project\n',
      'base.labels': 'TEAM=core\n',
      'more.labels': 'OWNER=${TEAM}-owner\nFULL=${OWNER}!\nP=${FROM_ENV:-none}\n',
    },
    labels: [['TEAM', 'core'], ['OWNER', 'core-owner'], ['FULL', 'core-owner!'], ['P', 'none']],
  },
  {
    name: 'a missing file: an error at the entry; the other files still apply',
    files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file:\n      - nonexist.txt\n      - ok.txt\n', 'ok.txt': 'K=v\n' },
    labels: [['K', 'v']],
    diagnostics: ['compose.yaml:5:9 compose/missing-label-file'],
  },
  {
    name: 'a directory: unreadable, an error at the entry',
    files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: dir\n', 'dir/inner': 'K=v\n' },
    labels: [],
    diagnostics: ['compose.yaml:4:17 compose/unreadable-file'],
  },
  {
    name: 'a malformed line: an error in the label file; the other lines apply',
    files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: l.txt\n', 'l.txt': 'GOOD=1\nBAD="unterminated\n' },
    labels: [['GOOD', '1']],
    diagnostics: ['l.txt:2:5 compose/dotenv-syntax'],
  },
  {
    name: 'an empty path: an error at the entry',
    files: { 'compose.yaml': "services:\n  a:\n    image: x:1\n    label_file: ['']\n" },
    labels: [],
    diagnostics: ['compose.yaml:4:18 compose/invalid-value'],
  },
  {
    name: 'outside the project directory, confined: an error at the entry, nothing read',
    files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: ../secret.labels\n', '/secret.labels': 'PLANTED=outside\n' },
    confine: true,
    labels: [],
    diagnostics: ['compose.yaml:4:17 compose/outside-project'],
  },
  {
    name: 'outside the project directory, not confined (config): read',
    files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: ../shared.labels\n', '/shared.labels': 'S=1\n' },
    labels: [['S', '1']],
  },
];

describe('label_file', () => {
  test.each(ROWS)('$name', async (row) => {
    if (row.labels === undefined && row.diagnostics === undefined) throw new Error('a row must assert labels or diagnostics');
    const r = await load(row.files, { confine: row.confine ?? false });
    expect(r.diagnostics.map(at)).toEqual(row.diagnostics ?? []);
    if (row.labels) expect(r.project!.services[0]!.labels.map((l) => [l.key, l.value])).toEqual(row.labels);
  });

  test('no row name twice', () => {
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  test('labels from a file are positioned in it (file:line:column of the key)', async () => {
    const r = await load({ 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: l.txt\n    labels: {OWN: x}\n', 'l.txt': '# c\n  K1=v\nK2=w\n' });
    const spans = r.project!.services[0]!.labels.map((l) => `${l.key}@${at({ ...l.span, code: '' }).trim()}`);
    expect(spans).toEqual(['K1@l.txt:2:3', 'K2@l.txt:3:1', 'OWN@compose.yaml:5:14']);
  });

  test('a label file named by an extended service in another directory resolves against that directory', async () => {
    const r = await load({
      'compose.yaml': 'services:\n  a:\n    extends: {file: base/base.yaml, service: b}\n',
      'base/base.yaml': 'services:\n  b:\n    image: x:1\n    label_file: b.labels\n',
      'base/b.labels': 'FROM=base\n',
    });
    expect(r.diagnostics.map(at)).toEqual([]);
    expect(r.project!.services[0]!.labels.map((l) => [l.key, l.value])).toEqual([['FROM', 'base']]);
  });

  test('a label file shared by two services is applied to each', async () => {
    const r = await load({ 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: l.txt\n  b:\n    image: x:1\n    label_file: l.txt\n    labels: [K=b]\n', 'l.txt': 'K=file\n' });
    expect(r.project!.services.map((s) => s.labels.map((l) => `${l.key}=${l.value}`))).toEqual([['K=file'], ['K=b']]);
  });

  test('every entry naming a missing file is reported', async () => {
    const r = await load({ 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: gone.txt\n  b:\n    image: x:1\n    label_file: [gone.txt]\n' });
    expect(r.diagnostics.map(at)).toEqual(['compose.yaml:4:17 compose/missing-label-file', 'compose.yaml:7:18 compose/missing-label-file']);
  });

  test('the converter puts file labels in pod annotations and positions its warnings in the label file', async () => {
    const r = await load({ 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: l.txt\n', 'l.txt': 'team=core\nbad[key]=x\n' });
    const t = await translateProject(r.project!, { host: memoryHost({}) });
    const deployment = t.objects.find((o) => o.kind === 'Deployment');
    const spec = deployment?.spec as { template?: { metadata?: { annotations?: unknown } } } | undefined;
    expect(spec?.template?.metadata?.annotations).toEqual({ team: 'core' });
    expect(t.diagnostics.filter((d) => d.code === 'convert/invalid-annotation').map(at)).toEqual(['l.txt:2:1 convert/invalid-annotation']);
  });
});

describe('label_file in shipshape config', () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-label-file-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  }

  test('prints the labels and no label_file', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: labels.txt\n    labels: {L2: w}\n', 'labels.txt': 'L1=v\n' });
    const r = await runCli(['config'], { cwd: dir, env: { HOME: '/home/user' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('labels:\n      L1: v\n      L2: w\n');
    expect(r.stdout).not.toContain('label_file');
  });

  test('a missing label file: exit 1, the error at the entry', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  a:\n    image: x:1\n    label_file: nonexist.txt\n' });
    const r = await runCli(['config'], { cwd: dir, env: { HOME: '/home/user' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^compose\.yaml:4:17 error compose\/missing-label-file /m);
  });
});
