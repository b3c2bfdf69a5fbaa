/**
 * Which Compose files make the project, as docker compose decides: the `-f` files (`-` is standard
 * input); else `COMPOSE_FILE` (split on `COMPOSE_PATH_SEPARATOR`, `:` by default); else the first of
 * compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml in the working directory or the
 * nearest parent directory holding one, plus its compose.override.* file.
 */
import { posix } from 'node:path';
import type { LoaderContext } from './loader-context.js';
import { UNREADABLE, type FileRef } from './read.js';
import { lookupIn, type Environment } from './variables.js';

export const NO_COMPOSE_FILE = 'compose/no-file';
export const SEVERAL_COMPOSE_FILES = 'compose/several-files';

export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;
export const OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'] as const;

export interface NamedFile {
  ref: FileRef;
  /** As the user named it (a `-f` value, a COMPOSE_FILE entry) or as found (relative to the working directory). */
  name: string;
}

/** The project's files, or an empty list after reporting that there are none. */
export async function discoverFiles(given: readonly string[], env: Environment, ctx: LoaderContext): Promise<NamedFile[]> {
  if (given.length > 0) return given.map((f) => named(f, ctx.cwd));
  const lookup = lookupIn(env);
  const fromEnv = lookup('COMPOSE_FILE');
  if (fromEnv) {
    const separator = lookup('COMPOSE_PATH_SEPARATOR') || ':';
    const files = fromEnv.split(separator).filter((f) => f !== '');
    if (files.length > 0) return files.map((f) => named(f, ctx.cwd));
  }
  for (let dir = ctx.cwd; ; dir = posix.dirname(dir)) {
    const found = await existing(DEFAULT_FILE_NAMES, dir, ctx);
    if (found.length > 0) {
      if (found.length > 1) severalFiles(found, ctx);
      const overrides = await existing(OVERRIDE_FILE_NAMES, dir, ctx);
      if (overrides.length > 1) severalFiles(overrides, ctx);
      return [found[0]!, ...overrides.slice(0, 1)].map((path) => ({ ref: { kind: 'file', path }, name: shown(ctx.cwd, path) }));
    }
    if (posix.dirname(dir) === dir) break;
  }
  ctx.unreadable = true;
  ctx.report({
    code: NO_COMPOSE_FILE,
    messageId: UNREADABLE,
    severity: 'error',
    message: `no Compose file found in ${ctx.cwd} or its parent directories (looked for ${DEFAULT_FILE_NAMES.join(', ')})`,
    hint: 'Name the files with -f, or set COMPOSE_FILE.',
    file: ctx.cwd,
    line: 1,
    column: 1,
  });
  return [];
}

function named(file: string, cwd: string): NamedFile {
  return file === '-' ? { ref: { kind: 'stdin' }, name: '-' } : { ref: { kind: 'file', path: posix.resolve(cwd, file) }, name: file };
}

async function existing(names: readonly string[], dir: string, ctx: LoaderContext): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const path = posix.join(dir, name);
    if ((await ctx.host.stat(path))?.kind === 'file') out.push(path);
  }
  return out;
}

function severalFiles(paths: readonly string[], ctx: LoaderContext): void {
  ctx.report({
    code: SEVERAL_COMPOSE_FILES,
    severity: 'warning',
    message: `found several Compose files with supported names (${paths.map((p) => posix.basename(p)).join(', ')}); using ${posix.basename(paths[0]!)}`,
    hint: 'Remove or rename the others, or name the file with -f.',
    file: paths[0]!,
    line: 1,
    column: 1,
  });
}

function shown(cwd: string, path: string): string {
  const rel = posix.relative(cwd, path);
  return rel === '' ? path : rel;
}
