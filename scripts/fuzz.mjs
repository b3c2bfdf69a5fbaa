#!/usr/bin/env node
// `npm run fuzz`: the property tests of test/property/ (and the hostile-input suite's generators) run
// longer, with a fresh seed each time unless one is given. Same properties as CI, more runs:
//
//   npm run fuzz                         2000 runs per property, a random seed (printed)
//   npm run fuzz -- --runs 20000         more runs
//   npm run fuzz -- --seed 42            replay a seed (add --path from a failure report to replay one case)
//   npm run fuzz -- --runs 500 convert   only property files whose name matches "convert"
//
// It runs vitest on the TypeScript sources (no build needed) with FUZZ_RUNS / FUZZ_SEED / FUZZ_PATH set;
// test/property/settings.ts turns them into fast-check parameters and lifts the per-test timeout.
// Exit code: vitest's (0 when every property held).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const options = { runs: '2000', seed: String(Math.floor(Math.random() * 2 ** 31)), path: undefined };
const filters = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const name = /^--(runs|seed|path)$/.exec(arg)?.[1];
  if (name) {
    const value = args[++i];
    if (value === undefined || (name !== 'path' && !/^\d+$/.test(value))) {
      process.stderr.write(`fuzz: ${arg} expects a whole number\n`);
      process.exit(2);
    }
    options[name] = value;
  } else if (arg === '--help' || arg === '-h') {
    process.stdout.write('usage: npm run fuzz -- [--runs N] [--seed N] [--path P] [FILE-FILTER...]\n');
    process.exit(0);
  } else {
    filters.push(arg);
  }
}

process.stderr.write(`fuzz: ${options.runs} runs per property, seed ${options.seed}${options.path ? `, path ${options.path}` : ''}\n`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const paths = filters.length > 0 ? filters.map((f) => `test/property/${f}`) : ['test/property/'];
const result = spawnSync(process.execPath, [vitest, 'run', ...paths], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: options.runs, FUZZ_SEED: options.seed, ...(options.path ? { FUZZ_PATH: options.path } : {}) },
});
if (result.status !== 0) {
  process.stderr.write(`fuzz: a property failed; replay with: npm run fuzz -- --runs ${options.runs} --seed ${options.seed} (and --path from the report)\n`);
}
process.exit(result.status ?? 2);
