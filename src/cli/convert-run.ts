/**
 * The `shipshape convert` action: load the Compose project, convert it, print diagnostics on stderr, write
 * the manifests to stdout or a directory, decide the exit code. The only place conversion touches disk,
 * streams and exit codes.
 */
import { noteLine } from './io.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { countDiagnostics, formatDiagnosticBlock, formatDiagnosticLine, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { loadProject } from '../compose/index.js';
import { translateProject } from '../translate/index.js';
import { toJsonList, toYamlStream } from '../translate/serialize.js';
import type { ConvertCommandOptions } from './commands/convert.js';
import { syncFileHost } from './sync-file-host.js';
import { checkConversionOptions, shownDiagnostic, translateOptions } from './convert-options.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, checkPaths } from './exit.js';
import type { CommandContext } from './main.js';
import { displayPath } from './manifest-files.js';
import { outputFiles, planOutputDir, writeOutputDir, type OutputFile } from './output-dir.js';

export async function runConvert(options: ConvertCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  checkConversionOptions(options);
  checkPaths('convert', [...options.file, ...options.envFile, options.output]);
  if (options.diff && options.output === undefined) throw new UsageError('--diff previews what -o DIR would change: give -o DIR');
  const host = syncFileHost();
  // Unreadable input is one clear line per problem; otherwise related locations and hints follow each line.
  const printAll = (diagnostics: readonly Diagnostic[], format: (d: Diagnostic) => string = formatDiagnosticBlock) => {
    // One write for all lines: thousands of findings (a 500-service project) are thousands of system calls otherwise.
    const lines = sortDiagnostics(diagnostics.map((x) => shownDiagnostic(io.cwd, x))).map((d) => `${format(d)}\n`);
    if (lines.length > 0) io.stderr.write(lines.join(''));
  };

  const loaded = await loadProject({
    files: options.file,
    envFiles: options.envFile,
    profiles: options.profile,
    ...(options.projectName !== undefined ? { projectName: options.projectName } : {}),
    cwd: io.cwd,
    env: io.env,
    host,
    stdin: () => io.readStdin(),
    confine: !options.allowOutsideProject,
  });
  // With --diff, an input with errors is exit 2 as for `shipshape diff` (1 means: there are differences).
  const inputErrors = options.diff ? EXIT_USAGE : EXIT_FINDINGS;
  if (loaded.status !== 'ok' || !loaded.project) {
    printAll(loaded.diagnostics, loaded.status === 'unreadable' ? formatDiagnosticLine : formatDiagnosticBlock);
    return loaded.status === 'unreadable' || !loaded.project ? EXIT_USAGE : inputErrors;
  }

  const result = await translateProject(loaded.project, translateOptions(options, host));
  const diagnostics = [...loaded.diagnostics, ...result.diagnostics];
  printAll(diagnostics);
  const counts = countDiagnostics(diagnostics);
  if (counts.error > 0) {
    io.stderr.write(noteLine(`shipshape: conversion failed with ${counts.error} error(s); nothing was written`));
    return inputErrors;
  }
  // --strict fails before anything is written: `convert --strict | kubectl apply -f -` must not apply a
  // conversion that failed.
  if (options.strict && counts.warning > 0) {
    io.stderr.write(noteLine(`shipshape: --strict: ${counts.warning} warning(s) about what the conversion lost; nothing was written`));
    return EXIT_FINDINGS;
  }

  if (options.diff && options.output !== undefined) {
    // The preview: what writing into the directory would change; nothing is written.
    const { previewConversion } = await import('./diff-run.js');
    const label = options.file.length > 0 ? options.file.join(',') : 'compose project';
    const dir = resolve(io.cwd, options.output);
    const code = await previewConversion(ctx, result.objects, dir, {
      output: options.diffOutput,
      showSecrets: options.showSecrets,
      label,
      ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    });
    return Math.max(code, notePlannedWrite(ctx, dir, outputFiles(result.objects), options.force));
  }
  if (options.output === undefined) {
    io.stdout.write(options.format === 'json' ? toJsonList(result.objects) : toYamlStream(result.objects));
  } else {
    const dir = resolve(io.cwd, options.output);
    const shownDir = displayPath(io.cwd, dir);
    let report;
    try {
      report = await writeOutputDir(dir, outputFiles(result.objects), { force: options.force });
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? ` (${String(error.code)})` : '';
      io.stderr.write(noteLine(`shipshape: cannot write to ${shownDir}${code}`));
      return EXIT_USAGE;
    }
    if (report.refused.length > 0) {
      for (const r of report.refused) io.stderr.write(noteLine(`shipshape: refusing to overwrite ${shownDir}/${r.name}: ${r.reason} (${refusalAdvice(r.reason)})`));
      io.stderr.write('shipshape: nothing was written\n');
      return EXIT_USAGE;
    }
    for (const name of report.stale) {
      io.stderr.write(noteLine(`shipshape: note: ${shownDir}/${name} was generated by an earlier run and is no longer produced; it is left in place`));
    }
    io.stderr.write(noteLine(`shipshape: wrote ${report.written.length} file(s) to ${shownDir}${report.unchanged.length > 0 ? ` (${report.unchanged.length} unchanged)` : ''}`));
  }
  return EXIT_OK;
}

/**
 * With --diff, what the write itself would do beyond the object diff: refuse a file it did not generate (exit 2,
 * as the write), fail on a DIR that is not a directory (exit 2), leave the files of objects no longer produced in
 * place (they stay in DIR, and in the diff, until deleted). Notes on stderr; the exit code the write would add.
 */
function notePlannedWrite(ctx: CommandContext, dir: string, files: readonly OutputFile[], force: boolean): number {
  const { io } = ctx;
  const shownDir = displayPath(io.cwd, dir);
  let info;
  try {
    info = statSync(dir);
  } catch {
    return EXIT_OK; // created by the write
  }
  if (!info.isDirectory()) {
    io.stderr.write(noteLine(`shipshape: note: ${shownDir} is not a directory: convert -o ${shownDir} would fail`));
    return EXIT_USAGE;
  }
  const plan = planOutputDir(dir, files, { force });
  for (const r of plan.refused) {
    io.stderr.write(noteLine(`shipshape: note: writing would refuse to overwrite ${shownDir}/${r.name}: ${r.reason} (${refusalAdvice(r.reason)}); nothing would be written`));
  }
  for (const name of plan.stale) {
    io.stderr.write(noteLine(`shipshape: note: ${shownDir}/${name} was generated by an earlier run and is no longer produced: writing leaves it in place; delete it to remove its object`));
  }
  return plan.refused.length > 0 ? EXIT_USAGE : EXIT_OK;
}

/** What to do about a file the write refuses: a directory is never replaced, --force or not. */
function refusalAdvice(reason: string): string {
  return reason === 'it is a directory' ? 'remove or rename it' : 'use --force to overwrite it';
}
