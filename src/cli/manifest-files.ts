/**
 * The files `shipshape lint` reads: explicit files as given, directories walked recursively for
 * `.yaml`, `.yml` and `.json` (dot-folders and dot-files skipped), each real file once (symlink loops are safe),
 * minus the config file's `ignore` globs.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileHost } from '../host.js';
import { pathIgnored } from '../lint/glob.js';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export interface FoundFiles {
  /** Absolute paths, in a stable order (arguments in order, directories sorted). */
  files: string[];
  /** One line per path that could not be used (missing, not a file). */
  problems: string[];
  /** Directories in which nothing was found (a note for stderr). */
  empty: string[];
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
  const found: FoundFiles = { files: [], problems: [], empty: [], shown: new Map() };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const ignored = (absolute: string): boolean => {
    if (options.ignore.length === 0) return false;
    const rel = toPosix(relative(options.ignoreBase, absolute));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return pathIgnored(rel, options.ignore);
  };
  const addFile = async (given: string, absolute: string): Promise<void> => {
    const real = (await host.realPath(absolute)) ?? absolute;
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
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
      // An explicit file is read whatever its extension, unless the config ignores it.
      if (!ignored(absolute)) await addFile(given, absolute);
      continue;
    }
    if (info.kind === 'other') {
      found.problems.push(`${given}: not a regular file or directory (a FIFO, socket or device)`);
      continue;
    }
    const before = found.files.length;
    await walk(host, absolute, seenDirs, ignored, (path) => addFile(given, path));
    if (found.files.length === before) found.empty.push(given);
  }
  return found;
}

async function walk(
  host: FileHost,
  dir: string,
  seenDirs: Set<string>,
  ignored: (path: string) => boolean,
  addFile: (path: string) => Promise<void>,
): Promise<void> {
  const real = (await host.realPath(dir)) ?? dir;
  // Each real folder is walked once: a symlink back to a folder being walked cannot loop.
  if (seenDirs.has(real)) return;
  seenDirs.add(real);
  for (const name of await host.readDir(dir)) {
    const path = resolve(dir, name);
    if (ignored(path)) continue;
    const info = await host.stat(path);
    if (!info) continue; // a dangling symlink
    // Dot-folders (.git, .github) and dot-files (.shipshape.yaml, .gitlab-ci.yml) are not manifests.
    if (name.startsWith('.')) continue;
    if (info.kind === 'directory') {
      await walk(host, path, seenDirs, ignored, addFile);
    } else if (info.kind === 'file' && isManifestName(name)) {
      await addFile(path);
    }
  }
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
