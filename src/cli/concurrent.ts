/**
 * Map over a list with at most `limit` calls in flight, results in the order of the input. File system
 * calls awaited one at a time leave the process idle (a quarter of a second for 334 files,
 * docs/performance.md); a few in flight keep libuv's thread pool busy without opening thousands of files.
 */
export const FILE_CONCURRENCY = 16;

export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  const workers: Promise<void>[] = [];
  for (let w = 0; w < Math.min(Math.max(1, limit), items.length); w++) workers.push(worker());
  await Promise.all(workers);
  return out;
}
