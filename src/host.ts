/**
 * The file system as the pure stages see it: handed in by src/cli/ (real disk) or by tests (memory).
 * Nothing below src/cli/ imports node:fs. Paths are absolute; results never throw.
 */
import { posix } from 'node:path';

/** Whether `path` is `dir` itself or below it (both absolute, normalized). */
export function isWithin(dir: string, path: string): boolean {
  const rel = posix.relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !posix.isAbsolute(rel));
}

export type FileRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'missing' | 'directory' | 'unreadable' | 'not-a-file' | 'too-large'; message: string };

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
}

export interface FileHost {
  readFile(path: string): Promise<FileRead>;
  /** `undefined` when the path does not exist. Follows symlinks. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Entry names of a directory, sorted; empty when it cannot be read. */
  readDir(path: string): Promise<string[]>;
  /** The path with every symlink resolved; `undefined` when it does not exist. */
  realPath(path: string): Promise<string | undefined>;
}

/** A FileHost over an in-memory map of absolute path → content, for tests and library users. */
export function memoryHost(files: Readonly<Record<string, string | Uint8Array>>): FileHost {
  const encoder = new TextEncoder();
  const norm = (p: string) => p.replace(/\/+$/, '') || '/';
  const isDir = (p: string) => Object.keys(files).some((f) => f.startsWith(`${norm(p)}/`));
  return {
    async readFile(path) {
      const content = files[norm(path)];
      if (content === undefined) {
        return isDir(path)
          ? { ok: false, reason: 'directory', message: `${path} is a directory` }
          : { ok: false, reason: 'missing', message: `${path} does not exist` };
      }
      return { ok: true, bytes: typeof content === 'string' ? encoder.encode(content) : content };
    },
    async stat(path) {
      const content = files[norm(path)];
      if (content !== undefined) return { kind: 'file', size: typeof content === 'string' ? encoder.encode(content).length : content.length };
      return isDir(path) ? { kind: 'directory', size: 0 } : undefined;
    },
    async readDir(path) {
      const prefix = `${norm(path)}/`;
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]!);
      return [...names].sort();
    },
    async realPath(path) {
      return files[norm(path)] !== undefined || isDir(path) ? norm(path) : undefined;
    },
  };
}
