/**
 * No secret leaks: known values are planted in Compose secrets (file and environment), .env and env_file
 * files, and manifest Secret data/stringData (one Secret document with a YAML syntax error), then every
 * output is searched for them (plain and base64): stderr diagnostics, every lint format, convert's
 * diagnostics and --diff preview, every diff output. `--show-secrets` must show them (so the search can fail).
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { project, run } from './harness.js';
import type { CliRun } from '../helpers/cli.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** Every planted value, with the forms it could leak in. */
function leaks(text: string, planted: readonly string[]): string[] {
  const found: string[] = [];
  for (const value of planted) {
    for (const form of [value, b64(value), JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) {
      if (text.includes(form)) found.push(`${value} (as ${form})`);
    }
  }
  return [...new Set(found)];
}

function expectNoLeak(r: CliRun, planted: readonly string[], where: string): void {
  expect(leaks(r.stdout, planted), `${where}: stdout`).toEqual([]);
  expect(leaks(r.stderr, planted), `${where}: stderr`).toEqual([]);
}

describe('manifest Secrets: lint and diff', () => {
  const DATA = 'PLANTED-data-9c1e';
  const STRING = 'PLANTED-stringData-47ab';
  const BROKEN = 'PLANTED-broken-doc-e0f2';
  const ANNOTATED = 'PLANTED-last-applied-5d3a';
  const planted = [DATA, STRING, BROKEN, ANNOTATED];

  const secret = (data: string, string: string) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"p":"${ANNOTATED}"}}'\n` +
    `type: Opaque\ndata:\n  password: ${b64(data)}\n  bogusKey: 12\nstringData:\n  token: ${string}\n  unknown: {nested: ${string}}\n` +
    // An in-cluster IP inside a Secret value: rules that look for addresses must not quote it from here.
    `  url: "postgres://app:${string}@10.1.2.3:5432/db"\n`;
  // A Secret whose YAML is broken right next to the value: no parsed object, so no masked region.
  const broken = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: broken\nstringData:\n  password: "${BROKEN}\n  other: [${BROKEN}\n`;
  const files = { 'k8s/secret.yaml': secret(DATA, STRING), 'k8s/broken.yaml': broken };

  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
    test(`lint --format ${format}: findings in Secrets, no value in the report or on stderr`, async () => {
      const r = await run(['lint', '--format', format, 'k8s'], project({ 'k8s/secret.yaml': files['k8s/secret.yaml'] }));
      expect(r.code).toBe(1);
      expect(r.stdout.length).toBeGreaterThan(0);
      expectNoLeak(r, planted, `lint ${format}`);
    });
  }

  // Values in the wrong shape are still Secret values: a text block, a list, a list in a key.
  const shapes =
    `apiVersion: v1\nkind: Secret\nmetadata: {name: a}\nstringData: |\n  password=${STRING}\n---\n` +
    `apiVersion: v1\nkind: Secret\nmetadata: {name: b}\ndata: [${DATA}]\n---\n` +
    `apiVersion: v1\nkind: Secret\nmetadata: {name: c}\ndata:\n  - ${DATA}\nstringData: {z: [${STRING}], n: 12, s: "${STRING}"}\n`;
  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
    test(`lint --format ${format}: Secret values in the wrong shape are not quoted either`, async () => {
      const r = await run(['lint', '--format', format, 'k8s'], project({ 'k8s/shapes.yaml': shapes }));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/must be an object|must be a string/);
      expectNoLeak(r, planted, `lint ${format} shapes`);
    });
  }

  test('lint with colours and a TTY (code frames) leaks nothing either', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const r = await runCli(['lint', 'k8s'], { cwd: project({ 'k8s/secret.yaml': files['k8s/secret.yaml'], 'k8s/shapes.yaml': shapes }), tty: true, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(1);
    expectNoLeak(r, planted, 'lint tty');
  });

  for (const format of ['json', 'sarif', 'github', 'junit']) {
    test(`lint --format ${format}: a Secret document with a YAML error leaks nothing`, async () => {
      const r = await run(['lint', '--format', format, 'k8s'], project(files));
      expect(r.code).toBe(1);
      expectNoLeak(r, planted, `lint ${format}`);
    });
  }

  test('lint --format stylish: a Secret document with a YAML error leaks nothing in its code frame', async () => {
    const r = await run(['lint', '--format', 'stylish', 'k8s'], project(files));
    expect(r.code).toBe(1);
    expectNoLeak(r, planted, 'lint stylish');
  });

  test('lint -o FILE: the written report leaks nothing', async () => {
    const dir = project(files);
    const r = await run(['lint', '--format', 'json', '-o', 'report.json', 'k8s'], dir);
    expect(r.code).toBe(1);
    expect(leaks(readFileSync(join(dir, 'report.json'), 'utf8'), planted)).toEqual([]);
  });

  for (const output of ['unified', 'summary', 'json']) {
    test(`diff --output ${output}: a changed Secret is shown as changed, masked`, async () => {
      const dir = project({ 'old/secret.yaml': secret(DATA, STRING), 'new/secret.yaml': secret(`${DATA}-v2`, `${STRING}-v2`), 'new/broken.yaml': broken });
      const r = await run(['diff', '--output', output, 'old', 'new'], dir);
      expect(r.code).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/creds/);
      expectNoLeak(r, planted, `diff ${output}`);
    });

    if (output === 'summary') continue; // one line per object: no values at all
    test(`diff --output ${output} --show-secrets shows the values (the search above can fail)`, async () => {
      const dir = project({ 'old/secret.yaml': secret(DATA, STRING), 'new/secret.yaml': secret(`${DATA}-v2`, `${STRING}-v2`) });
      const r = await run(['diff', '--output', output, '--show-secrets', 'old', 'new'], dir);
      expect(leaks(r.stdout, [STRING]).length).toBeGreaterThan(0);
    });
  }

  test('diff: an added and a removed Secret are masked too', async () => {
    const dir = project({ 'a.yaml': secret(DATA, STRING), 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' });
    for (const args of [['diff', 'a.yaml', 'b.yaml'], ['diff', 'b.yaml', 'a.yaml'], ['diff', '--output', 'json', 'b.yaml', 'a.yaml']]) {
      const r = await run(args, dir);
      expect(r.code).toBe(1);
      expectNoLeak(r, planted, args.join(' '));
    }
  });

  test('diff from standard input', async () => {
    const r = await run(['diff', '-', 'b.yaml'], project({ 'b.yaml': secret(`${DATA}-v2`, STRING) }), secret(DATA, STRING) + '---\n' + broken);
    expect(r.code).toBeGreaterThan(0);
    expectNoLeak(r, planted, 'diff stdin');
  });
});

