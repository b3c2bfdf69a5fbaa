// `npm run bench`: generate inputs in a temporary folder, measure shipshape against the floors, check the budgets
// (docs/performance.md), print a table and write bench/results.json. Needs the build (dist/), as `npm install` does.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changedApps, writeCompose, writeManifestSet } from './generate.mjs';
import { jsYamlFloor, jsYamlFloorPass, paired, runOnce, timeNode, yamlFloor } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'shipshape.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [5000, 10000, 20000];

if (!existsSync(join(ROOT, 'dist', 'shipshape-cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const log = (s) => process.stderr.write(`${s}\n`);

const objectsOf = (n) => Math.ceil(n / 6) * 6;
const sets = {};
for (const n of SIZES) sets[n] = writeManifestSet(join(work, `set-${n}`), n) && join(work, `set-${n}`);
const changed = changedApps(10000);
writeManifestSet(join(work, 'set-10000-b'), 10000, { changed });
writeManifestSet(join(work, 'small'), 6);
const small = join(work, 'small', 'group-000', 'apps-0000.yaml');
const compose = writeCompose(join(work, 'compose'), 500);

const r = { machine: { nproc: cpus().length, cpu: cpus()[0]?.model, node: process.version }, runs: RUNS };
log('floors…');
r.nodeStart = timeNode(['-e', '0'], { runs: RUNS * 2 });
r.jsYaml10k = jsYamlFloor(sets[10000], RUNS);
r.yaml10k = yamlFloor(sets[10000], Math.min(RUNS, 3));
r.lint = {};
for (const n of SIZES) {
  log(`lint ${n}…`);
  const m = timeNode([BIN, 'lint', sets[n]], { runs: n > 10000 ? Math.min(RUNS, 3) : RUNS, okCodes: [0, 1], rss: true });
  r.lint[n] = { ...m, objects: objectsOf(n), objectsPerSecond: Math.round(objectsOf(n) / (m.ms / 1000)) };
}
log('cold start…');
r.version = timeNode([BIN, '--version'], { runs: RUNS * 2 });
r.lintSmall = timeNode([BIN, 'lint', small], { runs: RUNS * 2, okCodes: [0, 1] });
log('paired ratios…');
// The budgets that are ratios, measured in pairs (see `paired`): lint 10k against the js-yaml floor run in
// the same seconds, and lint small.yaml against `node -e 0`.
r.pairedLint10k = paired(() => runOnce([BIN, 'lint', sets[10000]], [0, 1]), jsYamlFloorPass(sets[10000]), RUNS);
r.pairedSmall = paired(() => runOnce([BIN, 'lint', small], [0, 1]), () => runOnce(['-e', '0']), RUNS * 2);
log('convert, diff…');
r.convert500 = timeNode([BIN, 'convert', '-f', compose, '-o', join(work, 'out')], { runs: RUNS, okCodes: [0, 1] });
r.diff10k = timeNode([BIN, 'diff', sets[10000], join(work, 'set-10000-b')], { runs: RUNS, okCodes: [0, 1] });

const lint10 = r.lint[10000].ms;
const ms = (v) => `${Math.round(v)} ms`;
r.budgets = [
  ['lint 10k objects/s', `${r.lint[10000].objectsPerSecond}/s`, '≥ 10000/s', r.lint[10000].objectsPerSecond >= 10000],
  ['lint 10k / js-yaml floor (paired)', r.pairedLint10k.ratio.toFixed(2), '≤ 3', r.pairedLint10k.ratio <= 3],
  ['scaling t(20k)/t(10k)', (r.lint[20000].ms / lint10).toFixed(2), '≤ 2.2', r.lint[20000].ms / lint10 <= 2.2],
  ['peak RSS lint 10k', `${r.lint[10000].rssMB} MB`, '< 500 MB', r.lint[10000].rssMB < 500],
  ['--version − node -e 0', ms(r.version.ms - r.nodeStart.ms), '≤ 60 ms', r.version.ms - r.nodeStart.ms <= 60],
  ['lint small − node -e 0 (paired)', ms(r.pairedSmall.difference), '≤ 150 ms', r.pairedSmall.difference <= 150],
  ['convert 500 services', ms(r.convert500.ms), '< 1000 ms', r.convert500.ms < 1000],
  ['diff 10k / lint 10k', (r.diff10k.ms / lint10).toFixed(2), '< 2', r.diff10k.ms / lint10 < 2],
].map(([name, value, budget, pass]) => ({ name, value, budget, pass }));

const rows = [
  ['node -e 0', ms(r.nodeStart.ms)],
  ['js-yaml loadAll 10k (floor)', ms(r.jsYaml10k.ms)],
  ['yaml parseAllDocuments+toJS 10k', ms(r.yaml10k.ms)],
  ...SIZES.map((n) => [`lint ${n}`, `${ms(r.lint[n].ms)}  ${r.lint[n].objectsPerSecond}/s  ${r.lint[n].rssMB} MB  ${(r.lint[n].ms / r.jsYaml10k.ms * 10000 / n).toFixed(2)}× floor`]),
  ['--version', ms(r.version.ms)],
  ['lint small.yaml', ms(r.lintSmall.ms)],
  ['convert 500 services', ms(r.convert500.ms)],
  ['diff 10k vs 10k (1%)', ms(r.diff10k.ms)],
  ['lint 10k / floor, paired runs', r.pairedLint10k.ratios.join(' ')],
  ['lint small / node -e 0, paired runs', r.pairedSmall.ratios.join(' ')],
];
console.log(`\nmachine: ${r.machine.nproc} cores, ${r.machine.cpu}, node ${r.machine.node}; medians of ${RUNS} runs\n`);
console.log('| measurement | result |\n|---|---|');
for (const [a, b] of rows) console.log(`| ${a} | ${b} |`);
console.log('\n| budget | measured | target | |\n|---|---|---|---|');
for (const b of r.budgets) console.log(`| ${b.name} | ${b.value} | ${b.budget} | ${b.pass ? 'PASS' : 'FAIL'} |`);
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(r, null, 2)}\n`);
process.exitCode = r.budgets.every((b) => b.pass) ? 0 : 1;
