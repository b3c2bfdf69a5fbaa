import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const simple = 'services:\n  web:\n    image: nginx:${TAG:-1.27}\n    ports: ["8080:80"]\n';

describe('shipshape config', () => {
  test('--help shows the options, the exit codes and an example', async () => {
    const r = await runCli(['config', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['--file', '--env-file', '--profile', '--project-name', '--format', 'Exit codes', 'Examples:']) expect(r.stdout).toContain(s);
  });

  test('${COMPOSE_PROJECT_NAME} is the resolved project name: -p wins over the environment', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:${COMPOSE_PROJECT_NAME}\n' });
    const image = async (args: string[], env: Record<string, string>) => (parse((await runCli(['config', ...args], { cwd: dir, env })).stdout) as { services: { web: { image: string } } }).services.web.image;
    expect(await image(['-p', 'cli2'], { COMPOSE_PROJECT_NAME: 'envp' })).toBe('nginx:cli2');
    expect(await image([], { COMPOSE_PROJECT_NAME: 'envp' })).toBe('nginx:envp');
  });

  test('the output is a Compose file again: loading it gives the same project ($$ stays a literal $)', async () => {
    const dir = project({ 'compose.yaml': 'name: shop\nservices:\n  web:\n    image: nginx:1\n    environment:\n      K: "$$SET and $${SET}"\n' });
    const first = await runCli(['config'], { cwd: dir, env: { SET: 'OTHER' } });
    expect(first.stdout).toContain('K: $$SET and $${SET}');
    const again = await runCli(['config', '-f', '-'], { cwd: dir, env: { SET: 'OTHER' }, stdin: first.stdout });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  test('prints the resolved project as YAML, exit 0', async () => {
    const dir = project({ 'compose.yaml': simple });
    const r = await runCli(['config'], { cwd: dir, env: {} });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(parse(r.stdout)).toMatchObject({
      services: { web: { image: 'nginx:1.27', ports: [{ target: 80, published: '8080', protocol: 'tcp', mode: 'ingress' }] } },
    });
  });

  test('--format json prints the same project as JSON', async () => {
    const dir = project({ 'compose.yaml': simple });
    const yaml = await runCli(['config'], { cwd: dir, env: {} });
    const json = await runCli(['config', '--format', 'json'], { cwd: dir, env: {} });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(parse(yaml.stdout));
  });

  test('an unknown --format is a usage error', async () => {
    const r = await runCli(['config', '--format', 'xml'], { cwd: project({ 'compose.yaml': simple }), env: {} });
    expect(r.code).toBe(2);
  });

  test('-q validates without printing', async () => {
    const r = await runCli(['config', '-q'], { cwd: project({ 'compose.yaml': simple }), env: {} });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('warnings go to stderr and keep exit 0', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:$TAG\n' });
    const r = await runCli(['config'], { cwd: dir, env: {} });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "compose.yaml:3:18 warning compose/unset-variable variable TAG is not set; an empty string is used\n  hint: Set TAG, give a default with ${TAG:-default}, or write $$ for a literal '$'.\n",
    );
    expect(parse(r.stdout).services.web.image).toBe('nginx:');
  });

  test('errors print nothing on stdout and exit 1', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    replicas: 2\n' });
    const r = await runCli(['config'], { cwd: dir, env: {} });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("compose.yaml:4:5 error compose/unknown-key unknown key 'replicas' in services.web\n  hint: Custom keys must start with x- (extension fields).\n");
  });

  test('-f - reads standard input; paths resolve against the working directory', async () => {
    const dir = project({});
    const r = await runCli(['config', '-f', '-'], { cwd: dir, env: {}, stdin: 'services:\n  web:\n    build: ./app\n' });
    expect(r.code).toBe(0);
    expect(parse(r.stdout).services.web.build.context).toBe(join(dir, 'app'));
  });

  test('problems in standard input are reported as <stdin>', async () => {
    const r = await runCli(['config', '-f', '-'], { cwd: project({}), env: {}, stdin: 'services:\n  web:\n    image: x\n    bogus: 1\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:4:5 error compose\/unknown-key /);
  });

  test('paths of files inside the working directory are shown relative, outside absolute', async () => {
    const dir = project({ 'sub/compose.yaml': 'services:\n  web:\n    image: x\n    bogus: 1\n' });
    const inside = await runCli(['config', '-f', 'sub/compose.yaml'], { cwd: dir, env: {} });
    expect(inside.stderr).toMatch(/^sub\/compose\.yaml:4:5 /);
    const elsewhere = project({});
    const outside = await runCli(['config', '-f', join(dir, 'sub/compose.yaml')], { cwd: elsewhere, env: {} });
    expect(outside.stderr.startsWith(`${join(dir, 'sub/compose.yaml')}:4:5 `)).toBe(true);
  });

  test('-f files merge in order; --profile and -p apply', async () => {
    const dir = project({
      'base.yaml': 'services:\n  web:\n    image: a\n  tool:\n    image: t\n    profiles: [tools]\n',
      'prod.yaml': 'services:\n  web:\n    image: b\n',
    });
    const r = await runCli(['config', '-f', 'base.yaml', '-f', 'prod.yaml', '--profile', 'tools', '-p', 'shop'], { cwd: dir, env: {} });
    expect(r.code).toBe(0);
    const printed = parse(r.stdout);
    expect(printed.name).toBe('shop');
    expect(printed.services.web.image).toBe('b');
    expect(Object.keys(printed.services).sort()).toEqual(['tool', 'web']);
  });

  test('--env-file values interpolate, the process environment wins', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: "${IMAGE}:${TAG}"\n', 'a.env': 'IMAGE=nginx\nTAG=1\n', 'b.env': 'TAG=2\n' });
    const r = await runCli(['config', '--env-file', 'a.env', '--env-file', 'b.env'], { cwd: dir, env: { IMAGE: 'httpd' } });
    expect(parse(r.stdout).services.web.image).toBe('httpd:2');
  });

  test('the output is deterministic', async () => {
    const dir = project({ 'compose.yaml': simple });
    expect((await runCli(['config'], { cwd: dir, env: {} })).stdout).toBe((await runCli(['config'], { cwd: dir, env: {} })).stdout);
  });
});
