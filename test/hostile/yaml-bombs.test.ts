/**
 * Resource exhaustion through YAML: alias bombs, extreme nesting, huge lists, huge files, huge lines.
 * The hang guard is vitest's per-test timeout; memory is bounded by the alias budget, the depth limit
 * (measured before composing) and the file size caps. Big inputs are generated here, never committed.
 */
import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandNames, configMap, expectCleanFailure, expectExplained, latestDeployment, onFile, project, run } from './harness.js';

const TIMEOUT = 60_000;

/** Billion laughs: 9^9 strings from a 1 KB file. */
function aliasBomb(wrapper: (body: string) => string): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  let body = `  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i < levels.length; i++) {
    const prev = levels[i - 1]!;
    body += `  ${levels[i]}: &${levels[i]} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
  }
  return wrapper(body);
}

const bombs = {
  lint: aliasBomb((b) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\nlaughs:\n${b}`),
  diff: aliasBomb((b) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\nlaughs:\n${b}`),
  config: aliasBomb((b) => `services:\n  web:\n    image: nginx\nx-laughs:\n${b}`),
  convert: aliasBomb((b) => `services:\n  web:\n    image: nginx\nx-laughs:\n${b}`),
};

/** Nesting 10,000 levels deep, written three ways (each a few tens of KB). */
const deep = {
  flowSeq: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  flowMap: `services:\n  web:\n    image: nginx\nx-deep: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
  compactSeq: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  ${'- '.repeat(10_000)}x\n`,
};

describe('alias bombs', () => {
  for (const command of commandNames) {
    test(`${command}: refused with a positioned yaml-syntax error`, { timeout: TIMEOUT }, async () => {
      const dir = project({ 'bomb.yaml': bombs[command] });
      const r = await run(onFile[command]('bomb.yaml'), dir);
      expectExplained(r, /bomb\.yaml:?\s*(\n\s*)?\d+:\d+.*alias bomb|\d+:\d+\s+error\s+the YAML expands aliases/);
    });
  }

  test('lint: the other files are still linted', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'a-bomb.yaml': bombs.lint, 'b-ok.yaml': latestDeployment('web') });
    const r = await run(['lint', '--format', 'json', '.'], dir);
    expectCleanFailure(r, [1]);
    const rules = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; file: string }[] }).diagnostics.map((d) => `${d.file} ${d.ruleId}`);
    expect(rules).toContain('a-bomb.yaml yaml-syntax');
    expect(rules).toContain('b-ok.yaml image-tag');
  });

  test('a merge-key bomb (<<: [*a, *a, …]) is bounded too', { timeout: TIMEOUT }, async () => {
    let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\nx:\n  l0: &l0 {k: v}\n';
    for (let i = 1; i < 25; i++) text += `  l${i}: &l${i} {<<: [*l${i - 1}, *l${i - 1}], k${i}: [*l${i - 1}, *l${i - 1}]}\n`;
    const r = await run(['lint', 'm.yaml'], project({ 'm.yaml': text }));
    expectExplained(r, /alias/);
  });
});

