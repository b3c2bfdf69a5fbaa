/**
 * Parse a large input on two cores: a worker thread parses the last files while the main thread parses the
 * first ones, then the worker's results (plain values, structured-cloned) are assembled into documents here.
 * Positions are unaffected: they are resolved later, on the main thread, from the text (docs/performance.md).
 * Small inputs, one core, or a worker that fails: everything is parsed here, as `parseDocuments` does.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assembleDocuments, parseChunks, type ChunkParse, type DocumentStream } from './documents.js';
import type { SourceFile } from './file.js';

/** Below this many characters a worker costs more to start (~40 ms) than it saves. */
export const PARALLEL_MIN_CHARS = 1_000_000;
/** The worker's share of the characters: less than half, as it starts later and its results are copied. */
const WORKER_SHARE = 0.42;

export interface ParallelParseOptions {
  /** Parse on the main thread only (tests; library users that must not start threads). */
  workers?: boolean;
  minChars?: number;
}

/** The parsed documents of every file (by file), never throws. */
export async function parseInParallel(files: readonly SourceFile[], options: ParallelParseOptions = {}): Promise<Map<SourceFile, DocumentStream>> {
  const out = new Map<SourceFile, DocumentStream>();
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const workerUrl = new URL('./parse-worker.js', import.meta.url);
  // Under a TypeScript runner (tests) the sibling is a .ts file a worker cannot load: parse here.
  const canFork = options.workers !== false && availableParallelism() > 1 && import.meta.url.endsWith('.js');
  let split = files.length;
  if (canFork && total >= (options.minChars ?? PARALLEL_MIN_CHARS)) {
    let tail = 0;
    while (split > 1 && tail + files[split - 1]!.text.length <= total * WORKER_SHARE) tail += files[--split]!.text.length;
  }
  const remote = files.slice(split);
  const pending = remote.length > 0 ? startWorker(workerUrl, remote.map((f) => f.text)) : Promise.resolve(undefined);
  for (const file of files.slice(0, split)) out.set(file, assembleDocuments(file, parseChunks(file.text)));
  const chunks = await pending;
  remote.forEach((file, i) => out.set(file, assembleDocuments(file, chunks?.[i] ?? parseChunks(file.text))));
  return out;
}

/** The worker's chunks, or undefined when it could not start or failed (the caller parses then). */
function startWorker(url: URL, texts: string[]): Promise<ChunkParse[][] | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url);
    } catch {
      resolve(undefined);
      return;
    }
    const done = (result: ChunkParse[][] | undefined) => {
      resolve(result);
      void worker.terminate();
    };
    worker.once('message', (result: ChunkParse[][]) => done(result));
    worker.once('error', () => done(undefined));
    worker.once('exit', () => done(undefined));
    worker.postMessage(texts);
  });
}
