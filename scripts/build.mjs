#!/usr/bin/env node
// Build: generate precompiled validators into generated/, compile TypeScript to dist/ (the library and its types),
// then bundle the CLI into dist/shipshape-cli.js and its lazily loaded chunks (what bin/shipshape.js runs).
// Runs on `npm install` / `npm ci` (prepare). `--schemas-only` skips the TypeScript compile (tests use src/).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

import { build as buildCompose } from './schemas/compose.mjs';
import { build as buildKubernetes } from './schemas/kubernetes.mjs';
import { build as buildProject } from './schemas/project.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'generated');
const schemasOnly = process.argv.includes('--schemas-only');

rmSync(join(out, '.complete'), { force: true });
mkdirSync(out, { recursive: true });
/** Explicit list of generators; each writes its files below generated/. */
const generators = [
  ['compose', buildCompose],
  ['kubernetes', buildKubernetes],
  ['project', buildProject],
];
for (const [name, build] of generators) {
  const started = Date.now();
  await build({ root, out });
  process.stderr.write(`shipshape build: ${name} validators (${Date.now() - started} ms)\n`);
}
writeFileSync(join(out, '.complete'), '');

if (!schemasOnly) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  await bundleCli();
}

/**
 * One bundle for the CLI: Node 20 spends about a millisecond on each ES module it loads, and the lint command
 * alone imports ~90 of them plus its dependencies. The bundle keeps the lazy imports lazy (each becomes a chunk
 * loaded on first use) and sits directly in dist/, one level below the package root like dist/generated.js and
 * dist/package-info.js, whose paths to generated/ and package.json it keeps.
 */
async function bundleCli() {
  const started = Date.now();
  const dist = join(root, 'dist');
  for (const name of readdirSync(dist)) {
    if (name.startsWith('shipshape-cli')) rmSync(join(dist, name));
  }
  const { build } = await import('rolldown');
  await build({
    input: { 'shipshape-cli': join(dist, 'cli', 'bin.js') },
    platform: 'node',
    external: [/^node:/],
    logLevel: 'warn',
    output: { dir: dist, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'shipshape-cli-[name]-[hash].js' },
  });
  process.stderr.write(`shipshape build: CLI bundle (${Date.now() - started} ms)\n`);
}
