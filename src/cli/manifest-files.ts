/**
 * The files `shipshape lint` reads: explicit files as given, directories walked recursively for
 * `.yaml`, `.yml` and `.json` (dot-folders and dot-files skipped), each real file once (symlink loops are safe),
 * minus the config file's `ignore` globs. A manifest-named entry that cannot be followed (a symlink loop, a
 * dangling symlink) is a problem, not skipped: the user expects it to be checked. The entries of a directory
 * are inspected concurrently (docs/performance.md); the order of the result does not depend on timing.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileHost } from '../host.js';
import { pathIgnored } from '../lint/glob.js';
import { FILE_CONCURRENCY, mapConcurrent } from './concurrent.js';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export interface FoundFiles {
  /** Absolute paths, in a stable order (arguments in order, directories sorted). */
  files: string[];
  /** One line per path that could not be used (missing, not a file). */
  problems: string[];
  /** Directories in which nothing was found (a note for stderr). */
  empty: string[];
  /** Files named explicitly that an `ignore` pattern of the configuration skips (a note for stderr). */
  ignored: string[];
  /** How each file is named in reports: see `shownPath` (by absolute path, as in `files`). */
  shown: Map<string, string>;
}

export interface FindOptions {
  cwd: string;
  /** Globs relative to `ignoreBase` (the config file's folder). */
  ignore: readonly string[];
  ignoreBase: string;
}

function isManifestName(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export async function findManifestFiles(host: FileHost, paths: readonly string[], options: FindOptions): Promise<FoundFiles> {
  const found: FoundFiles = { files: [], problems: [], empty: [], ignored: [], shown: new Map() };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const ignored = (absolute: string): boolean => {
    if (options.ignore.length === 0) return false;
    const rel = toPosix(relative(options.ignoreBase, absolute));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return pathIgnored(rel, options.ignore);
  };
  const addFile = (given: string, absolute: string, real: string | undefined): void => {
    const key = real ?? absolute;
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    found.files.push(absolute);
    found.shown.set(absolute, shownPath(options.cwd, given, absolute));
  };

  for (const given of paths) {
    const absolute = resolve(options.cwd, given);
    const info = await host.stat(absolute);
    if (!info) {
      found.problems.push(`${given}: no such file or directory`);
      continue;
    }
    if (info.kind === 'file') {
      // An explicit file is read whatever its extension, unless the config ignores it (said on stderr).
      if (ignored(absolute)) found.ignored.push(given);
      else addFile(given, absolute, await host.realPath(absolute));
      continue;
    }
    if (info.kind === 'other') {
      found.problems.push(`${given}: not a regular file or directory (a FIFO, socket or device)`);
      continue;
    }
    // Empty: no manifest file at all (one already read through another argument still counts as found).
    let manifests = 0;
    const walkedBefore = seenDirs.has((await host.realPath(absolute)) ?? absolute);
    await walk(host, absolute, seenDirs, ignored, {
      file: (path, real) => {
        manifests++;
        addFile(given, path, real);
      },
      broken: (path, reason) => found.problems.push(`cannot read ${shownPath(options.cwd, given, path)}: ${reason}`),
    });
    if (manifests === 0 && !walkedBefore) found.empty.push(given);
  }
  return found;
}

interface WalkSink {
  file(path: string, real: string | undefined): void;
  /** A manifest-named entry that cannot be followed. */
  broken(path: string, reason: string): void;
}

interface Entry {
  path: string;
  name: string;
  kind: 'file' | 'directory' | 'other' | 'broken';
  real?: string;
  reason?: string;
}

async function walk(host: FileHost, dir: string, seenDirs: Set<string>, ignored: (path: string) => boolean, sink: WalkSink): Promise<void> {
  const real = (await host.realPath(dir)) ?? dir;
  // Each real folder is walked once: a symlink back to a folder being walked cannot loop.
  if (seenDirs.has(real)) return;
  seenDirs.add(real);
  // Dot-folders (.git, .github) and dot-files (.shipshape.yaml, .gitlab-ci.yml) are not manifests, nor are the
  // package.json files of installed npm packages (a folder given by name is still walked).
  const names = (await host.readDir(dir)).filter((name) => !name.startsWith('.') && name !== 'node_modules');
  const candidates = names.map((name) => ({ name, path: resolve(dir, name) })).filter((e) => !ignored(e.path));
  const entries = await mapConcurrent(candidates, FILE_CONCURRENCY, (e) => inspect(host, e.path, e.name));
  // Sequential from here: which path names a file reached twice depends on the order, never on timing.
  for (const entry of entries) {
    if (entry.kind === 'directory') await walk(host, entry.path, seenDirs, ignored, sink);
    else if (entry.kind === 'file') sink.file(entry.path, entry.real);
    else if (entry.kind === 'broken') sink.broken(entry.path, entry.reason!);
  }
}

/** What a directory entry is; a manifest file's real path is resolved here too (concurrently). */
async function inspect(host: FileHost, path: string, name: string): Promise<Entry> {
  const manifest = isManifestName(name);
  const info = await host.stat(path);
  if (!info) {
    // stat follows symlinks: only a symlink loop or a dangling symlink gets here. Ask why by opening it.
    if (!manifest) return { path, name, kind: 'other' };
    const read = await host.readFile(path);
    if (read.ok) return { path, name, kind: 'file', real: await host.realPath(path) }; // fixed in the meantime
    const reason = read.reason === 'missing' ? 'a dangling symbolic link (its target does not exist)' : readProblem(path, read.message);
    return { path, name, kind: 'broken', reason };
  }
  if (info.kind === 'directory') return { path, name, kind: 'directory' };
  if (info.kind === 'file' && manifest) return { path, name, kind: 'file', real: await host.realPath(path) };
  return { path, name, kind: 'other' };
}

/** A FileHost message without the path it starts with (`/abs/a.yaml is larger than 64 MB` → `larger than 64 MB`). */
export function readProblem(path: string, message: string): string {
  if (message.startsWith(`${path}: `)) return message.slice(path.length + 2);
  if (message.startsWith(`${path} is `)) return message.slice(path.length + 4);
  return message;
}

/**
 * How a file found from the argument `given` is named in reports: relative to the working directory when
 * the argument was relative (`../shared/k8s/a.yaml` for `../shared/k8s`), else as `displayPath` shows it
 * (relative inside the working directory, absolute outside); `/`-separated.
 */
export function shownPath(cwd: string, given: string, absolute: string): string {
  if (isAbsolute(given)) return displayPath(cwd, absolute);
  const rel = relative(cwd, absolute);
  return toPosix(rel === '' || isAbsolute(rel) ? absolute : rel);
}

/** How a path is shown: relative to the working directory when inside it, else absolute; `/`-separated. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return toPosix(rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel);
}