describe('nesting 10,000 levels deep', () => {
  for (const [shape, text] of Object.entries(deep)) {
    for (const command of commandNames) {
      test(`${shape} through ${command}: "nested more than 1000 levels", positioned`, { timeout: TIMEOUT }, async () => {
        const r = await run(onFile[command]('deep.yaml'), project({ 'deep.yaml': text }));
        expectExplained(r, /deep\.yaml:\d+:\d+ error yaml-syntax the YAML is nested more than 1000 levels deep|\d+:\d+\s+error\s+the YAML is nested more than 1000 levels deep/);
      });
    }
  }

  test('standard input is guarded the same way', { timeout: TIMEOUT }, async () => {
    const r = await run(['lint', '-'], project(), deep.flowSeq);
    expectExplained(r, /nested more than 1000 levels deep/);
  });

  test('nesting just under the limit is read (depth 900 in a ConfigMap value is a schema error, not a crash)', { timeout: TIMEOUT }, async () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata:\n  k: ${'['.repeat(900)}${']'.repeat(900)}\n`;
    const r = await run(['lint', '--format', 'json', 'd.yaml'], project({ 'd.yaml': text }));
    expectCleanFailure(r, [1]);
    const ids = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('schema');
    expect(ids).not.toContain('yaml-syntax');
  });
});

describe('size', () => {
  test('a list of a million items: linted, with a positioned finding', { timeout: TIMEOUT }, async () => {
    const items = '    - "x"\n'.repeat(1_000_000);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: million\ndata:\n  list:\n${items}`;
    const r = await run(['lint', '--format', 'json', 'm.yaml'], project({ 'm.yaml': text }));
    expectCleanFailure(r, [1]);
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number; column: number }[] }).diagnostics;
    expect(d.map((x) => [x.ruleId, x.line, x.column])).toContainEqual(['schema', 7, 5]);
  });

  test('a million items in flow style through diff: compared, no crash', { timeout: TIMEOUT }, async () => {
    const list = `[${Array(1_000_000).fill('1').join(',')}]`;
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: million\nx-list: ${list}\n`;
    const dir = project({ 'a.yaml': text, 'b.yaml': text.replace('x-list: [1,', 'x-list: [2,') });
    const r = await run(['diff', '--output', 'summary', 'a.yaml', 'b.yaml'], dir);
    expectCleanFailure(r, [1]);
    expect(r.stdout).toMatch(/ConfigMap/);
  });

  test('100,000 services in a Compose file: config reads it (or refuses it) without crashing', { timeout: TIMEOUT }, async () => {
    const services = Array.from({ length: 100_000 }, (_, i) => `  s${i}: {image: "nginx:1"}\n`).join('');
    const r = await run(['config', '-q'], project({ 'compose.yaml': `services:\n${services}` }));
    expectCleanFailure(r, [0, 1, 2]);
  });

  test('a port range bomb (1-65535:1-65535) converts with a warning, no crash', { timeout: TIMEOUT }, async () => {
    const r = await run(['convert', '--format', 'json'], project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1\n    ports: ["1-65535:1-65535"]\n' }));
    expectCleanFailure(r, [0]);
    expect(r.stderr).toMatch(/compose\.yaml:4:\d+ warning convert\/many-ports/);
    JSON.parse(r.stdout);
  });

  test('a 50 MB manifest: linted (the findings are positioned), no crash', { timeout: TIMEOUT }, async () => {
    const line = `    ${'x'.repeat(1000)}\n`;
    const body = line.repeat(51 * 1024);
    const text = `${latestDeployment('big')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: |\n${body}`;
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const r = await run(['lint', '--format', 'json', 'big.yaml'], project({ 'big.yaml': text }));
    expectCleanFailure(r, [0, 1]);
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number }[] }).diagnostics;
    expect(d.find((x) => x.ruleId === 'image-tag')?.line).toBe(15);
  });

  test('a 50 MB Compose file: config reads it (or refuses it in one line), no crash', { timeout: TIMEOUT }, async () => {
    const value = 'y'.repeat(1000);
    const env = Array.from({ length: 50 * 1024 }, (_, i) => `      V${i}: ${value}\n`).join('');
    const r = await run(['config', '-q'], project({ 'compose.yaml': `services:\n  web:\n    image: nginx:1\n    environment:\n${env}` }));
    expectCleanFailure(r, [0, 1, 2]);
    if (r.code === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a file above the size cap is refused in one line, before it is read', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'ok.yaml': latestDeployment('web') });
    // A sparse file: the cap is checked against its size, so nothing is allocated.
    const { truncateSync } = await import('node:fs');
    writeFileSync(join(dir, 'huge.yaml'), '');
    truncateSync(join(dir, 'huge.yaml'), 300 * 1024 * 1024);
    const lint = await run(['lint', '.'], dir);
    expectCleanFailure(lint, [2]);
    expect(lint.stderr).toMatch(/^shipshape: cannot read huge\.yaml: .*larger than \d+ MB$/m);
    expect(lint.stdout).toContain('image-tag'); // the other file is still linted
    const convert = await run(['convert', '-f', 'huge.yaml'], dir);
    expectExplained(convert, /huge\.yaml.*(too large|larger than)/);
    const diff = await run(['diff', 'huge.yaml', 'ok.yaml'], dir);
    expectExplained(diff, /huge\.yaml.*(too large|larger than)/);
  });

  const longLines = (): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: long\ndata:\n  k: ${'v'.repeat(5 * 1024 * 1024)}\n  n: 1\n${'k'.repeat(100_000)}: 1\n`;

  test('very long lines (a 5 MB single-line value, a 100 KB key): positioned findings', { timeout: TIMEOUT }, async () => {
    const r = await run(['lint', '--format', 'json', 'long.yaml'], project({ 'long.yaml': longLines() }));
    expectCleanFailure(r, [1]);
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number; column: number }[] }).diagnostics;
    expect(d.map((x) => `${x.ruleId} ${x.line}:${x.column}`).sort()).toEqual(['schema 7:6', 'schema 8:1']);
  });

  // Messages quote the offending key in full (the JSON report keeps it); stylish cuts a long quoted segment
  // to its head and tail around an ellipsis (src/report/formatters/stylish.ts), and code frames cut long lines.
  test('very long lines: stylish rows stay short (messages cut long quoted keys)', { timeout: TIMEOUT }, async () => {
    const dir = project({ 'long.yaml': longLines() });
    const r = await run(['lint', 'long.yaml'], dir);
    expectCleanFailure(r, [1]);
    const longest = Math.max(...r.stdout.split('\n').map((l) => l.length));
    expect(longest, 'longest stylish line').toBeLessThan(1000);
    expect(r.stdout).toMatch(/8:1 +error +Unknown field 'k{96}…k{24}' at the top level/);
    const json = await run(['lint', '--format', 'json', 'long.yaml'], dir);
    const messages = (JSON.parse(json.stdout) as { diagnostics: { message: string }[] }).diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes(`'${'k'.repeat(100_000)}'`)), 'the JSON message keeps the whole key').toBe(true);
  });

  test('a long single-line JSON manifest: positioned findings', { timeout: TIMEOUT }, async () => {
    const data = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, `v${i}`]));
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data, bogus: 1 };
    const r = await run(['lint', '--format', 'json', 'j.json'], project({ 'j.json': JSON.stringify(obj) }));
    expectCleanFailure(r, [1]);
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number; column: number }[] }).diagnostics;
    const bogus = d.find((x) => x.ruleId === 'schema')!;
    expect(bogus.line).toBe(1);
    expect(bogus.column).toBeGreaterThan(1_000_000);
  });
});

test('configMap helper is a valid manifest (sanity check of the fixtures used above)', async () => {
  const r = await run(['lint', 'c.yaml'], project({ 'c.yaml': configMap('c') }));
  expect(r).toMatchObject({ code: 0, stdout: '' });
});
