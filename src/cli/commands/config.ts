import { Option, type Command } from 'commander';
import { terminalSafeLine } from '../../text/terminal-text.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { CommandContext } from '../main.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, checkPaths } from '../exit.js';

export const CONFIG_FORMATS = ['yaml', 'json'] as const;

/** The options of `shipshape config`, as parsed. */
export interface ConfigCommandOptions {
  file: string[];
  envFile: string[];
  profile: string[];
  projectName?: string;
  format: (typeof CONFIG_FORMATS)[number];
  quiet: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `shipshape config [-f FILE]... [--env-file FILE]... [--profile NAME]... [-p NAME] [--format yaml|json]` */
export function registerConfig(program: Command, ctx: CommandContext): void {
  program
    .command('config')
    .description('Print the fully resolved Compose project (merged, interpolated, extended, profile-filtered, long syntax)')
    .option('-f, --file <file>', 'Compose file (repeatable; - reads standard input; default: compose.yaml and its override)', collect, [])
    .option('--env-file <file>', 'file of variables for interpolation (repeatable; default: the project .env)', collect, [])
    .option('--profile <name>', 'enable a profile (repeatable; * enables all; default: COMPOSE_PROFILES)', collect, [])
    .option('-p, --project-name <name>', 'project name (default: COMPOSE_PROJECT_NAME, top-level name or the directory)')
    .addOption(new Option('--format <format>', 'output format').choices([...CONFIG_FORMATS]).default('yaml'))
    .option('-q, --quiet', 'only validate: print nothing but problems', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 valid (warnings allowed), 1 the project has errors, 2 usage error or unreadable file.\n\n' +
        'Examples:\n  shipshape config\n  shipshape config -f compose.yaml -f compose.prod.yaml --profile debug\n' +
        '  shipshape config --env-file staging.env --format json\n  cat compose.yaml | shipshape config -f - -q\n',
    )
    .action(async (options: ConfigCommandOptions) => {
      ctx.exitCode = await runConfig(options, ctx);
    });
}

const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

async function runConfig(options: ConfigCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  checkPaths('config', [...options.file, ...options.envFile]);
  if (options.projectName !== undefined && !PROJECT_NAME.test(options.projectName)) {
    throw new UsageError(`-p '${options.projectName}' is not a valid project name: use lower-case letters, digits, '-' and '_', starting with a letter or a digit`);
  }
  const [{ loadProject }, { printProject }, { fileHost }, { displayPath }, { formatDiagnosticBlock }, { yamlModule }] = await Promise.all([
    import('../../compose/index.js'),
    import('../../compose/print.js'),
    import('../file-host.js'),
    import('../manifest-files.js'),
    import('../../diagnostics.js'),
    import('../../source/yaml-module.js'),
  ]);
  const loaded = await loadProject({
    files: options.file,
    envFiles: options.envFile,
    profiles: options.profile,
    ...(options.projectName !== undefined ? { projectName: options.projectName } : {}),
    cwd: io.cwd,
    env: io.env,
    host: fileHost(),
    stdin: () => io.readStdin(),
  });
  const shown = (file: string) => (file.startsWith('/') ? displayPath(io.cwd, file) : file);
  for (const d of loaded.diagnostics) {
    io.stderr.write(`${loaded.status === 'unreadable' && isFatal(d) ? fatalLine(d, shown) : formatDiagnosticBlock(showPaths(d, shown))}\n`);
  }
  if (loaded.status === 'unreadable' || !loaded.project) return EXIT_USAGE;
  if (loaded.status === 'invalid') return EXIT_FINDINGS;
  if (!options.quiet) {
    const printed = printProject(loaded.project);
    io.stdout.write(options.format === 'json' ? `${JSON.stringify(printed, null, 2)}\n` : yamlModule().stringify(printed, { aliasDuplicateObjects: false, lineWidth: 0 }));
  }
  return EXIT_OK;
}

/** Problems that stop the run before any Compose content is read (a named file, or none found): one plain line each. */
function isFatal(d: Diagnostic): boolean {
  return d.messageId === 'unreadable';
}

function fatalLine(d: Diagnostic, shown: (file: string) => string): string {
  return terminalSafeLine(d.code === 'compose/no-file' ? `shipshape: ${d.message}` : `shipshape: ${shown(d.file)}: ${d.message}`);
}

function showPaths(d: Diagnostic, shown: (file: string) => string): Diagnostic {
  return { ...d, file: shown(d.file), ...(d.related ? { related: d.related.map((r) => ({ ...r, file: shown(r.file) })) } : {}) };
}
