/** Write a file so that readers see the old content or the new, never a half-written file. */
import { unlinkSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written now: removed by `interruptWrites` when the run is interrupted. */
const inFlight = new Set<string>();
let interrupted = false;
/** What an interrupted run waits on: nothing more is written or reported; the process is about to end. */
const never = new Promise<never>(() => undefined);

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  if (interrupted) return never;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  inFlight.add(temp);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (interrupted) return never;
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

/**
 * The run is being interrupted (Ctrl-C, a CI runner's SIGTERM): start no more writes, and remove the temporary
 * files of those in progress. The targets keep their old content (or get their complete new one) either way.
 * Synchronous, for a signal handler; call it again just before the process ends, for a temporary file that the
 * thread pool created after the first call.
 */
export function interruptWrites(): void {
  interrupted = true;
  for (const temp of inFlight) {
    try {
      unlinkSync(temp);
    } catch {
      // Not created yet, or already renamed: nothing to remove.
    }
  }
}

/** Allow writes again after `interruptWrites` (a process that keeps running: the tests). */
export function resumeWrites(): void {
  interrupted = false;
}
