/**
 * The worker thread of `parseInParallel` (parallel-parse.ts): parses the texts it is sent with the same
 * fast parse as the main thread and sends the chunks back as plain data.
 */
import { parentPort } from 'node:worker_threads';
import { parseChunks } from './documents.js';

parentPort?.once('message', (texts: string[]) => {
  parentPort?.postMessage(texts.map(parseChunks));
});
