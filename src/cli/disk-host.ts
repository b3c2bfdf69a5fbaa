/** The real file system as a FileHost (only src/cli/ touches node:fs). Never throws. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { FileHost, FileRead, FileStat } from '../host.js';

/** Files above this size are refused (a clear error instead of exhausting memory). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function reason(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENAMETOOLONG') return 'file name too long';
  return error instanceof Error ? error.message : String(error);
}

export function diskHost(): FileHost {
  return {
    async readFile(path): Promise<FileRead> {
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: `${path}: no such file or directory` };
        return { ok: false, reason: 'unreadable', message: `${path}: ${reason(error)}` };
      }
      if (info.isDirectory()) return { ok: false, reason: 'directory', message: `${path} is a directory` };
      if (!info.isFile()) return { ok: false, reason: 'not-a-file', message: `${path} is not a regular file (a FIFO, socket or device)` };
      if (info.size > MAX_FILE_BYTES) {
        return { ok: false, reason: 'too-large', message: `${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
      }
      try {
        return { ok: true, bytes: await readFile(path) };
      } catch (error) {
        return { ok: false, reason: 'unreadable', message: `${path}: ${reason(error)}` };
      }
    },
    async stat(path): Promise<FileStat | undefined> {
      try {
        const info = await stat(path);
        return { kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other', size: info.size };
      } catch {
        return undefined;
      }
    },
    async readDir(path): Promise<string[]> {
      try {
        return (await readdir(path)).sort();
      } catch {
        return [];
      }
    },
    async realPath(path): Promise<string | undefined> {
      try {
        return await realpath(path);
      } catch {
        return undefined;
      }
    },
  };
}
