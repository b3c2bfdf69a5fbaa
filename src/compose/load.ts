/**
 * Loading a Compose project, stage by stage:
 *   variables (process environment + .env / --env-file) → discovery → read and parse each file →
 *   project name → per file: interpolate, load includes, resolve extends → merge the files →
 *   validate against the schema → apply profiles → normalize into the model → read env files →
 *   consistency checks.
 * Every problem is a positioned diagnostic; nothing throws on bad input.
 */
import { posix } from 'node:path';
import { sortDiagnostics, type Diagnostic, type DiagnosticSink } from '../diagnostics.js';
import type { LocatedMap, LocatedScalar } from '../source/located.js';
import { checkConsistency } from './consistency.js';
import { discoverFiles } from './discover.js';
import { fillEnvFiles } from './env-files.js';
import { fillLabelFiles } from './label-files.js';
import { ExtendsResolver } from './extends.js';
import { applyInclude, type LayerFile } from './include.js';
import type { LoadOptions, LoadResult } from './index.js';
import { interpolateTree } from './interpolate-tree.js';
import { substitute } from './interpolate.js';
import type { Layer, LoaderContext } from './loader-context.js';
import { mapValue } from './located-nodes.js';
import { mergeNode, withoutResets } from './merge.js';
import type { ComposeProject } from './model.js';
import { normalizeProject } from './normalize/index.js';
import { activeProfiles, applyProfiles } from './profiles.js';
import { projectName } from './project-name.js';
import { readComposeFile } from './read.js';
import { validateProject } from './validate.js';
import { lookupIn, readVariableFiles, withDefaults, type Environment } from './variables.js';

export async function loadComposeProject(options: LoadOptions): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const ctx: LoaderContext = {
    host: options.host,
    cwd: options.cwd,
    report: (d) => diagnostics.push(d),
    texts: new Map(),
    parsed: new Map(),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    unreadable: false,
  };
  const result = (project?: ComposeProject): LoadResult => finish(diagnostics, ctx.unreadable ? undefined : project, ctx.unreadable);

  // Variables first: COMPOSE_FILE may come from the .env file beside the first -f file (or in the working directory).
  const firstNamed = options.files.find((f) => f !== '-');
  const firstDir = firstNamed ? posix.dirname(posix.resolve(options.cwd, firstNamed)) : options.cwd;
  if (options.confine) ctx.confinement = { dir: firstDir };
  const explicit = options.envFiles.map((f) => ({ path: posix.resolve(options.cwd, f), required: true }));
  let env: Environment = withDefaults(
    options.env,
    await readVariableFiles(explicit.length > 0 ? explicit : [{ path: posix.join(firstDir, '.env'), required: false }], options.env, ctx),
  );
  if (ctx.unreadable) return result();

  const files = await discoverFiles(options.files, env, ctx);
  if (files.length === 0) return result();
  const first = files[0]!.ref;
  const workingDir = first.kind === 'file' ? posix.dirname(first.path) : options.cwd;
  if (ctx.confinement && ctx.confinement.dir !== workingDir) ctx.confinement = { dir: workingDir };
  if (explicit.length === 0 && workingDir !== firstDir) {
    env = withDefaults(env, await readVariableFiles([{ path: posix.join(workingDir, '.env'), required: false }], env, ctx));
  }
  const sources = await Promise.all(files.map((f) => readComposeFile(f.ref, ctx)));
  if (ctx.unreadable) return result();

  const declared = sources.flatMap((s) => s?.documents ?? []).map((d) => mapValue(d, 'name')).filter((n): n is LocatedScalar => n?.kind === 'scalar');
  const lastName = declared[declared.length - 1];
  const name = projectName(
    {
      ...(options.projectName ? { option: options.projectName } : {}),
      ...(lookupIn(env)('COMPOSE_PROJECT_NAME') ? { environment: lookupIn(env)('COMPOSE_PROJECT_NAME')! } : {}),
      ...(lastName ? { fromFiles: interpolatedQuietly(lastName, env) } : {}),
      workingDir,
    },
    ctx.report,
  );
  // `${COMPOSE_PROJECT_NAME}` is the project's name, as resolved above (`-p` wins over the environment's).
  env = { ...env, COMPOSE_PROJECT_NAME: name };

  const layer: Layer = { workingDir, env, includedFrom: [] };
  const root = (await loadLayer(files, layer, ctx)) ?? emptyRoot(first.kind === 'file' ? first.path : '<stdin>');
  validateProject(root, ctx.report);
  const { root: enabled, disabled } = applyProfiles(root, activeProfiles(options.profiles, env));
  const normalized = normalizeProject(enabled, { workingDir, env, report: withoutRepeats(diagnostics, ctx.report) });
  await fillEnvFiles(normalized.services, env, ctx);
  await fillLabelFiles(normalized.services, ctx);
  checkConsistency(normalized, disabled, ctx.report);
  const { other, ...model } = normalized;
  return result({
    name,
    workingDir,
    files: files.map((f) => f.name),
    ...model,
    ...(Object.keys(other).length > 0 ? { other } : {}),
  });
}

