#!/usr/bin/env node
// Build: compile TypeScript to dist/ and generate precompiled validators into generated/.
// Runs on `npm install` / `npm ci` (prepare). `--schemas-only` skips the TypeScript compile (tests use src/).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
}
