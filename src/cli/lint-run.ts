/**
 * The `shipshape lint` action: read the configuration and the inputs, lint them as one object graph,
 * render the report, decide the exit code. The only place lint touches disk, streams and exit codes.
 */
import { dirname, resolve } from 'node:path';
import { kubeVersionProblem } from '../k8s/deprecations.js';
import { countDiagnostics, formatDiagnosticLine, type Diagnostic } from '../diagnostics.js';
import { closestName } from '../text/edit-distance.js';
import { findConfigFile, lint, parseConfig, parseSeverity, ruleDescriptors, ruleDocsBaseFromPackage, rules, type LintConfig, type RuleSeverity } from '../lint/index.js';
import { packageInfo } from '../package-info.js';
import { decodeSource, type SourceFile } from '../source/file.js';
import type { LintCommandOptions } from './commands/lint.js';
import { syncFileHost } from './sync-file-host.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, checkPaths } from './exit.js';
import { colorEnabled, noteLine } from './io.js';
import type { CommandContext } from './main.js';
import { displayPath, findManifestFiles, readProblem } from './manifest-files.js';
import { FILE_CONCURRENCY, mapConcurrent } from './concurrent.js';
import { loadFormatter } from './report-format.js';
import { writeFileAtomic } from './write-file-atomic.js';

const STDIN_NAME = '<stdin>';

