/**
 * Text that is not what a YAML reader expects: binary files, invalid UTF-8, a BOM, CRLF line ends,
 * tabs as indentation, duplicate keys, unterminated strings, `__proto__` keys. Every command gives a
 * positioned diagnostic; lint goes on with the other files.
 */
import { describe, expect, test } from 'vitest';
import { commandNames, configMap, expectCleanFailure, expectExplained, latestDeployment, onFile, project, run } from './harness.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const compose = 'name: shop\nservices:\n  web:\n    image: nginx:1\n';

interface BadText {
  manifest: string | Uint8Array;
  compose: string | Uint8Array;
  /** What every command's output must contain (a positioned diagnostic). */
  expected: RegExp;
}

const cases: Record<string, BadText> = {
  'binary (NUL bytes)': {
    manifest: concat(enc('apiVersion: v1\nkind: Con'), new Uint8Array([0, 1, 2, 0xff])),
    compose: concat(enc('services:\n  web:\n    image: ngi'), new Uint8Array([0, 0x89, 0x50])),
    expected: /:2:10\b.*looks binary|2:10\s+error\s+the file looks binary|:3:15\b.*looks binary|3:15\s+error.*binary/,
  },
  'invalid UTF-8': {
    manifest: concat(enc('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf'), new Uint8Array([0xe9]), enc('\n')),
    compose: concat(enc('services:\n  web:\n    image: caf'), new Uint8Array([0xc3, 0x28]), enc('\n')),
    expected: /(:4:12|:3:15)\b.*not valid UTF-8|(4:12|3:15)\s+error\s+the file is not valid UTF-8/,
  },
  'tabs as indentation': {
    manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n',
    compose: 'services:\n\tweb:\n\t\timage: nginx\n',
    expected: /(:4:1|:2:1)\b.*[Tt]abs|(4:1|2:1)\s+error\s+Tabs/,
  },
  'duplicate keys': {
    manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
    compose: 'services:\n  web:\n    image: nginx:1\n    image: nginx:2\n',
    expected: /(:5:3|:4:5)\b.*duplicate key '(name|image)'|(5:3|4:5)\s+error\s+duplicate key/,
  },
  'an unterminated double-quoted string': {
    manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "abc\ndata:\n  k: v\n',
    compose: 'services:\n  web:\n    image: "nginx\n    ports: ["80"]\n',
    expected: /(:4:9|:3:12)\b.*missing closing "|(4:9|3:12)\s+error\s+missing closing "/,
  },
  'an unterminated single-quoted string with escaped quotes': {
    manifest: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 'it''s\n",
    compose: "services:\n  web:\n    image: 'it''s\n",
    expected: /(:4:9|:3:12)\b.*missing closing '|(4:9|3:12)\s+error\s+missing closing '/,
  },
};

describe.each(Object.entries(cases))('%s', (_name, c) => {
  test.each(commandNames)('%s: a positioned diagnostic, exit 1 or 2', async (command) => {
    const file = command === 'config' || command === 'convert' ? 'compose.yaml' : 'm.yaml';
    const content = command === 'config' || command === 'convert' ? c.compose : c.manifest;
    const r = await run(onFile[command](file), project({ [file]: content }));
    expectExplained(r, c.expected);
  });

  test('lint: the other files of the run are still linted', async () => {
    const r = await run(['lint', '--format', 'json', '.'], project({ 'a.yaml': c.manifest, 'b.yaml': latestDeployment('web') }));
    expectCleanFailure(r, [1]);
    const seen = (JSON.parse(r.stdout) as { diagnostics: { file: string; ruleId: string }[] }).diagnostics.map((d) => `${d.file} ${d.ruleId}`);
    expect(seen).toContain('a.yaml yaml-syntax');
    expect(seen).toContain('b.yaml image-tag');
  });
});

test('an unterminated string after a list of a million items: positioned where it opens', { timeout: 60_000 }, async () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\nx: [${Array(1_000_000).fill('1').join(',')}]\ndata:\n  k: "open\n`;
  const r = await run(['lint', '--format', 'json', 'm.yaml'], project({ 'm.yaml': text }));
  expectCleanFailure(r, [1]);
  expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 6, column: 6 });
});

describe('diff: the other files of a side are still compared', () => {
  test.each(Object.entries(cases))('%s', async (_name, c) => {
    const dir = project({ 'old/bad.yaml': c.manifest, 'old/web.yaml': latestDeployment('web'), 'new/bad.yaml': c.manifest, 'new/web.yaml': latestDeployment('web').replace('nginx:latest', 'nginx:1.27') });
    const r = await run(['diff', '--output', 'summary', 'old', 'new'], dir);
    expectCleanFailure(r, [1, 2]);
    expect(r.stdout).toMatch(/~ Deployment default\/web/);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ error/);
  });
});

