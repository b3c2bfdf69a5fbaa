/**
 * Clean streams: with a machine format, standard output holds that format and nothing else — even when
 * there are warnings, YAML errors, unreadable files, empty folders or conversion warnings — and every
 * note goes to standard error.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml } from '../report/xml-check.js';
import { latestDeployment, project, run } from './harness.js';

/** Input with a bit of everything: warnings, an error, a YAML error, a binary file, a missing path, an empty folder. */
function messyTree(): string {
  const dir = project({
    'k8s/web.yaml': latestDeployment('web'),
    'k8s/bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
    'k8s/schema.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {portz: []}\n',
    'k8s/binary.yaml': new Uint8Array([0x41, 0, 0x42]),
    'k8s/message.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "evil\\u001b[2J\\n::error::injected"\n',
  });
  mkdirSync(join(dir, 'empty'));
  return dir;
}
const messyArgs = ['k8s', 'empty', 'missing.yaml'];

const parsers: Record<string, (stdout: string) => void> = {
  json: (s) => {
    const report = JSON.parse(s);
    expect(Array.isArray(report.diagnostics)).toBe(true);
  },
  sarif: (s) => {
    const log = JSON.parse(s);
    expect(log.version).toBe('2.1.0');
    expect(Array.isArray(log.runs[0].results)).toBe(true);
  },
  github: (s) => {
    if (s === '') return; // no findings: no workflow command
    for (const line of s.split('\n').slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice) file=[^\n]*::[^\n]*$/);
    expect(s.endsWith('\n')).toBe(true);
  },
  junit: (s) => {
    const root = parseXml(s);
    expect(root.name).toBe('testsuites');
  },
};

describe('lint', () => {
  test.each(Object.keys(parsers))('--format %s: stdout parses with warnings, errors and unreadable inputs; notes on stderr', async (format) => {
    const r = await run(['lint', '--format', format, ...messyArgs], messyTree());
    expect(r.code).toBe(2); // the missing path
    parsers[format]!(r.stdout);
    expect(r.stdout).toMatch(/bad\.yaml/);
    expect(r.stderr).toMatch(/^shipshape: missing\.yaml: no such file or directory$/m);
    expect(r.stderr).toMatch(/no \.yaml, \.yml or \.json files in empty/);
    for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(/^shipshape: /);
  });

  test.each(Object.keys(parsers))('--format %s with only warnings (exit 0): stdout parses', async (format) => {
    const r = await run(['lint', '--format', format, 'web.yaml'], project({ 'web.yaml': latestDeployment('web') }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    if (format === 'github') expect(r.stdout.length).toBeGreaterThan(0);
    parsers[format]!(r.stdout);
  });

  test.each(Object.keys(parsers))('--format %s from standard input with a YAML error', async (format) => {
    const r = await run(['lint', '--format', format, '-'], project(), 'a: [\n');
    expect(r.code).toBe(1);
    parsers[format]!(r.stdout);
  });

  test.each(['json', 'sarif', 'junit'])('--format %s with no findings: a complete, empty report', async (format) => {
    const r = await run(['lint', '--format', format, 'c.yaml'], project({ 'c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' }));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    parsers[format]!(r.stdout);
  });

  test.each(Object.keys(parsers))('--format %s when nothing can be read (exit 2): an empty report still parses', async (format) => {
    const r = await run(['lint', '--format', format, 'missing.yaml'], project({}));
    expect(r.code).toBe(2);
    parsers[format]!(r.stdout);
    expect(r.stderr).toMatch(/missing\.yaml: no such file or directory/);
  });

  test('a message cannot start a second GitHub command', async () => {
    const r = await run(['lint', '--format', 'github', 'k8s'], messyTree());
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands.every((l) => !l.includes('::error::injected'))).toBe(true);
  });
});

describe('diff --output json', () => {
  test('stdout parses while the sides have YAML errors and notes', async () => {
    const dir = messyTree();
    const r = await run(['diff', '--output', 'json', 'k8s', 'k8s/web.yaml'], dir);
    expect([1, 2]).toContain(r.code);
    JSON.parse(r.stdout);
    expect(r.stderr).toMatch(/duplicate key/);
  });

  test.skipIf(process.platform === 'win32')('a folder side with an unreadable file: the diff of the other files, exit 2', async () => {
    const dir = project({ 'side/web.yaml': latestDeployment('web'), 'ref.yaml': latestDeployment('web').replace('name: web', 'name: other') });
    symlinkSync(join(dir, 'nowhere'), join(dir, 'side', 'bad.yaml'));
    for (const output of ['json', 'summary']) {
      const r = await run(['diff', '--output', output, 'side', 'ref.yaml'], dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/other/);
      if (output === 'json') JSON.parse(r.stdout);
      expect(r.stderr).toMatch(/bad\.yaml/);
      expect(r.stderr).toMatch(/some inputs cannot be read/);
    }
  });

  test('stdout parses when one side is unreadable (exit 2)', async () => {
    const r = await run(['diff', '--output', 'json', 'nothere.yaml', 'web.yaml'], project({ 'web.yaml': latestDeployment('web') }));
    expect(r.code).toBe(2);
    expect(r.stdout === '' || JSON.parse(r.stdout) !== undefined).toBe(true);
    expect(r.stderr).toMatch(/nothere\.yaml/);
  });
});

describe('convert --format json and config --format json', () => {
  const warned = 'name: shop\nservices:\n  web:\n    image: nginx:1\n    cgroup_parent: x\n    networks: [front]\nnetworks:\n  front: {}\n';

  test('convert: stdout is one JSON List while there are warnings; warnings on stderr', async () => {
    const r = await run(['convert', '--format', 'json'], project({ 'compose.yaml': warned }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).kind).toBe('List');
    expect(r.stderr).toMatch(/compose\.yaml:\d+:\d+ warning/);
  });

  test('convert (YAML): stdout is a YAML stream only', async () => {
    const r = await run(['convert'], project({ 'compose.yaml': warned }));
    expect(r.code).toBe(0);
    const { parseAllDocuments } = await import('yaml');
    const docs = parseAllDocuments(r.stdout);
    expect(docs.every((d) => d.errors.length === 0)).toBe(true);
    expect(r.stdout).not.toMatch(/warning/);
  });

  test('config --format json: stdout parses while there are warnings', async () => {
    const text = 'name: shop\nservices:\n  web:\n    image: nginx:${TAG}\n';
    const r = await run(['config', '--format', 'json'], project({ 'compose.yaml': text }));
    expect(r.code).toBe(0);
    JSON.parse(r.stdout);
    expect(r.stderr).toMatch(/TAG/);
  });
});
