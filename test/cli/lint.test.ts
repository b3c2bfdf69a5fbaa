import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { formatNames, formatters } from '../../src/report/index.js';
import { loadFormatter } from '../../src/cli/report-format.js';
import { LINT_FORMATS } from '../../src/cli/commands/lint.js';
import { DEFAULT_MAX_FILE_BYTES, fileHost } from '../../src/cli/file-host.js';
import { syncFileHost } from '../../src/cli/sync-file-host.js';

const good = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{name: http, containerPort: 8080}]
`;
const service = (selector: string) => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: ${selector}}
  ports: [{port: 80, targetPort: http}]
`;
const dbService = `apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  selector: {app: db}
  ports: [{port: 5432}]
`;
const noReplicas = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres:16}]}
`;

let root: string;
const dir = (name: string, files: Record<string, string>): string => {
  const base = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(base, path, '..'), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
};
/** Only our rules' findings (other rules are written by others and may change). */
const lint = (args: string[], options: Parameters<typeof runCli>[1] = {}) =>
  runCli(['lint', '--rule', 'schema=off', '--rule', 'missing-probes=off', '--rule', 'missing-resources=off', '--rule', 'run-as-root=off', '--rule', 'image-tag=off', '--rule', 'privileged-container=off', ...args], { env: { NO_COLOR: '1' }, ...options });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shipshape-lint-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('shipshape lint: exit codes', () => {
  test('0 when nothing is wrong', async () => {
    const cwd = dir('clean', { 'k8s/app.yaml': `${good}---\n${service('web')}` });
    const r = await lint(['k8s'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('1 on an error finding; the finding names file, position and rule', async () => {
    const cwd = dir('error', { 'k8s/deploy.yaml': good, 'k8s/svc/service.yaml': service('wbe') });
    const r = await lint(['k8s'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('service-selector-mismatch');
    expect(r.stdout).toContain('k8s/svc/service.yaml');
  });

  test('warnings alone exit 0; above --max-warnings they exit 1', async () => {
    const cwd = dir('warnings', { 'db.yaml': noReplicas, 'svc.yaml': dbService });
    expect((await lint(['.'], { cwd })).code).toBe(0);
    expect((await lint(['.', '--max-warnings', '1'], { cwd })).code).toBe(0);
    const over = await lint(['.', '--max-warnings', '0'], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (1, at most 0');
  });

  test('--rule overrides: a warning made an error, an error turned off', async () => {
    const cwd = dir('overrides', { 'db.yaml': noReplicas, 'svc.yaml': dbService, 'bad-svc.yaml': service('nothing') });
    expect((await lint(['db.yaml', '--rule', 'missing-replicas=error'], { cwd })).code).toBe(1);
    const off = await lint(['.', '--rule', 'service-selector-mismatch=off'], { cwd });
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('service-selector-mismatch');
  });

  test.each([
    [['--rule', 'missing-replica=warn'], "unknown rule 'missing-replica' (did you mean 'missing-replicas'?)"],
    [['--rule', 'missing-replicas'], 'expects ID=SEVERITY'],
    [['--rule', 'missing-replicas=loud'], "'loud' is not a severity"],
    [['--max-warnings', 'many'], '--max-warnings expects a whole number'],
    [['--namespace', 'Bad_NS'], 'not a valid namespace name'],
    [['--kube-version', 'latest'], "--kube-version expects a Kubernetes release 1.MINOR such as 1.39, not 'latest'"],
    [['--kube-version', '1.3x'], '--kube-version expects a Kubernetes release 1.MINOR'],
    [['--kube-version', '2.0'], '--kube-version expects a Kubernetes release 1.MINOR'],
    [['--kube-version', '1.36.2'], '--kube-version expects a Kubernetes release 1.MINOR'],
    [['--kube-version', '1.99'], "--kube-version '1.99' is outside the releases shipshape knows deprecations for (1.8 to 1.39)"],
    [['--kube-version', '1.7'], "--kube-version '1.7' is outside the releases"],
    [['--format', 'xml'], "argument 'xml' is invalid"],
  ])('usage error %j exits 2', async (args, message) => {
    const cwd = dir('usage', { 'a.yaml': good });
    const r = await runCli(['lint', 'a.yaml', ...args], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trimEnd().split('\n'), 'one line').toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  test.each(['1.36', 'v1.30', '1.8', '1.39'])('--kube-version %s is accepted', async (version) => {
    const cwd = dir('kube-version', { 'a.yaml': good });
    expect((await lint(['a.yaml', '--kube-version', version], { cwd })).code).toBe(0);
  });

  test('a missing path is an error (exit 2) and the other paths are still linted', async () => {
    const cwd = dir('missing', { 'svc.yaml': service('nothing'), 'd.yaml': good });
    const r = await lint(['nope.yaml', '.'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: no such file or directory');
    expect(r.stdout).toContain('service-selector-mismatch');
  });

  test('nothing to lint is exit 2', async () => {
    const cwd = dir('empty', { 'README.md': '# hi\n' });
    const r = await lint(['.'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no .yaml, .yml or .json files in .');
  });
});

describe('shipshape lint: inputs', () => {
  test('a file that is not valid YAML is a yaml-syntax finding at its position; the others are linted', async () => {
    const cwd = dir('bad-yaml', { 'a-bad.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata: [\n', 'b.yaml': good, 'c.yaml': service('nothing') });
    const r = await lint(['.', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('yaml-syntax');
    expect(r.stdout).toContain('a-bad.yaml');
    expect(r.stdout).toContain('service-selector-mismatch');
  });

  test('standard input with -, together with files', async () => {
    const cwd = dir('stdin', { 'd.yaml': good });
    const r = await lint(['-', 'd.yaml'], { cwd, stdin: service('wbe') });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>');
    expect(r.stdout).toContain('service-selector-mismatch');
    const clean = await lint(['-', 'd.yaml'], { cwd, stdin: service('web') });
    expect(clean.code).toBe(0);
  });

  test('binary input is reported, not crashed on', async () => {
    const r = await lint(['-'], { cwd: root, stdin: new Uint8Array([0x61, 0x00, 0x62]) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('yaml-syntax');
  });

  test('directories are walked for .yaml, .yml and .json, skipping dot-folders and other files; symlink loops are safe', async () => {
    const cwd = dir('walk', {
      'a/one.yaml': service('x1'),
      'a/b/two.yml': service('x2').replace('name: web', 'name: web2'),
      'a/b/c/three.json': JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web3' }, spec: { selector: { app: 'x3' } } }),
      'a/notes.txt': 'apiVersion: nonsense',
      'a/.hidden/four.yaml': 'not: [valid',
      'a/.ci.yml': 'not: [valid',
      'node_modules/pkg/package.json': '{"name": "pkg"}',
      'a/node_modules/chart/five.yaml': 'not: [valid',
      'pods.yaml': good,
    });
    symlinkSync(join(cwd, 'a'), join(cwd, 'a/b/loop'));
    const r = await lint(['.', '--rule', 'service-target-port=off'], { cwd });
    expect(r.code).toBe(1);
    for (const f of ['a/one.yaml', 'a/b/two.yml', 'a/b/c/three.json']) expect(r.stdout).toContain(f);
    expect(r.stdout).not.toContain('notes.txt');
    expect(r.stdout).not.toContain('four.yaml');
    expect(r.stdout).not.toContain('.ci.yml');
    expect(r.stdout).not.toContain('node_modules');
    // Each real file once: not again through the symlink back to its folder.
    expect(r.stdout).not.toContain('loop/');
    expect(r.stdout.match(/a\/one\.yaml/g)).toHaveLength(1);
    // A folder whose files were all read through an earlier argument is not "empty"; nor is one given twice.
    const again = await lint(['a/one.yaml', 'a', 'a'], { cwd });
    expect(again.stderr).not.toMatch(/no \.yaml, \.yml or \.json files/);
    // A node_modules folder named as the path is walked.
    const named = await lint(['a/node_modules'], { cwd });
    expect(named.stdout).toContain('five.yaml');
  });

  test('files are read concurrently but reported in path order; a file reached twice is named by its first path', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`k8s/f${String(i).padStart(2, '0')}.yaml`] = `not: [valid ${i}`;
    const cwd = dir('order', files);
    symlinkSync(join(cwd, 'k8s/f07.yaml'), join(cwd, 'k8s/a-link.yaml'));
    const r = await lint(['k8s', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: { file: string; ruleId: string }[] };
    const shown = report.diagnostics.filter((d) => d.ruleId === 'yaml-syntax').map((d) => d.file);
    expect(shown).toEqual(['k8s/a-link.yaml', ...Object.keys(files).filter((f) => f !== 'k8s/f07.yaml')]);
  });

  test.skipIf(process.platform === 'win32')('a FIFO given as input is a clear error', async () => {
    const cwd = dir('fifo', { 'd.yaml': good });
    try {
      execFileSync('mkfifo', [join(cwd, 'pipe.yaml')]);
    } catch {
      return;
    }
    const r = await lint(['pipe.yaml', 'd.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pipe.yaml: not a regular file');
  });

  test('files are read through the shared file host: its size cap (as for convert and config) applies, in one line', async () => {
    const cwd = dir('size-cap', { 'd.yaml': good });
    // A sparse file just above the cap: refused by its size, never read.
    writeFileSync(join(cwd, 'big.yaml'), '');
    truncateSync(join(cwd, 'big.yaml'), DEFAULT_MAX_FILE_BYTES + 1);
    const r = await lint(['big.yaml', 'd.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`shipshape: cannot read big.yaml: larger than ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024} MB\n`);
  });

  test('a relative argument outside the working directory: every format names files relative to it', async () => {
    dir('outside/manifests', { 'svc.yaml': service('nothing'), 'd.yaml': good });
    const cwd = dir('outside/work', { 'keep.txt': '' });
    const json = await lint(['../manifests', '--format', 'json'], { cwd });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).diagnostics.map((d: { file: string }) => d.file)).toEqual(['../manifests/svc.yaml']);
    const sarif = JSON.parse((await lint(['../manifests', '--format', 'sarif'], { cwd })).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('../manifests/svc.yaml');
    expect((await lint(['../manifests', '--format', 'github'], { cwd })).stdout).toContain('file=../manifests/svc.yaml,');
    expect((await lint(['../manifests/svc.yaml', '../manifests/d.yaml'], { cwd })).stdout).toContain('../manifests/svc.yaml');
    // An absolute argument keeps absolute names outside the working directory.
    const absolute = await lint([join(root, 'outside/manifests'), '--format', 'json'], { cwd });
    expect(JSON.parse(absolute.stdout).diagnostics[0].file).toBe(join(root, 'outside/manifests/svc.yaml'));
  });

  test('paths with spaces and non-ASCII names', async () => {
    const cwd = dir('names', { 'my apps/dienst ü.yaml': service('nothing'), 'my apps/d.yaml': good });
    const r = await lint(['my apps', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0].file).toBe('my apps/dienst ü.yaml');
  });

  test('all inputs form one graph: a Service in one folder selects a Deployment in another', async () => {
    const cwd = dir('graph', { 'svc/s.yaml': service('web'), 'deploy/d.yaml': good });
    expect((await lint(['svc', 'deploy'], { cwd })).code).toBe(0);
    expect((await lint(['svc', 'deploy/d.yaml', '--namespace', 'other'], { cwd })).code).toBe(0);
  });
});

describe('shipshape lint: configuration', () => {
  test('.shipshape.yaml is found upward and applied (rules, ignore, excludes)', async () => {
    const cwd = dir('config', {
      '.shipshape.yaml': 'rules:\n  missing-replicas: error\nignore: [vendor]\nexcludes:\n  - {kind: Service, name: legacy-*}\n',
      'apps/db.yaml': noReplicas,
      'apps/svc.yaml': service('db'),
      'apps/legacy.yaml': service('nothing').replace('name: web', 'name: legacy-web'),
      'apps/vendor/broken.yaml': 'a: [',
    });
    const r = await lint(['.'], { cwd: join(cwd, 'apps') });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('missing-replicas');
    expect(r.stdout).not.toContain('yaml-syntax');
    expect(r.stdout).not.toContain('legacy');
    // A file named explicitly that an ignore pattern skips is not read, and stderr says why.
    const named = await lint(['vendor/broken.yaml'], { cwd: join(cwd, 'apps') });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/^shipshape: note: vendor\/broken\.yaml is skipped: it matches an ignore pattern of \S*\.shipshape\.yaml$/m);
  });

  test('an invalid configuration is exit 2 with positioned errors on stderr', async () => {
    const cwd = dir('bad-config', { '.shipshape.yaml': 'rules:\n  missing-replicas: loud\n', 'a.yaml': good });
    const r = await lint(['a.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.shipshape.yaml:2:21 error config');
    expect(r.stdout).toBe('');
  });

  test('--config names the file; a missing one is exit 2', async () => {
    const cwd = dir('explicit-config', { 'conf/lint.yaml': 'rules: {missing-replicas: off}\n', 'db.yaml': noReplicas, 'svc.yaml': dbService });
    const r = await lint(['.', '--config', 'conf/lint.yaml', '--max-warnings', '0'], { cwd });
    expect(r.code).toBe(0);
    const missing = await lint(['.', '--config', 'nope.yaml'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the configuration nope.yaml');
  });
});

describe('shipshape lint: output', () => {
  test('-o writes the report to a file and nothing to stdout', async () => {
    const cwd = dir('output', { 'svc.yaml': service('nothing'), 'd.yaml': good });
    const r = await lint(['.', '-o', 'report.txt'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toContain('service-selector-mismatch');
  });

  test('-o into a missing folder is exit 2', async () => {
    const cwd = dir('output-bad', { 'd.yaml': good });
    const r = await lint(['.', '-o', 'no/such/dir/report.txt'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write');
    expect(existsSync(join(cwd, 'no'))).toBe(false);
  });

  test('--quiet reports errors only and ignores warnings for the exit code', async () => {
    const cwd = dir('quiet', { 'db.yaml': noReplicas, 'svc.yaml': dbService });
    const r = await lint(['.', '--quiet', '--max-warnings', '0'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('missing-replicas');
  });

  test('--report-unused-disables', async () => {
    const cwd = dir('unused', { 'd.yaml': `# shipshape-disable missing-replicas\n${good}` });
    const r = await lint(['.', '--report-unused-disables'], { cwd });
    expect(r.stdout).toContain('unused-disable');
    expect((await lint(['.'], { cwd })).stdout).not.toContain('unused-disable');
  });

  test('--format json prints only JSON on stdout, even with warnings and notes', async () => {
    const cwd = dir('json', { 'db.yaml': noReplicas, 'svc.yaml': dbService, 'bad.yaml': 'a: [' });
    const r = await lint(['.', 'missing-dir', '--format', 'json'], { cwd });
    expect(r.code).toBe(2);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  test.each([
    ['sarif', (out: string) => expect(JSON.parse(out).version).toBe('2.1.0')],
    ['github', (out: string) => expect(out.split('\n').filter(Boolean).every((l) => /^::(error|warning|notice) /.test(l))).toBe(true)],
    ['junit', (out: string) => expect(out).toMatch(/^<\?xml[^]*<testsuites[^]*<\/testsuites>\s*$/)],
  ])('--format %s writes that format only', async (format, check) => {
    const cwd = dir(`format-${format}`, { 'db.yaml': noReplicas, 'svc.yaml': service('nothing') });
    const r = await lint(['.', '--format', format], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    check(r.stdout);
  });

  test('colours: FORCE_COLOR and --color turn them on, NO_COLOR and --no-color off', async () => {
    const cwd = dir('colours', { 'svc.yaml': service('nothing'), 'd.yaml': good });
    const ansi = /\u001b\[/;
    expect((await lint(['.'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await lint(['.'], { cwd, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await lint(['.', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await lint(['.', '--color'], { cwd, env: { NO_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await lint(['.'], { cwd, env: {}, tty: true })).stdout).toMatch(ansi);
    // FORCE_COLOR=0 turns colour off even on a terminal.
    expect((await lint(['.'], { cwd, env: { FORCE_COLOR: '0' }, tty: true })).stdout).not.toMatch(ansi);
  });

  test('json: every finding with ruleId, position, object and path', async () => {
    const cwd = dir('json-shape', { 'svc.yaml': service('wbe'), 'd.yaml': good, 'bad.yaml': 'a: [' });
    const r = await lint(['.', '--format', 'json'], { cwd });
    const report = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; file: string; line: number; column: number; object: unknown; path: unknown }[] };
    expect(report.diagnostics.map((d) => [d.ruleId, d.file, d.line, d.column])).toEqual([
      ['yaml-syntax', 'bad.yaml', 1, 5],
      ['service-selector-mismatch', 'svc.yaml', 5, 19],
    ]);
    expect(report.diagnostics[1]).toMatchObject({ object: { kind: 'Service', name: 'web', namespace: 'default' }, path: ['spec', 'selector', 'app'] });
  });

  test('--format accepts exactly the registered formatters', () => {
    expect([...LINT_FORMATS]).toEqual([...formatNames]);
  });

  test.each([...formatNames])('--format %s loads the registered formatter alone (cold start)', async (name) => {
    expect(await loadFormatter(name)).toBe(formatters[name]);
  });
});

describe('syncFileHost answers as fileHost', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-sync-host-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'a.yaml'), 'a: 1\n');
  writeFileSync(join(root, 'big.yaml'), 'x'.repeat(100));
  mkdirSync(join(root, 'dir'));
  writeFileSync(join(root, 'dir', 'b.yml'), 'b: 2\n');
  writeFileSync(join(root, 'dir', 'a.json'), '{}');
  symlinkSync('loop.yaml', join(root, 'loop.yaml'));
  symlinkSync('gone.yaml', join(root, 'dangling.yaml'));
  symlinkSync('dir', join(root, 'link'));
  const fifo = process.platform !== 'win32' && (() => {
    try {
      execFileSync('mkfifo', [join(root, 'fifo.yaml')]);
      return true;
    } catch {
      return false;
    }
  })();
  const names = ['a.yaml', 'big.yaml', 'dir', 'dir/b.yml', 'loop.yaml', 'dangling.yaml', 'link', 'link/b.yml', 'missing.yaml', ...(fifo ? ['fifo.yaml'] : [])];

  test.each(names)('%s: readFile, stat, readDir and realPath give the same answers', async (name) => {
    const path = join(root, name);
    for (const options of [{}, { maxBytes: 50 }]) {
      const [a, b] = [fileHost(options), syncFileHost(options)];
      expect(await b.readFile(path)).toEqual(await a.readFile(path));
      expect(await b.stat(path)).toEqual(await a.stat(path));
      expect(await b.readDir(path)).toEqual(await a.readDir(path));
      expect(await b.realPath(path)).toEqual(await a.realPath(path));
    }
  });
});
