import { main } from './main.js';
import { interruptWrites } from './write-file-atomic.js';
import { guardProcess, processIo } from './io.js';
import { EXIT_USAGE, faultStack, internalFaultLine, systemFailureLine } from './exit.js';

const args = process.argv.slice(2);
const optionsEnd = args.indexOf('--');
guardProcess(process, process.stdout, {
  writeErr: (text) => void process.stderr.write(text),
  // main() reads --debug through commander; the guards run outside it, so look for the flag itself.
  debug: args.slice(0, optionsEnd === -1 ? undefined : optionsEnd).includes('--debug'),
  faultLine: (error, debug) => systemFailureLine(error) ?? internalFaultLine(error, debug),
  faultStack,
  code: EXIT_USAGE,
});
// Interrupted (Ctrl-C, a CI runner's SIGTERM): no more writes, the temporary files of those in progress removed
// (again after the thread pool has settled), then end by the same signal as the default action would (128 + n).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    interruptWrites();
    setTimeout(() => {
      interruptWrites();
      process.kill(process.pid, signal);
    }, 100);
  });
}
process.exitCode = await main(args, processIo());
