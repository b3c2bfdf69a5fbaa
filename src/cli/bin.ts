import { main } from './main.js';
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
process.exitCode = await main(args, processIo());
