import { Option, type Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UsageError } from '../exit.js';
import { knownKubeVersions } from '../../k8s/deprecations.js';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** The options of `shipshape lint`, as parsed. */
export interface LintCommandOptions {
  format: LintFormat;
  output?: string;
  config?: string;
  rule: string[];
  maxWarnings?: number;
  namespace?: string;
  kubeVersion?: string;
  quiet: boolean;
  reportUnusedDisables: boolean;
  color?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number of 0 or more, not '${value}'`);
  return Number(value);
}

/** `shipshape lint [PATH|-]...` */
export function registerLint(program: Command, ctx: CommandContext): void {
  program
    .command('lint')
    .description('Check Kubernetes manifests: schema, cross-object references, reliability and security basics')
    .argument('[paths...]', 'files or directories (recursive: .yaml, .yml, .json); - reads standard input', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices([...LINT_FORMATS]).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('-c, --config <file>', 'configuration file (default: the nearest .shipshape.yaml upward)')
    .option('--rule <id=severity>', 'set a rule to off, info, warn or error (repeatable)', collect, [])
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInteger)
    .option('-n, --namespace <ns>', "namespace of objects that give none (default: 'default')")
    .option('--kube-version <version>', `target Kubernetes release, 1.MINOR from ${knownKubeVersions().min} to ${knownKubeVersions().max} (default: 1.36)`)
    .option('-q, --quiet', 'report errors only', false)
    .option('--report-unused-disables', 'warn about suppressions that suppress nothing', false)
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,\n' +
        '2 usage error, unreadable input or configuration, or an internal fault.\n\n' +
        'Examples:\n  shipshape lint k8s/\n  helm template my-chart | shipshape lint -\n  shipshape lint k8s/ --format sarif -o shipshape.sarif\n',
    )
    .action(async (paths: string[], options: LintCommandOptions) => {
      const { runLint } = await import('../lint-run.js');
      ctx.exitCode = await runLint(paths, options, ctx);
    });
}
