/**
 * The real file system as a FileHost (only src/cli/ touches node:fs). Never throws.
 * - Symlinks are followed; `realPath` resolves them all (a loop gives `undefined`).
 * - A file is opened before it is inspected, and the checks apply to what was opened: a FIFO, socket or
 *   device is refused as `not-a-file` without blocking (opened non-blocking, never read), and a file that
 *   is swapped between a check and the read cannot slip through.
 * - Files above the size cap are refused as `too-large` instead of exhausting memory.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import type { FileHost, FileRead, FileStat } from '../host.js';

/** Default cap on the size of a file read: far above any real Compose file or manifest set. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface FileHostOptions {
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
}

type Failure = Exclude<FileRead, { ok: true }>;

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function failure(path: string, error: unknown): Failure {
  switch (codeOf(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, reason: 'missing', message: `${path}: no such file or directory` };
    case 'EISDIR':
      return { ok: false, reason: 'directory', message: `${path} is a directory` };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, reason: 'unreadable', message: `${path}: permission denied` };
    case 'ELOOP':
      return { ok: false, reason: 'unreadable', message: `${path}: too many levels of symbolic links` };
    case 'ENAMETOOLONG':
      return { ok: false, reason: 'unreadable', message: `${path}: file name too long` };
    default:
      return { ok: false, reason: 'unreadable', message: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function fileHost(options: FileHostOptions = {}): FileHost {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const tooLarge = (path: string): Failure => ({
    ok: false,
    reason: 'too-large',
    message: `${path} is larger than ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} bytes`}`,
  });
  return {
    async readFile(path): Promise<FileRead> {
      let handle: FileHandle;
      try {
        handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      } catch (error) {
        return failure(path, error);
      }
      try {
        const info = await handle.stat();
        if (info.isDirectory()) return { ok: false, reason: 'directory', message: `${path} is a directory` };
        if (!info.isFile()) return { ok: false, reason: 'not-a-file', message: `${path} is not a regular file (a FIFO, socket or device)` };
        if (info.size > maxBytes) return tooLarge(path);
        const bytes = await handle.readFile();
        return bytes.length > maxBytes ? tooLarge(path) : { ok: true, bytes };
      } catch (error) {
        return failure(path, error);
      } finally {
        await handle.close().catch(() => undefined);
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
