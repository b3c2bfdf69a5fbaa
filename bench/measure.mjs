// Timing primitives: medians of child-process runs (wall time, peak RSS) and of in-process floors.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';

const RSS_RUNNER = fileURLToPath(new URL('./rss-runner.mjs', import.meta.url));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Run `node args…` once; `okCodes` are the exit codes that mean it worked (lint exits 1 on planted faults). */
export function runOnce(args, okCodes = [0], env = process.env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okCodes.includes(result.status)) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 400)}`);
  }
  return ms;
}

/**
 * Median wall time (ms) of `node args…` over `runs` runs after one warm-up (file cache), and its peak RSS (MB)
 * from one more run under a wrapper that reports process.resourceUsage().maxRSS on exit.
 */
export function timeNode(args, { runs = 5, okCodes = [0], rss = false } = {}) {
  runOnce(args, okCodes, process.env);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(runOnce(args, okCodes, process.env));
  const out = { ms: median(times), runs: times.map((t) => Math.round(t)) };
  if (rss) out.rssMB = peakRss(args, okCodes);
  return out;
}

function peakRss(args, okCodes) {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-rss-'));
  const file = join(dir, 'rss');
  try {
    runOnce([RSS_RUNNER, ...args], okCodes, { ...process.env, SHIPSHAPE_BENCH_RSS: file });
    return Math.round(Number(readFileSync(file, 'utf8')) / 1024);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function yamlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (entry.name.endsWith('.yaml')) out.push(path);
  }
  return out.sort();
}

function timeInProcess(fn, runs) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), runs: times.map((t) => Math.round(t)) };
}

/** Read every file of `dir` and parse it with js-yaml's loadAll: the fastest parse in JavaScript. */
export function jsYamlFloor(dir, runs) {
  return timeInProcess(jsYamlPass(dir), runs);
}

function jsYamlPass(dir) {
  const files = yamlFiles(dir);
  return () => {
    let n = 0;
    for (const f of files) jsYaml.loadAll(readFileSync(f, 'utf8'), () => n++);
    return n;
  };
}

/**
 * Ratios measured in pairs, each pair within the same few seconds: `a` (a child process) against `b` (another
 * child process, or the in-process js-yaml floor). On a shared machine the speed drifts by tens of percent
 * within minutes; a ratio of two medians taken minutes apart moves with it, the median of paired ratios much
 * less. Returns the medians of a/b and of a−b (ms).
 */
export function paired(a, b, runs) {
  a();
  b();
  const ratios = [];
  const differences = [];
  for (let i = 0; i < runs; i++) {
    const x = a();
    const y = b();
    ratios.push(x / y);
    differences.push(x - y);
  }
  return { ratio: median(ratios), difference: median(differences), ratios: ratios.map((v) => Number(v.toFixed(2))) };
}

/** One timed pass of the js-yaml floor over `dir` (ms), for `paired`. */
export function jsYamlFloorPass(dir) {
  const pass = jsYamlPass(dir);
  return () => {
    const start = process.hrtime.bigint();
    pass();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
}

/** Read and parse with yaml's full Document model (positions via a LineCounter), then toJS. */
export function yamlFloor(dir, runs) {
  const files = yamlFiles(dir);
  return timeInProcess(() => {
    let n = 0;
    for (const f of files) {
      const lineCounter = new LineCounter();
      for (const doc of parseAllDocuments(readFileSync(f, 'utf8'), { lineCounter })) {
        doc.toJS();
        n++;
      }
    }
    return n;
  }, runs);
}
