import type { Command as CommandType } from 'commander';
import { packageInfo } from '../package-info.js';
import { EXIT_OK, EXIT_USAGE, UsageError, faultStack, internalFaultLine, systemFailureLine } from './exit.js';
import { noteLine, type Io } from './io.js';


export interface CommandContext {
  io: Io;
  /** Set by a command's action; main() returns it. */
  exitCode: number;
  /** --debug: print stacks for internal faults. */
  debug(): boolean;
}

/**
 * Run the CLI on `args` (the user's arguments, without `node` and the script) and return the exit code.
 * Never calls process.exit and never throws.
 */
export async function main(args: readonly string[], io: Io): Promise<number> {
  // Cold start (docs/performance.md): `--version` alone needs neither commander nor any command, and each
  // command imports its implementation only when it runs.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.stdout.write(`${packageInfo().version}\n`);
    return EXIT_OK;
  }
  const [{ Command, CommanderError }, { commands }] = await Promise.all([import('commander'), import('./commands/index.js')]);
  const ctx: CommandContext = { io, exitCode: EXIT_OK, debug: () => Boolean(program.opts().debug) };
  const program: CommandType = new Command('shipshape')
    .description('Convert Docker Compose projects to Kubernetes manifests, lint manifests, and preview diffs.')
    .version(packageInfo().version, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces of internal faults')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .addHelpText(
      'after',
      '\nExamples:\n  shipshape convert -f compose.yaml -o k8s/\n  shipshape lint k8s/ --format sarif > shipshape.sarif\n  shipshape diff compose.yaml k8s/\n',
    );
  for (const register of commands) register(program, ctx);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return handleError(error, ctx, CommanderError);
  }
}

function handleError(error: unknown, ctx: CommandContext, commanderError: typeof import('commander').CommanderError): number {
  if (error instanceof commanderError) {
    // help and version exit "successfully"; commander has already printed parse errors.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    ctx.io.stderr.write(noteLine(`shipshape: ${error.message}`));
    return EXIT_USAGE;
  }
  ctx.io.stderr.write(`${systemFailureLine(error) ?? internalFaultLine(error, ctx.debug())}\n`);
  if (ctx.debug()) ctx.io.stderr.write(`${faultStack(error)}\n`);
  return EXIT_USAGE;
}