describe('duplicate keys: both positions', () => {
  test('lint json: the error at the second key, a related location at the first', async () => {
    const r = await run(['lint', '--format', 'json', 'm.yaml'], project({ 'm.yaml': cases['duplicate keys']!.manifest }));
    const [d] = (JSON.parse(r.stdout) as { diagnostics: { line: number; column: number; related?: { line: number; column: number }[] }[] }).diagnostics;
    expect(d).toMatchObject({ line: 5, column: 3, related: [{ line: 4, column: 3 }] });
  });

  test('lint sarif: relatedLocations carry the first key', async () => {
    const r = await run(['lint', '--format', 'sarif', 'm.yaml'], project({ 'm.yaml': cases['duplicate keys']!.manifest }));
    const result = JSON.parse(r.stdout).runs[0].results[0];
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 3 });
    expect(result.relatedLocations[0].physicalLocation.region).toMatchObject({ startLine: 4, startColumn: 3 });
  });

  test('config: the Compose error names the first key too', async () => {
    const r = await run(['config', '-q'], project({ 'compose.yaml': cases['duplicate keys']!.compose }));
    expectCleanFailure(r, [1]);
    expect(r.stderr).toMatch(/compose\.yaml:4:5 .*duplicate key 'image' \(first at line 3, column 5\)/);
  });

  test('in the second document of a stream, both positions are those of the file', async () => {
    const text = `${configMap('a')}---\n${cases['duplicate keys']!.manifest as string}`;
    const r = await run(['diff', 'm.yaml', 'm.yaml'], project({ 'm.yaml': text }));
    expect(r.stderr).toContain("m.yaml:13:3 error yaml-syntax duplicate key 'name' (first at line 12, column 3)");
  });

  test('a duplicate key in a document that uses anchors (the full parser path) is reported the same way', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: a\n  name: b\ndata: {k: *m}\n';
    const r = await run(['lint', '--format', 'json', 'm.yaml'], project({ 'm.yaml': text }));
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number; column: number }[] }).diagnostics;
    expect(d.find((x) => x.ruleId === 'yaml-syntax')).toMatchObject({ line: 5, column: 3 });
  });
});

describe('a BOM and CRLF line ends are read as usual', () => {
  const variants = {
    bom: (s: string) => `\ufeff${s}`,
    crlf: (s: string) => s.replace(/\n/g, '\r\n'),
    'bom + crlf': (s: string) => `\ufeff${s.replace(/\n/g, '\r\n')}`,
  };

  test.each(Object.entries(variants))('%s: lint positions are those of the plain file', async (_name, wrap) => {
    const plain = await run(['lint', '--format', 'json', 'm.yaml'], project({ 'm.yaml': latestDeployment('web') }));
    const variant = await run(['lint', '--format', 'json', 'm.yaml'], project({ 'm.yaml': wrap(latestDeployment('web')) }));
    expect(variant.code).toBe(plain.code);
    expect(JSON.parse(variant.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(plain.stdout).diagnostics.length).toBeGreaterThan(0);
  });

  test.each(Object.entries(variants))('%s: errors keep their positions (no \\r in messages, no BOM column shift)', async (_name, wrap) => {
    const r = await run(['lint', '--format', 'json', 'm.yaml'], project({ 'm.yaml': wrap(cases['duplicate keys']!.manifest as string) }));
    const [d] = JSON.parse(r.stdout).diagnostics;
    expect(d).toMatchObject({ line: 5, column: 3, endLine: 5, endColumn: 7 });
    expect(JSON.stringify(d)).not.toContain('\\r');
  });

  test.each(Object.entries(variants))('%s: convert gives the same output as the plain file', async (_name, wrap) => {
    const plain = await run(['convert', '-f', 'compose.yaml'], project({ 'compose.yaml': compose }));
    const variant = await run(['convert', '-f', 'compose.yaml'], project({ 'compose.yaml': wrap(compose) }));
    expect(plain.code).toBe(0);
    expect(variant).toEqual(plain);
  });

  test.each(Object.entries(variants))('%s: diff of the plain file against the variant reports no change', async (_name, wrap) => {
    const r = await run(['diff', 'a.yaml', 'b.yaml'], project({ 'a.yaml': latestDeployment('web'), 'b.yaml': wrap(latestDeployment('web')) }));
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  test('a BOM on standard input', async () => {
    const r = await run(['lint', '--format', 'json', '-'], project(), `\ufeff${cases['duplicate keys']!.manifest as string}`);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ file: '<stdin>', line: 5, column: 3 });
  });
});

describe('__proto__ and other prototype keys are plain keys', () => {
  const polluting = 'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: a\n  __proto__: {polluted: yes}\ndata:\n  __proto__: x\n  constructor: y\n  k: *m\n';

  test('lint reports __proto__ as an unknown field at its position, and nothing is polluted', async () => {
    const r = await run(['lint', '--format', 'json', 'm.yaml'], project({ 'm.yaml': polluting }));
    expectCleanFailure(r, [1]);
    const d = (JSON.parse(r.stdout) as { diagnostics: { message: string; line: number; column: number }[] }).diagnostics;
    expect(d.find((x) => x.message.includes("'__proto__'"))).toMatchObject({ line: 5, column: 3 });
    expect(d.some((x) => x.message.includes('polluted'))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('diff sees a change under a __proto__ key', async () => {
    const dir = project({ 'a.yaml': configMap('a', '  __proto__: one\n'), 'b.yaml': configMap('a', '  __proto__: two\n') });
    const r = await run(['diff', '--output', 'json', 'a.yaml', 'b.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('__proto__');
  });

  test('a Compose service named __proto__ and an environment variable __proto__', async () => {
    const text = 'services:\n  __proto__:\n    image: nginx:1\n  web:\n    image: nginx:1\n    environment:\n      __proto__: x\n';
    const r = await run(['config', '--format', 'json'], project({ 'compose.yaml': text }));
    expectCleanFailure(r, [0, 1]);
    if (r.code === 0) expect(Object.keys(JSON.parse(r.stdout).services)).toContain('web');
    expect(({} as Record<string, unknown>).image).toBeUndefined();
  });
});
