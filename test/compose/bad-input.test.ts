/**
 * Bad input to `shipshape config`: each case gets a clear, positioned message (or one plain line when no
 * file can be read), the right exit code, nothing on standard output, and no stack trace.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

function project(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bad-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function config(files: Record<string, string | Uint8Array>, args: string[] = [], env: Record<string, string> = {}) {
  const dir = project(files);
  const r = await runCli(['config', ...args], { cwd: dir, env: { HOME: '/home/user', ...env } });
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const all = r.stderr.split('\n').filter((l) => l !== '');
  // `lines`: the diagnostics; `details`: their indented related-location and hint lines.
  return { ...r, lines: all.filter((l) => !l.startsWith('  ')), details: all.filter((l) => l.startsWith('  ')) };
}

/** `file:line:column severity code` of each stderr line. */
const heads = (lines: string[]) => lines.map((l) => l.split(' ').slice(0, 3).join(' '));

describe('bad input: positioned errors, exit 1', () => {
  test('YAML syntax error', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n   ports: [80\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.lines.length).toBeGreaterThan(0);
    expect(r.lines[0]).toMatch(/^compose\.yaml:4:\d+ error yaml-syntax /);
  });

  test('duplicate keys, with the first one related', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  web:\n    image: a\n    image: b\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:4:5 error yaml-syntax']);
    expect(r.details).toContainEqual(expect.stringMatching(/^  related: compose\.yaml:3:5 /));
  });

  test('wrong types', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: "80:80"\n    environment: 5\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:4:12 error compose/invalid-type', 'compose.yaml:5:18 error compose/invalid-type']);
    expect(r.lines[0]).toContain('services.web.ports must be a list, not a string');
  });

  test('unknown key, with "did you mean"', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    enviroment: {A: "1"}\n' });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(["compose.yaml:4:5 error compose/unknown-key unknown key 'enviroment' in services.web; did you mean 'environment'?"]);
  });

  test('an empty file', async () => {
    const r = await config({ 'compose.yaml': '' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:1:1 error compose/empty-file']);
  });

  test('a file of comments only is empty too', async () => {
    const r = await config({ 'compose.yaml': '# nothing here\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:1:1 error compose/empty-file']);
  });

  test('a Kubernetes manifest given as a Compose file', async () => {
    const r = await config({ 'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec: {}\n' }, ['-f', 'deploy.yaml']);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['deploy.yaml:2:1 error compose/not-compose-file this is a Kubernetes manifest (kind: Deployment), not a Compose file']);
  });

  test('a list instead of a mapping', async () => {
    const r = await config({ 'compose.yaml': '- web\n- db\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:1:1 error compose/not-compose-file']);
  });

  test('extends of an unknown service', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  web:\n    extends: bsae\n  base:\n    image: nginx\n' });
    expect(r.code).toBe(1);
    expect(r.lines).toContain("compose.yaml:3:14 error compose/extends-unknown-service service web extends bsae, which is not a service of this file; did you mean 'base'?");
  });

  test('an extends cycle', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  a:\n    image: x\n    extends: b\n  b:\n    extends: {service: a}\n' });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['compose.yaml:6:24 error compose/extends-cycle extends cycle: a → b → a']);
  });

  test('an extends cycle across files', async () => {
    const r = await config({
      'compose.yaml': 'services:\n  a:\n    image: x\n    extends: {file: other.yaml, service: b}\n',
      'other.yaml': 'services:\n  b:\n    extends: {file: compose.yaml, service: a}\n',
    });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['other.yaml:3:44 error compose/extends-cycle']);
  });

  test('a required variable that is unset', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  db:\n    image: postgres\n    environment:\n      PASSWORD: "x-${DB_PASSWORD:?set DB_PASSWORD}"\n' });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['compose.yaml:5:20 error compose/missing-variable required variable DB_PASSWORD is not set: set DB_PASSWORD']);
  });

  test('an invalid interpolation', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    command: echo ${NAME\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:4:19 error compose/invalid-interpolation']);
  });

  test('an alias bomb is refused', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const r = await config({ 'compose.yaml': `x-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\nservices:\n  web:\n    image: nginx\n` });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.lines.join('\n')).toMatch(/alias/);
  });

  test('a binary file', async () => {
    const r = await config({ 'compose.yaml': new Uint8Array([0x73, 0x65, 0x0a, 0x00, 0xff, 0x10]) });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:2:1 error source/encoding']);
  });

  test('a file that is not UTF-8', async () => {
    const r = await config({ 'compose.yaml': new Uint8Array([...new TextEncoder().encode('services:\n  w\u00e9b:\n    image: x\n  caf'), 0xe9, 0x0a]) });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:4:6 error source/encoding']);
  });

  test('a missing required env_file', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file: [web.env, {path: opt.env, required: false}]\n' });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['compose.yaml:4:16 error compose/missing-env-file env file web.env does not exist']);
  });

  test('an included file that is missing', async () => {
    const r = await config({ 'compose.yaml': 'include: [parts/db.yaml]\nservices:\n  web:\n    image: nginx\n' });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['compose.yaml:1:11 error compose/unreadable-file parts/db.yaml: no such file or directory']);
  });

  test('an invalid top-level name', async () => {
    const r = await config({ 'compose.yaml': 'name: My Shop\nservices:\n  web:\n    image: nginx\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:1:7 error compose/invalid-project-name']);
  });
});

describe('bad input: one plain line, exit 2', () => {
  test('a missing -f file', async () => {
    const r = await config({ 'compose.yaml': 'services: {web: {image: nginx}}\n' }, ['-f', 'missing.yaml']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.lines).toEqual(['shipshape: missing.yaml: no such file or directory']);
  });

  test('a directory given as -f', async () => {
    const r = await config({ 'sub/compose.yaml': 'services: {web: {image: nginx}}\n' }, ['-f', 'sub']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['shipshape: sub: a directory, not a file']);
  });

  test('a missing --env-file', async () => {
    const r = await config({ 'compose.yaml': 'services: {web: {image: nginx}}\n' }, ['--env-file', 'nope.env']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['shipshape: nope.env: no such file or directory']);
  });

  test('nothing to discover', async () => {
    const r = await config({ 'README.md': 'no compose file here\n' });
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^shipshape: no Compose file found in .* or its parent directories/);
  });

  test('an invalid -p', async () => {
    const r = await config({ 'compose.yaml': 'services: {web: {image: nginx}}\n' }, ['-p', 'My Project']);
    expect(r.code).toBe(2);
    expect(r.lines[0]).toMatch(/^shipshape: -p 'My Project' is not a valid project name/);
  });
});

describe('bad input: malformed extends and include are reported', () => {
  test('extends of the wrong shape', async () => {
    const r = await config({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    extends: [a]\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:4:14 error compose/invalid-type']);
  });

  test('include of the wrong shape', async () => {
    const r = await config({ 'compose.yaml': 'include: other.yaml\nservices:\n  web:\n    image: nginx\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:1:10 error compose/invalid-type']);
  });

  test('an include entry without a path', async () => {
    const r = await config({ 'compose.yaml': 'include:\n  - env_file: a.env\nservices:\n  web:\n    image: nginx\n' });
    expect(r.code).toBe(1);
    expect(heads(r.lines)).toEqual(['compose.yaml:2:5 error compose/invalid-type']);
  });
});
