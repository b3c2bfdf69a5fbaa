/**
 * The `shipshape diff` action, and the preview of `shipshape convert -o DIR --diff`: read both sides,
 * compare, print the diff on stdout (and nothing else there) and diagnostics on stderr, decide the exit
 * code: 0 no difference, 1 differences, 2 errors (an unreadable side, errors in an input, usage).
 */
import { formatDiagnosticBlock, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { diffManifests, type DiffResult } from '../diff/index.js';
import { diffObjectsOfValues, type DiffObject } from '../diff/objects.js';
import { DEFAULT_CONTEXT } from '../diff/render/unified.js';
import { renderers, type DiffOutput } from '../diff/render/index.js';
import type { JsonObject } from '../k8s/object.js';
import type { DiffCommandOptions } from './commands/diff.js';
import type { ComposeSideOptions } from './diff-compose.js';
import { readSide, type SideRead } from './diff-sides.js';
import { syncFileHost } from './sync-file-host.js';
import { checkConversionOptions } from './convert-options.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, checkPaths } from './exit.js';
import { colorEnabled, type Io, noteLine } from './io.js';
import type { CommandContext } from './main.js';

export const DEFAULT_NAMESPACE = 'default';

/** How the result is printed. */
export interface PrintOptions {
  output: DiffOutput;
  color: 'auto' | 'always' | 'never';
  context: number;
  showSecrets: boolean;
}

function composeOptions(options: DiffCommandOptions): ComposeSideOptions {
  const out: ComposeSideOptions = {
    envFiles: options.envFile,
    profiles: options.profile,
    waitForDeps: options.waitForDeps,
    allowOutsideProject: options.allowOutsideProject,
  };
  if (options.projectName !== undefined) out.projectName = options.projectName;
  if (options.namespace !== undefined) out.namespace = options.namespace;
  if (options.imagePrefix !== undefined) out.imagePrefix = options.imagePrefix;
  if (options.pvcSize !== undefined) out.pvcSize = options.pvcSize;
  if (options.bindMounts !== undefined) out.bindMounts = options.bindMounts;
  return out;
}

/** Print problems, notes and diagnostics of both sides; `true` when a side could not be read at all. */
function reportSides(io: Io, sides: readonly SideRead[], extra: readonly Diagnostic[]): { unreadable: boolean; errors: boolean } {
  let unreadable = false;
  for (const side of sides) {
    for (const problem of side.problems) io.stderr.write(noteLine(`shipshape: ${problem}`));
    for (const note of side.notes) io.stderr.write(noteLine(`shipshape: ${note}`));
    if (side.problems.length > 0) unreadable = true;
  }
  const diagnostics = sortDiagnostics([...sides.flatMap((s) => s.diagnostics), ...extra]);
  for (const d of diagnostics) io.stderr.write(`${formatDiagnosticBlock(d)}\n`);
  return { unreadable, errors: hasErrors(diagnostics) };
}

/** Compare, print, and return the exit code. */
function finish(io: Io, left: SideRead, right: SideRead, print: PrintOptions): number {
  // A side that could not be read at all has no diff; one whose folder held unreadable files has the diff of
  // the others (still exit 2).
  const unread = (side: SideRead) => side.problems.length > 0 && !side.partial;
  if (unread(left) || unread(right)) {
    reportSides(io, [left, right], []);
    return EXIT_USAGE;
  }
  const result: DiffResult = diffManifests(left.objects, right.objects, { showSecrets: print.showSecrets });
  const status = reportSides(io, [left, right], result.diagnostics);
  const color = print.output !== 'json' && colorEnabled(io, io.stdout, print.color);
  io.stdout.write(renderers[print.output](result, { color, context: print.context }));
  if (status.errors || status.unreadable) {
    io.stderr.write(`shipshape: ${status.unreadable ? 'some inputs cannot be read' : 'the inputs have errors'} (above); the diff may be incomplete\n`);
    return EXIT_USAGE;
  }
  const { added, removed, changed } = result.counts;
  return added + removed + changed > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export async function runDiff(leftArg: string, rightArg: string, options: DiffCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  checkConversionOptions(options);
  checkPaths('diff', [leftArg, rightArg, ...options.envFile]);
  if (leftArg === '-' && rightArg === '-') throw new UsageError("'-' (standard input) can be one side only");
  const host = syncFileHost();
  const sideOptions = { defaultNamespace: options.namespace ?? DEFAULT_NAMESPACE, compose: composeOptions(options) };
  const left = await readSide({ arg: leftArg, as: options.leftCompose ? 'compose' : 'detect' }, sideOptions, io, host);
  const right = await readSide({ arg: rightArg, as: options.rightCompose ? 'compose' : 'detect' }, sideOptions, io, host);
  // A conversion is always what would be: against manifests, it is the new side, whichever argument it was.
  if (left.converted !== undefined && right.converted === undefined && right.problems.length === 0) {
    io.stderr.write(noteLine(`shipshape: note: ${rightArg} is the old side and the conversion of ${left.converted} the new one (a Compose side is always new)`));
    return finish(io, right, left, printOptions(options));
  }
  return finish(io, left, right, printOptions(options));
}

function printOptions(options: DiffCommandOptions): PrintOptions {
  return {
    output: options.output,
    color: options.color,
    context: options.context,
    showSecrets: options.showSecrets,
  };
}

/** Options of the `convert -o DIR --diff` preview; every field has the `shipshape diff` default. */
export interface ConversionPreviewOptions {
  output?: DiffOutput;
  color?: 'auto' | 'always' | 'never';
  context?: number;
  showSecrets?: boolean;
  /** How the converted side is named in headers (the Compose file as the user gave it). */
  label?: string;
  /** `--namespace`: where objects without one are, on both sides. */
  namespace?: string;
}

/**
 * `shipshape convert -o DIR --diff`: compare the manifests now in `dir` (left, old) with the objects a
 * conversion produced (right, new) and print what writing them would change. Writes nothing. A missing
 * `dir` is an empty side (everything would be added). Returns the exit code (0 same, 1 differences, 2 errors).
 */
export async function previewConversion(ctx: CommandContext, objects: readonly JsonObject[], dir: string, options: ConversionPreviewOptions = {}): Promise<number> {
  const { io } = ctx;
  const host = syncFileHost();
  // Objects without a namespace in DIR are in --namespace, as `shipshape diff -n` reads them.
  const defaultNamespace = options.namespace ?? DEFAULT_NAMESPACE;
  const sideOptions = { defaultNamespace, compose: { envFiles: [], profiles: [], waitForDeps: false, allowOutsideProject: false } };
  const left = await readSide({ arg: dir, as: 'manifests', missingIsEmpty: true }, sideOptions, io, host);
  const converted: DiffObject[] = diffObjectsOfValues(objects, { defaultNamespace, sourceFile: options.label ?? 'conversion' });
  const right: SideRead = { objects: converted, diagnostics: [], problems: [], notes: [] };
  return finish(io, left, right, {
    output: options.output ?? 'unified',
    color: options.color ?? 'auto',
    context: options.context ?? DEFAULT_CONTEXT,
    showSecrets: options.showSecrets ?? false,
  });
}
