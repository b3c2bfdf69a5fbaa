/**
 * Load a fixture's compose.yaml for golden tests: with the real loader (loadProject) once it works, otherwise
 * (while the loader is being written) by normalizing the parsed file directly — no interpolation, merging or
 * profiles, which the golden cases do not need. Diagnostic file names are made relative to the fixture.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadProject } from '../../src/compose/index.js';
import type { ComposeProject } from '../../src/compose/model.js';
import { normalizeProject } from '../../src/compose/normalize/index.js';
import { parseLocatedStream } from '../../src/source/index.js';
import type { FileHost } from '../../src/host.js';

export interface LoadedFixture {
  project?: ComposeProject;
  diagnostics: Diagnostic[];
}

export function relativeTo(dir: string, d: Diagnostic): Diagnostic {
  const rel = (file: string) => (isAbsolute(file) ? relative(dir, file) : file);
  return { ...d, file: rel(d.file), ...(d.related ? { related: d.related.map((r) => ({ ...r, file: rel(r.file) })) } : {}) };
}

const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Load the Compose project of `dir` (its compose.yaml or other default file name). */
export async function loadFixture(dir: string, host: FileHost, env: Record<string, string> = {}): Promise<LoadedFixture> {
  const file = COMPOSE_NAMES.map((n) => join(dir, n)).find((f) => existsSync(f)) ?? join(dir, 'compose.yaml');
  try {
    const result = await loadProject({ files: [file], envFiles: [], profiles: [], cwd: dir, env, host });
    return { ...(result.project ? { project: result.project } : {}), diagnostics: result.diagnostics.map((d) => relativeTo(dir, d)) };
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('not implemented')) throw error;
  }
  const text = readFileSync(file, 'utf8');
  const diagnostics: Diagnostic[] = [];
  const stream = parseLocatedStream({ path: basename(file), text });
  diagnostics.push(...stream.diagnostics);
  const root = stream.documents[0];
  if (!root || root.kind !== 'map') return { diagnostics };
  const normalized = normalizeProject(root, { workingDir: dir, env, report: (d) => diagnostics.push(d) });
  const nameEntry = root.entries.find((e) => e.key === 'name');
  const name = nameEntry && nameEntry.value.kind === 'scalar' ? String(nameEntry.value.value) : basename(dir);
  return {
    project: { name, workingDir: dir, files: [file], ...normalized },
    diagnostics,
  };
}