export async function runLint(paths: readonly string[], options: LintCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const host = syncFileHost();
  checkPaths('lint', [...paths, options.config, options.output]);
  const overrides = parseRuleOverrides(options.rule);
  if (options.namespace !== undefined && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(options.namespace)) {
    throw new UsageError(`--namespace '${options.namespace}' is not a valid namespace name (lower-case letters, digits and '-')`);
  }
  const kubeVersionError = options.kubeVersion === undefined ? undefined : kubeVersionProblem(options.kubeVersion);
  if (kubeVersionError !== undefined) throw new UsageError(`--kube-version ${kubeVersionError}`);

  const config = await loadConfig(options.config, ctx);
  if (config === 'failed') return EXIT_USAGE;

  const inputs = paths.length > 0 ? paths : ['.'];
  if (inputs.filter((p) => p === '-').length > 1) throw new UsageError("'-' (standard input) can be given once");
  let unreadable = 0;
  const found = await findManifestFiles(
    host,
    inputs.filter((p) => p !== '-'),
    { cwd: io.cwd, ignore: config?.ignore ?? [], ignoreBase: config?.file ? dirname(config.file) : io.cwd },
  );
  for (const problem of found.problems) {
    io.stderr.write(noteLine(`shipshape: ${problem}`));
    unreadable++;
  }
  for (const dir of found.empty) io.stderr.write(noteLine(`shipshape: warning: no .yaml, .yml or .json files in ${dir}`));
  for (const file of found.ignored) io.stderr.write(noteLine(`shipshape: note: ${file} is skipped: it matches an ignore pattern of ${config?.file ? displayPath(io.cwd, config.file) : 'the configuration'}`));

  const files: SourceFile[] = [];
  const sourceDiagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const accept = (path: string, bytes: Uint8Array) => {
    const decoded = decodeSource(path, bytes);
    for (const d of decoded.diagnostics) sourceDiagnostics.push(d);
    if (decoded.value) {
      files.push(decoded.value);
      texts.set(path, decoded.value.text);
    }
  };
  for (const p of inputs) {
    if (p !== '-') continue;
    accept(STDIN_NAME, await io.readStdin());
  }
  // Read concurrently, accept in order (the order of files and of their diagnostics does not depend on timing).
  const reads = await mapConcurrent(found.files, FILE_CONCURRENCY, (absolute) => host.readFile(absolute));
  for (const [i, absolute] of found.files.entries()) {
    const read = reads[i]!;
    const shown = found.shown.get(absolute) ?? displayPath(io.cwd, absolute);
    if (!read.ok) {
      io.stderr.write(noteLine(`shipshape: cannot read ${shown}: ${readProblem(absolute, read.message)}`));
      unreadable++;
      continue;
    }
    accept(shown, read.bytes);
  }
  // Nothing could be read: exit 2. A machine format still gets its (empty) report on stdout, so that what
  // consumes it (a SARIF upload, a JUnit publisher, jq) parses; stylish has nothing to show.
  const nothing = files.length === 0 && sourceDiagnostics.length === 0;
  if (nothing) {
    io.stderr.write('shipshape: no manifests to lint\n');
    if (options.format === 'stylish' || options.output !== undefined) return EXIT_USAGE;
  }

  const result = lint(files, {
    ...(config ? { config } : {}),
    ruleOverrides: overrides,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    ...(options.kubeVersion !== undefined ? { kubeVersion: options.kubeVersion } : {}),
    reportUnusedDisables: options.reportUnusedDisables,
    sourceDiagnostics,
    onFault: (fault) => {
      if (ctx.debug() && fault.error instanceof Error && fault.error.stack) io.stderr.write(`${fault.error.stack}\n`);
    },
  });

  const shown = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const toStdout = options.output === undefined;
  const color = toStdout && (options.color === undefined ? colorEnabled(io, io.stdout) : options.color);
  const pkg = packageInfo();
  const version = pkg.version;
  const docsBaseUri = ruleDocsBaseFromPackage(pkg);
  // Secret values are masked in code frames (secretRegions).
  const input = {
    diagnostics: shown,
    rules: ruleDescriptors(rules, docsBaseUri === undefined ? {} : { docsBaseUri }),
    objects: result.objects,
    files: [...texts.keys()],
    source: (file: string) => texts.get(file),
    secretRegions: (file: string) => result.secretRegions(file),
    tool: { name: 'shipshape', version },
  };
  const report = (await loadFormatter(options.format))(input, { color });
  if (toStdout) io.stdout.write(report);
  else await writeReport(resolve(io.cwd, options.output!), report);

  const counts = countDiagnostics(result.diagnostics);
  if (result.faults > 0) {
    io.stderr.write(
      `shipshape: internal error: ${result.faults} rule failure(s) (see the internal-fault findings). This is a bug in shipshape; please report it` +
        (ctx.debug() ? '.\n' : ' (run again with --debug for the stack trace).\n'),
    );
    return EXIT_USAGE;
  }
  if (unreadable > 0 || nothing) return EXIT_USAGE;
  if (counts.error > 0) return EXIT_FINDINGS;
  if (!options.quiet && options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr.write(noteLine(`shipshape: too many warnings (${counts.warning}, at most ${options.maxWarnings} allowed by --max-warnings)`));
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function parseRuleOverrides(values: readonly string[]): Record<string, RuleSeverity> {
  const out: Record<string, RuleSeverity> = {};
  const ids = rules.map((r) => r.id);
  for (const value of values) {
    const m = /^([^=]+)=(.*)$/.exec(value);
    if (!m) throw new UsageError(`--rule expects ID=SEVERITY (off, info, warn or error), not '${value}'`);
    const id = m[1]!.trim();
    const severity = parseSeverity(m[2]!.trim());
    if (!ids.includes(id)) {
      const guess = closestName(id, ids, 3);
      throw new UsageError(`--rule: unknown rule '${id}'${guess ? ` (did you mean '${guess}'?)` : ''}; see docs/rules/`);
    }
    if (!severity) throw new UsageError(`--rule ${id}: '${m[2]}' is not a severity (off, info, warn or error)`);
    out[id] = severity;
  }
  return out;
}

/** The configuration: --config, else the nearest .shipshape.yaml, else none. Problems are printed. */
async function loadConfig(given: string | undefined, ctx: CommandContext): Promise<LintConfig | undefined | 'failed'> {
  const { io } = ctx;
  const host = syncFileHost();
  const path = given !== undefined ? resolve(io.cwd, given) : await findConfigFile(host, io.cwd);
  if (path === undefined) return undefined;
  const shown = displayPath(io.cwd, path);
  const read = await host.readFile(path);
  if (!read.ok) {
    io.stderr.write(noteLine(`shipshape: cannot read the configuration ${shown}: ${readProblem(path, read.message)}`));
    return 'failed';
  }
  const decoded = decodeSource(shown, read.bytes);
  const parsed = decoded.value ? parseConfig(decoded.value, rules) : { value: undefined, diagnostics: decoded.diagnostics };
  for (const d of parsed.diagnostics) io.stderr.write(`${formatDiagnosticLine(d)}\n`);
  if (!parsed.value) {
    io.stderr.write(noteLine(`shipshape: the configuration ${shown} is invalid`));
    return 'failed';
  }
  return { ...parsed.value, file: path };
}

async function writeReport(path: string, report: string): Promise<void> {
  try {
    await writeFileAtomic(path, report);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    throw new UsageError(`cannot write ${path}${code ? ` (${code})` : ''}`);
  }
}