/**
 * One project layer: the top-level project or an included one. Each file is interpolated with the layer's
 * variables, its `include` entries imported and its services' `extends` resolved, then merged onto the
 * files before it.
 */
async function loadLayer(files: readonly LayerFile[], layer: Layer, ctx: LoaderContext): Promise<LocatedMap | undefined> {
  const reals = await Promise.all(files.map(async (f) => (f.ref.kind === 'file' ? ((await ctx.host.realPath(f.ref.path)) ?? f.ref.path) : '<stdin>')));
  const self: Layer = { ...layer, includedFrom: [...new Set([...layer.includedFrom, ...reals])] };
  const lookup = lookupIn(self.env);
  const interpolate = (doc: LocatedMap) => interpolateTree(doc, { lookup, report: ctx.report, texts: ctx.texts }) as LocatedMap;
  const extendsResolver = new ExtendsResolver(ctx, interpolate);
  let merged: LocatedMap | undefined;
  for (const f of files) {
    const source = await readComposeFile(f.ref, ctx, f.origin);
    if (!source) continue;
    for (const doc of source.documents) {
      let d = interpolate(doc);
      // Includes first, so that a service may extend one an included project defines (as compose-go does).
      d = await applyInclude(d, self, ctx, (included, child) => loadLayer(included, child, ctx));
      d = await extendsResolver.resolveDocument(d, source.path, self.workingDir);
      merged = merged ? ((mergeNode(merged, d, [], ctx.report) as LocatedMap | undefined) ?? merged) : withoutResets(d);
    }
  }
  return merged;
}

/** The top-level `name`, substituted without reporting (the whole file is interpolated, and reported, later). */
function interpolatedQuietly(node: LocatedScalar, env: Environment): LocatedScalar {
  if (typeof node.value !== 'string') return node;
  return { ...node, value: substitute(node.value, lookupIn(env)).value };
}

function emptyRoot(file: string): LocatedMap {
  return { kind: 'map', entries: [], span: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

/** A sink that drops an error reported where an error already is (the schema and a normalizer seeing one problem). */
function withoutRepeats(existing: readonly Diagnostic[], report: DiagnosticSink): DiagnosticSink {
  const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}`;
  const taken = new Set(existing.filter((d) => d.severity === 'error').map(at));
  return (d) => {
    if (d.severity === 'error' && taken.has(at(d))) return;
    report(d);
  };
}

function finish(diagnostics: readonly Diagnostic[], project: ComposeProject | undefined, unreadable: boolean): LoadResult {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.code}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = sortDiagnostics(unique);
  const status = unreadable ? 'unreadable' : sorted.some((d) => d.severity === 'error') ? 'invalid' : 'ok';
  return { ...(project ? { project } : {}), diagnostics: sorted, status };
}
