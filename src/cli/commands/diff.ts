import { Option, type Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UsageError } from '../exit.js';

/** Output formats (the registry in src/diff/render/index.ts holds the same names; a test checks). */
export const DIFF_OUTPUT_CHOICES = ['unified', 'summary', 'json'] as const;
export const DIFF_COLOR_CHOICES = ['auto', 'always', 'never'] as const;
const BIND_MOUNT_CHOICES = ['pvc', 'hostpath', 'configmap', 'emptydir'] as const;

/** The options of `shipshape diff`, as parsed. */
export interface DiffCommandOptions {
  output: (typeof DIFF_OUTPUT_CHOICES)[number];
  color: (typeof DIFF_COLOR_CHOICES)[number];
  context: number;
  showSecrets: boolean;
  leftCompose: boolean;
  rightCompose: boolean;
  namespace?: string;
  // The options of `convert`, for Compose sides.
  envFile: string[];
  profile: string[];
  projectName?: string;
  imagePrefix?: string;
  pvcSize?: string;
  bindMounts?: (typeof BIND_MOUNT_CHOICES)[number];
  waitForDeps: boolean;
  allowOutsideProject: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function contextLines(value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new UsageError(`--context expects a whole number of lines (0 or more), not '${value}'`);
  return Number(value);
}

/** `shipshape diff LEFT RIGHT` */
export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description('Compare two sets of Kubernetes objects (manifests, or a Compose project converted first), object by object')
    .argument('<left>', 'the old side: a manifest file, a directory, - (standard input), or a Compose file or project directory')
    .argument('<right>', 'the new side (as <left>)')
    .addOption(new Option('--output <format>', 'output format').choices([...DIFF_OUTPUT_CHOICES]).default('unified'))
    .addOption(new Option('--color <when>', 'colour the unified and summary output').choices([...DIFF_COLOR_CHOICES]).default('auto'))
    .option('--context <n>', 'lines of context in the unified diff', contextLines, 3)
    .option('--show-secrets', 'show Secret data values instead of masking them', false)
    .option('--left-compose', 'read <left> as a Compose file or project (default: detected by content)', false)
    .option('--right-compose', 'read <right> as a Compose file or project (default: detected by content)', false)
    .option('-n, --namespace <ns>', "namespace of objects that give none (default 'default'); Compose sides are converted into it")
    .option('--env-file <file>', 'Compose sides: file of variables for interpolation (repeatable)', collect, [])
    .option('--profile <name>', 'Compose sides: enable a profile (repeatable)', collect, [])
    .option('-p, --project-name <name>', 'Compose sides: project name')
    .option('--image-prefix <prefix>', 'Compose sides: registry prefix of images of build-only services')
    .option('--pvc-size <size>', 'Compose sides: size of volume claims without one (default 1Gi)')
    .addOption(new Option('--bind-mounts <policy>', 'Compose sides: what bind mounts become (default pvc)').choices([...BIND_MOUNT_CHOICES]))
    .option('--wait-for-deps', 'Compose sides: add init containers that wait for depends_on services', false)
    .option('--allow-outside-project', 'Compose sides: allow reading files outside the project directory', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 no difference, 1 differences, 2 usage error, unreadable input or errors in an input.\n\n' +
        'Examples:\n  shipshape diff k8s/ compose.yaml                  what converting compose.yaml would change in k8s/\n' +
        '  shipshape diff compose.yaml k8s/ --output summary  fail CI when k8s/ is out of date (exit 1)\n' +
        '  helm template chart | shipshape diff deployed.yaml -\n',
    )
    .action(async (left: string, right: string, options: DiffCommandOptions) => {
      const { runDiff } = await import('../diff-run.js');
      ctx.exitCode = await runDiff(left, right, options, ctx);
    });
}
