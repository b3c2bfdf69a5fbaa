/**
 * A Compose side of `shipshape diff`: load the project (compose/) and convert it (translate/) with the same
 * options as `shipshape convert`, then hand its objects to the diff. Conversion diagnostics come back for
 * stderr; a project that cannot be read is a problem (exit 2).
 */
import { resolve } from 'node:path';
import type { FileHost } from '../host.js';
import { diffObjectsOfValues } from '../diff/objects.js';
import { shownDiagnostic as shown, translateOptions, type ConversionOptions } from './convert-options.js';
import type { SideRead } from './diff-sides.js';
import type { Io } from './io.js';

/** The `convert` options that apply to Compose sides. */
export interface ComposeSideOptions extends ConversionOptions {
  envFiles: readonly string[];
  profiles: readonly string[];
  projectName?: string;
}

export interface ComposeInput {
  /** `-f` values (absolute paths, or `-`); empty: discovery in `cwd`. */
  files: readonly string[];
  /** The project directory for discovery, else the working directory. */
  cwd: string;
  stdin?: () => Promise<Uint8Array>;
  /** How the side is named in headers (`compose.yaml`). */
  label: string;
}

export async function convertComposeSide(
  input: ComposeInput,
  options: { defaultNamespace: string; compose: ComposeSideOptions },
  io: Io,
  host: FileHost,
): Promise<SideRead> {
  // Loaded on demand: manifest-only diffs never pay for the Compose loader and converter.
  const { loadProject } = await import('../compose/index.js');
  const { translateProject } = await import('../translate/index.js');
  const compose = options.compose;
  const loaded = await loadProject({
    files: input.files,
    // `--env-file` paths are the user's, relative to the working directory, whatever the project directory.
    envFiles: compose.envFiles.map((f) => resolve(io.cwd, f)),
    profiles: compose.profiles,
    ...(compose.projectName !== undefined ? { projectName: compose.projectName } : {}),
    cwd: input.cwd,
    env: io.env,
    host,
    ...(input.stdin ? { stdin: input.stdin } : {}),
    confine: !compose.allowOutsideProject,
  });
  const diagnostics = loaded.diagnostics.map((d) => shown(io.cwd, d));
  if (loaded.status === 'unreadable' || !loaded.project) {
    return { objects: [], diagnostics, problems: [`cannot read the Compose project ${input.label}`], notes: [] };
  }
  const result = await translateProject(loaded.project, translateOptions(compose, host));
  for (const d of result.diagnostics) diagnostics.push(shown(io.cwd, d));
  const objects = diffObjectsOfValues(result.objects, { defaultNamespace: options.defaultNamespace, sourceFile: input.label });
  return { objects, diagnostics, problems: [], notes: [], converted: input.label };
}