describe('Compose secrets, .env and env_file: config, convert, diff', () => {
  const FILE = 'PLANTED-secret-file-71c0';
  const ENVSECRET = 'PLANTED-secret-env-2b9d';
  const DOTENV = 'PLANTED-dotenv-83fe';
  const ENVFILE = 'PLANTED-env-file-c4a1';
  const secretsOnly = [FILE, ENVSECRET];

  function composeProject(version = ''): string {
    const dir = project({
      'compose.yaml':
        'name: shop\nservices:\n  api:\n    image: example/api:1\n    env_file: api.env\n' +
        '    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n      BROKEN: ${UNSET_VAR:?must be set}\n' +
        '    secrets: [db_password, token]\n    cgroup_parent: m-executor-abcd\n' +
        'secrets:\n  db_password:\n    file: ./db_password.txt\n  token:\n    environment: TOKEN\n',
      'db_password.txt': `${FILE}${version}\n`,
      '.env': `DB_PASSWORD=${DOTENV}\nTOKEN=${ENVSECRET}${version}\n`,
      'api.env': `API_KEY=${ENVFILE}\n`,
    });
    return dir;
  }

  test('config: diagnostics on stderr quote no value (the error is about an unset variable next to them)', async () => {
    const r = await run(['config'], composeProject());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/UNSET_VAR/);
    expectNoLeak(r, [FILE, ENVSECRET, DOTENV, ENVFILE], 'config');
  });

  function valid(dir: string): string {
    const path = join(dir, 'compose.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('      BROKEN: ${UNSET_VAR:?must be set}\n', ''));
    return dir;
  }

  test('convert: stderr (warnings) names no secret value', async () => {
    const r = await run(['convert'], valid(composeProject()));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/cgroup_parent/);
    expect(leaks(r.stderr, [FILE, ENVSECRET, DOTENV, ENVFILE])).toEqual([]);
  });

  test('convert: secret values go only into Secret objects (never a ConfigMap or a plain env value)', async () => {
    const r = await run(['convert', '--format', 'json'], valid(composeProject()));
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout).items as { kind: string }[];
    for (const item of items) {
      if (item.kind === 'Secret') continue;
      expect(leaks(JSON.stringify(item), secretsOnly), `${item.kind}`).toEqual([]);
    }
  });

  test('convert produces the Secrets (the searches here see them when unmasked)', async () => {
    const r = await run(['convert', '--format', 'json'], valid(composeProject()));
    const secrets = (JSON.parse(r.stdout).items as { kind: string }[]).filter((i) => i.kind === 'Secret');
    expect(leaks(JSON.stringify(secrets), secretsOnly).length).toBeGreaterThan(0);
  });

  for (const output of ['unified', 'summary', 'json']) {
    test(`diff compose.yaml DIR --output ${output}: changed secret values are masked`, async () => {
      const dir = valid(composeProject());
      expect((await run(['convert', '-o', 'k8s'], dir)).code).toBe(0);
      writeFileSync(join(dir, 'db_password.txt'), `${FILE}-v2\n`);
      writeFileSync(join(dir, '.env'), `DB_PASSWORD=${DOTENV}\nTOKEN=${ENVSECRET}-v2\n`);
      const r = await run(['diff', '--output', output, 'k8s', 'compose.yaml'], dir);
      expect(r.code).toBe(1);
      expectNoLeak(r, secretsOnly, `diff ${output}`);
      const preview = await run(['convert', '-o', 'k8s', '--diff', '--diff-output', output], dir);
      expect(preview.code).toBe(1);
      expectNoLeak(preview, secretsOnly, `convert --diff ${output}`);
    });
  }

  for (const output of ['unified', 'summary', 'json']) {
    test(`diff --output ${output}: .env and env_file values (DB_PASSWORD, API_KEY) are masked on both sides, changed or not`, async () => {
      const dir = valid(composeProject());
      expect((await run(['convert', '-o', 'k8s'], dir)).code).toBe(0);
      // Both values change: the old ones are in k8s/, the new ones in the project.
      writeFileSync(join(dir, '.env'), `DB_PASSWORD=${DOTENV}-v2\nTOKEN=${ENVSECRET}\n`);
      writeFileSync(join(dir, 'api.env'), `API_KEY=${ENVFILE}-v2\n`);
      const planted = [FILE, ENVSECRET, DOTENV, ENVFILE];
      const r = await run(['diff', '--output', output, 'k8s', 'compose.yaml'], dir);
      expect(r.code).toBe(1);
      if (output !== 'summary') expect(r.stdout).toMatch(/DB_PASSWORD/);
      expectNoLeak(r, planted, `diff ${output}`);
      const preview = await run(['convert', '-o', 'k8s', '--diff', '--diff-output', output], dir);
      expect(preview.code).toBe(1);
      expectNoLeak(preview, planted, `convert --diff ${output}`);
      if (output === 'summary') return;
      const shown = await run(['diff', '--output', output, '--show-secrets', 'k8s', 'compose.yaml'], dir);
      expect(leaks(shown.stdout, [DOTENV, ENVFILE]).length).toBeGreaterThan(0);
    });
  }

  test('a secret file that is not valid YAML or UTF-8 is never quoted in a diagnostic', async () => {
    const dir = valid(composeProject());
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'db_password.txt'), Buffer.concat([Buffer.from(`${FILE}: [\n`), Buffer.from([0xff, 0xfe, 0])]));
    const r = await run(['convert'], dir);
    expect(leaks(r.stderr, [FILE])).toEqual([]);
  });
});
