import { Option, type Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UsageError } from '../exit.js';

export const CONVERT_FORMATS = ['yaml', 'json'] as const;
export const BIND_MOUNT_CHOICES = ['pvc', 'hostpath', 'configmap', 'emptydir'] as const;

/** The options of `shipshape convert`, as parsed. */
export interface ConvertCommandOptions {
  file: string[];
  envFile: string[];
  profile: string[];
  projectName?: string;
  output?: string;
  format: (typeof CONVERT_FORMATS)[number];
  namespace?: string;
  strict: boolean;
  imagePrefix?: string;
  pvcSize?: string;
  bindMounts?: (typeof BIND_MOUNT_CHOICES)[number];
  waitForDeps: boolean;
  allowOutsideProject: boolean;
  force: boolean;
  diff: boolean;
  diffOutput: 'unified' | 'summary' | 'json';
  showSecrets: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `shipshape convert [-f FILE]... [-o DIR]` */
export function registerConvert(program: Command, ctx: CommandContext): void {
  program
    .command('convert')
    .description('Convert a Docker Compose project to Kubernetes manifests')
    .argument('[file]', 'a Compose file (same as -f)')
    .option('-f, --file <file>', 'Compose file (repeatable; - reads standard input; default: compose.yaml and its override)', collect, [])
    .option('--env-file <file>', 'file of variables for interpolation (repeatable; default: the project .env)', collect, [])
    .option('--profile <name>', 'enable a profile (repeatable; default: COMPOSE_PROFILES)', collect, [])
    .option('-p, --project-name <name>', 'project name (default: COMPOSE_PROJECT_NAME, the top-level name, or the directory)')
    .option('-o, --output <dir>', 'write one file per object and a kustomization.yaml into a directory')
    .addOption(new Option('--format <format>', 'standard output format').choices([...CONVERT_FORMATS]).default('yaml'))
    .option('-n, --namespace <ns>', 'put every object in this namespace (and add the Namespace)')
    .option('--strict', 'exit 1 when anything is lost in conversion (any warning)', false)
    .option('--image-prefix <prefix>', 'registry prefix of images of services that only have build: (REGISTRY/)')
    .option('--pvc-size <size>', 'size of volume claims without one (default 1Gi)')
    .addOption(new Option('--bind-mounts <policy>', 'what bind mounts that cannot be ConfigMaps become (default pvc)').choices([...BIND_MOUNT_CHOICES]))
    .option('--wait-for-deps', 'add init containers that wait for depends_on services', false)
    .option('--allow-outside-project', 'allow reading files outside the project directory', false)
    .option('--force', 'overwrite files in the output directory that shipshape did not generate', false)
    .option('--diff', 'with -o DIR: print what writing into DIR would change, and write nothing (exit 1 when it would)', false)
    .addOption(new Option('--diff-output <format>', 'format of the --diff preview').choices(['unified', 'summary', 'json']).default('unified'))
    .option('--show-secrets', 'with --diff: show Secret values instead of masking them', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 converted, 1 conversion errors (or warnings with --strict), 2 usage error, unreadable input,\n' +
        'or an output file shipshape did not generate (without --force).\n' +
        'With --diff: 0 the directory is up to date, 1 writing would change it, 2 errors.\n\n' +
        'Examples:\n  shipshape convert compose.yaml > k8s.yaml\n  shipshape convert -f compose.yaml -f compose.prod.yaml -o k8s/ --namespace shop\n' +
        '  shipshape convert --format json | kubectl apply -f -\n' +
        '  shipshape convert -o k8s/ --diff                   what regenerating k8s/ would change\n\n' +
        'Settings Compose cannot express (Service type, Ingress, autoscaling, disruption budget, StatefulSet or\n' +
        'CronJob, claim size and class, pull secrets, service account) go in an x-shipshape block of the service,\n' +
        'or in the kompose.* labels kompose reads: see docs/extensions.md. Every mapping: docs/conversion.md.\n',
    )
    .action(async (file: string | undefined, options: ConvertCommandOptions) => {
      if (file !== undefined) options.file = [file, ...options.file];
      if (options.output !== undefined && options.format === 'json') {
        throw new UsageError('-o writes YAML files; --format json applies to standard output only');
      }
      const { runConvert } = await import('../convert-run.js');
      ctx.exitCode = await runConvert(options, ctx);
    });
}
