/**
 * The real file system as a FileHost whose successful calls complete synchronously. A command that reads
 * thousands of small files (a 500-service Compose project's env files and bind mounts, a manifest tree)
 * otherwise spends most of its time waiting for one thread-pool round trip after another (docs/performance.md).
 * Only the success path is here: whatever is refused or fails (missing, a loop, a FIFO or device, too large)
 * is answered by `fileHost`, so the checks and the messages are the ones in file-host.ts.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { FileHost, FileRead, FileStat } from '../host.js';
import { DEFAULT_MAX_FILE_BYTES, fileHost, type FileHostOptions } from './file-host.js';

export function syncFileHost(options: FileHostOptions = {}): FileHost {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const checked = fileHost(options);
  return {
    async readFile(path): Promise<FileRead> {
      let fd: number;
      try {
        // Non-blocking, as fileHost: opening a FIFO nobody writes to must not hang.
        fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      } catch {
        return checked.readFile(path);
      }
      let bytes: Buffer | undefined;
      try {
        const info = fstatSync(fd);
        if (info.isFile() && info.size <= maxBytes) bytes = readFileSync(fd);
      } catch {
        bytes = undefined;
      } finally {
        try {
          closeSync(fd);
        } catch {
          // nothing to do: the descriptor is gone either way
        }
      }
      return bytes !== undefined && bytes.length <= maxBytes ? { ok: true, bytes } : checked.readFile(path);
    },
    async stat(path): Promise<FileStat | undefined> {
      try {
        const info = statSync(path);
        return { kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other', size: info.size };
      } catch {
        return undefined;
      }
    },
    async readDir(path): Promise<string[]> {
      try {
        return readdirSync(path).sort();
      } catch {
        return [];
      }
    },
    async realPath(path): Promise<string | undefined> {
      try {
        return realpathSync.native(path);
      } catch {
        return undefined;
      }
    },
  };
}
