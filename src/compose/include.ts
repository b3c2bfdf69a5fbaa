/**
 * `include`: other Compose projects brought into this one. Each entry (`path` — one file or several merged —,
 * `env_file`, `project_directory`) is loaded as a project of its own: paths relative to the including
 * project, its own directory and `.env`, its own extends and includes. Its services, volumes, networks,
 * secrets and configs then join the including file; defining one of them again differently is an error.
 */
import { posix } from 'node:path';
import type { Located, LocatedEntry, LocatedMap } from '../source/located.js';
import type { Span } from '../source/span.js';
import { mapValue, sameValue, stringValue, withEntry, withoutEntry } from './located-nodes.js';
import type { Layer, LoaderContext, Origin } from './loader-context.js';
import type { FileRef } from './read.js';
import { rebaseProject } from './rebase.js';
import { readVariableFiles, withDefaults } from './variables.js';

export const INCLUDE_CYCLE = 'compose/include-cycle';
export const INCLUDE_CONFLICT = 'compose/include-conflict';

export interface LayerFile {
  ref: FileRef;
  /** Where the file is named, when another file names it. */
  origin?: Origin;
}

/** Loads a project layer (its files read, interpolated, extended, included and merged). */
export type LayerLoader = (files: readonly LayerFile[], layer: Layer) => Promise<LocatedMap | undefined>;

const RESOURCES = ['services', 'volumes', 'networks', 'secrets', 'configs'] as const;

interface Named {
  text: string;
  at: Span;
}

interface IncludeEntry {
  paths: Named[];
  envFiles: Named[];
  projectDirectory?: Named;
}

/** The document with its `include` entries loaded and imported, and the `include` key removed. */
export async function applyInclude(doc: LocatedMap, layer: Layer, ctx: LoaderContext, loadLayer: LayerLoader): Promise<LocatedMap> {
  const include = mapValue(doc, 'include');
  if (include === undefined) return doc;
  const out = withoutEntry(doc, 'include');
  if (include.kind !== 'seq') {
    if (include.kind !== 'scalar' || include.value !== null) malformed(include, ['include'], 'include must be a list of paths or of {path, env_file, project_directory}', ctx);
    return out;
  }
  const imported: LocatedMap[] = [];
  for (const [i, item] of include.items.entries()) {
    const entry = includeEntry(item);
    if (!entry || entry.paths.length === 0) {
      malformed(item, ['include', i], 'an include entry must be a path, or a mapping whose path is a path or a list of paths', ctx);
      continue;
    }
    const files = entry.paths.map((p) => ({ ref: { kind: 'file', path: posix.resolve(layer.workingDir, p.text) } as const, origin: { at: p.at, name: p.text } }));
    const first = files[0]!.ref.path;
    const real = (await ctx.host.realPath(first)) ?? first;
    if (layer.includedFrom.includes(real)) {
      ctx.report({
        code: INCLUDE_CYCLE,
        severity: 'error',
        message: `include cycle: ${[...layer.includedFrom, real].map((f) => posix.basename(f)).join(' → ')}`,
        hint: 'A Compose file cannot include itself, directly or through other files.',
        ...entry.paths[0]!.at,
      });
      continue;
    }
    const projectDir = entry.projectDirectory ? posix.resolve(layer.workingDir, entry.projectDirectory.text) : posix.dirname(first);
    const envFiles = entry.envFiles.length
      ? entry.envFiles.map((f) => ({ path: posix.resolve(layer.workingDir, f.text), required: true, origin: { at: f.at, name: f.text } }))
      : [{ path: posix.join(projectDir, '.env'), required: false }];
    const variables = await readVariableFiles(envFiles, layer.env, ctx);
    const child: Layer = { workingDir: projectDir, env: withDefaults(layer.env, variables), includedFrom: [...layer.includedFrom, real] };
    const included = await loadLayer(files, child);
    if (included) imported.push(rebaseProject(included, projectDir));
  }
  return importResources(out, imported, ctx);
}

function malformed(node: Located, path: (string | number)[], message: string, ctx: LoaderContext): void {
  ctx.report({ code: 'compose/invalid-type', severity: 'error', message, path, ...node.span });
}

function includeEntry(item: Located): IncludeEntry | undefined {
  const direct = stringValue(item);
  if (direct !== undefined) return { paths: [{ text: direct, at: item.span }], envFiles: [] };
  if (item.kind !== 'map') return undefined;
  const dir = mapValue(item, 'project_directory');
  const dirText = stringValue(dir);
  return {
    paths: stringsOf(mapValue(item, 'path')),
    envFiles: stringsOf(mapValue(item, 'env_file')),
    ...(dir && dirText !== undefined ? { projectDirectory: { text: dirText, at: dir.span } } : {}),
  };
}

function stringsOf(node: Located | undefined): Named[] {
  if (node === undefined) return [];
  const items = node.kind === 'seq' ? node.items : [node];
  return items.flatMap((i) => {
    const text = stringValue(i);
    return text === undefined ? [] : [{ text, at: i.span }];
  });
}

/** Resources of the included projects, in include order, ahead of the file's own; a clash that differs is an error. */
function importResources(target: LocatedMap, sources: readonly LocatedMap[], ctx: LoaderContext): LocatedMap {
  let out = target;
  for (const key of RESOURCES) {
    const existing = mapValue(out, key);
    const own = existing?.kind === 'map' ? existing.entries : [];
    const taken = new Map<string, LocatedEntry>(own.map((e) => [e.key, e]));
    const imported: LocatedEntry[] = [];
    let span: Span | undefined;
    for (const source of sources) {
      const from = mapValue(source, key);
      if (from?.kind !== 'map') continue;
      span ??= from.span;
      for (const e of from.entries) {
        const clash = taken.get(e.key);
        if (!clash) {
          taken.set(e.key, e);
          imported.push(e);
        } else if (!sameValue(clash.value, e.value)) {
          ctx.report({
            code: INCLUDE_CONFLICT,
            severity: 'error',
            message: `${key}.${e.key} is defined twice, differently: here and in an included project`,
            hint: 'Rename one of them, or keep a single definition.',
            ...clash.keySpan,
            related: [{ message: 'the other definition', ...e.keySpan }],
            ...(key === 'services' ? { object: { kind: 'ComposeService', name: e.key } } : {}),
          });
        }
      }
    }
    if (imported.length === 0) continue;
    out = withEntry(out, key, { kind: 'map', entries: [...imported, ...own], span: existing?.span ?? span! }, mapKeySpan(out, key) ?? span);
  }
  return out;
}

function mapKeySpan(map: LocatedMap, key: string): Span | undefined {
  return map.entries.find((e) => e.key === key)?.keySpan;
}
