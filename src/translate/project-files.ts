/**
 * Reading the project's files for the converter (bind-mounted files, secret and config files), only through
 * ctx.options.host and only inside the project directory (ctx.project.workingDir): a path that leaves it —
 * by `..`, as an absolute path, or through a symbolic link (resolved with host.realPath) — is a positioned
 * `convert/outside-project` error unless ctx.options.allowOutsideProject. Nothing outside the project is
 * even looked at (stat) without that option, so the output never depends on what happens to exist there.
 *
 * A directory is read whole, recursively, up to a total size (the caller's limit) and MAX_DIRECTORY_ENTRIES
 * entries: more is reported to the caller as too large, never read on. Symbolic links inside it are followed
 * only while they stay inside.
 */
import { posix } from 'node:path';
import { isWithin, type FileStat } from '../host.js';
import type { At, ReportExtras, TranslateContext } from './context.js';

export const OUTSIDE_PROJECT = 'convert/outside-project';

/** The most files and directories a mounted directory may hold to be read (more is too large, whatever the sizes). */
export const MAX_DIRECTORY_ENTRIES = 1000;


export type Located =
  | { kind: 'found'; /** The path with symlinks resolved. */ real: string; stat: FileStat }
  | { kind: 'missing' }
  /** Outside the project: reported (an error) by locate. */
  | { kind: 'refused' };

const projectRoots = new WeakMap<TranslateContext, Promise<string>>();

/** The project directory with its symlinks resolved (computed once per run). */
function projectRoot(ctx: TranslateContext): Promise<string> {
  let root = projectRoots.get(ctx);
  if (!root) {
    const dir = posix.normalize(ctx.project.workingDir);
    root = ctx.options.host.realPath(dir).then((real) => real ?? dir);
    projectRoots.set(ctx, root);
  }
  return root;
}

/** Whether `resolved` (an absolute host path) is inside the project as written, before symlinks. */
export function isInProject(ctx: TranslateContext, resolved: string): boolean {
  return isWithin(posix.normalize(ctx.project.workingDir), posix.normalize(resolved));
}

/**
 * Find `resolved` for reading: `what` names it in the error (`the bind mount source ./x`). An error at `at`
 * when it is outside the project (unless allowed); `missing` is left to the caller to report.
 */
export async function locate(ctx: TranslateContext, resolved: string, at: At, what: string, extras: ReportExtras = {}): Promise<Located> {
  const path = posix.normalize(resolved);
  const allowed = ctx.options.allowOutsideProject;
  if (!allowed && !isInProject(ctx, path)) {
    refuse(ctx, at, `${what} is outside the project directory`, extras);
    return { kind: 'refused' };
  }
  const real = await ctx.options.host.realPath(path);
  if (real === undefined) return { kind: 'missing' };
  if (!allowed && !isWithin(await projectRoot(ctx), real)) {
    refuse(ctx, at, `${what} is a symbolic link to a path outside the project directory`, extras);
    return { kind: 'refused' };
  }
  const stat = await ctx.options.host.stat(real);
  return stat === undefined ? { kind: 'missing' } : { kind: 'found', real, stat };
}

/** Report a path outside the project (an error): `message` says what it is and how it leaves. */
export function refuse(ctx: TranslateContext, at: At, message: string, extras: ReportExtras): void {
  ctx.error(OUTSIDE_PROJECT, at, `${message}: shipshape reads files only inside the project directory`, {
    ...extras,
    hint: 'move the file into the project directory, or pass --allow-outside-project to read it anyway',
  });
}

/** One file of a directory (or the file itself), by its path relative to the mounted directory. */
export interface ProjectFile {
  /** `a/b.conf` relative to the directory read; the file name for a single file. */
  relative: string;
  bytes: Uint8Array;
}

export type ReadResult =
  | { kind: 'read'; files: ProjectFile[]; size: number }
  /** `size` is what was counted before giving up (at least the limit); `entries` when the count gave up. */
  | { kind: 'too-large'; size: number; entries?: number }
  | { kind: 'unreadable'; message: string }
  /** A symbolic link inside the directory leads out of the project (`relative` names it). */
  | { kind: 'outside'; relative: string };

/** Read a located file, or every file below a located directory, as long as their total stays within `limit` bytes. */
export async function readLocated(ctx: TranslateContext, found: Extract<Located, { kind: 'found' }>, name: string, limit: number): Promise<ReadResult> {
  if (found.stat.kind === 'file') {
    if (found.stat.size > limit) return { kind: 'too-large', size: found.stat.size };
    const read = await ctx.options.host.readFile(found.real);
    if (!read.ok) return read.reason === 'too-large' ? { kind: 'too-large', size: found.stat.size } : { kind: 'unreadable', message: read.message };
    if (read.bytes.length > limit) return { kind: 'too-large', size: read.bytes.length };
    return { kind: 'read', files: [{ relative: name, bytes: read.bytes }], size: read.bytes.length };
  }
  if (found.stat.kind !== 'directory') return { kind: 'unreadable', message: `${name} is neither a file nor a directory` };
  const walk = new DirectoryWalk(ctx, limit);
  await walk.directory(found.real, '');
  if (walk.size > limit) return { kind: 'too-large', size: walk.size };
  if (walk.entries > MAX_DIRECTORY_ENTRIES) return { kind: 'too-large', size: walk.size, entries: walk.entries };
  if (walk.outside !== undefined) return { kind: 'outside', relative: walk.outside };
  if (walk.failure !== undefined) return { kind: 'unreadable', message: walk.failure };
  return { kind: 'read', files: walk.files, size: walk.size };
}

class DirectoryWalk {
  readonly files: ProjectFile[] = [];
  size = 0;
  entries = 0;
  failure: string | undefined;
  outside: string | undefined;
  private readonly visited = new Set<string>();

  constructor(
    private readonly ctx: TranslateContext,
    private readonly limit: number,
  ) {}

  async directory(real: string, relative: string): Promise<void> {
    if (this.visited.has(real)) return; // a symlink loop
    this.visited.add(real);
    const host = this.ctx.options.host;
    for (const entry of await host.readDir(real)) {
      if (this.size > this.limit || this.failure !== undefined || this.outside !== undefined) return;
      if (++this.entries > MAX_DIRECTORY_ENTRIES) return;
      const rel = relative === '' ? entry : `${relative}/${entry}`;
      const target = await host.realPath(posix.join(real, entry));
      // A dangling link is skipped; a link leaving the project is never followed (the caller checked the directory).
      if (target === undefined) continue;
      if (!this.ctx.options.allowOutsideProject && !isWithin(await projectRoot(this.ctx), target)) {
        this.outside = rel;
        return;
      }
      const stat = await host.stat(target);
      if (stat?.kind === 'directory') await this.directory(target, rel);
      else if (stat?.kind === 'file') await this.file(target, rel, stat.size);
    }
  }

  private async file(real: string, relative: string, size: number): Promise<void> {
    this.size += size;
    if (this.size > this.limit) return;
    const read = await this.ctx.options.host.readFile(real);
    if (!read.ok) {
      this.failure = read.message;
      return;
    }
    this.size += read.bytes.length - size;
    this.files.push({ relative, bytes: read.bytes });
  }
}
