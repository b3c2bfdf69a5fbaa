// `node rss-runner.mjs script args…`: runs script as the main program, then writes its peak RSS (KiB) to the
// file named by SHIPSHAPE_BENCH_RSS. Portable (no /usr/bin/time needed).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => writeFileSync(process.env.SHIPSHAPE_BENCH_RSS, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(resolve(script)).href);
