/**
 * Load a fixture's Compose project with the real loader for golden and corpus tests; diagnostic file names
 * are made relative to the fixture folder so goldens do not depend on where the checkout lives.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadProject } from '../../src/compose/index.js';
import type { ComposeProject } from '../../src/compose/model.js';
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
  const result = await loadProject({ files: [file], envFiles: [], profiles: [], cwd: dir, env, host });
  return { ...(result.project ? { project: result.project } : {}), diagnostics: result.diagnostics.map((d) => relativeTo(dir, d)) };
}
