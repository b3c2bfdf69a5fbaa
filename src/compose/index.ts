/**
 * compose/: load a Compose project exactly as `docker compose` does and normalize it into the typed model.
 * Pure: file access goes through the FileHost handed in; the environment is a plain record.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { FileHost } from '../host.js';
import type { ComposeProject } from './model.js';

export type * from './model.js';

export interface LoadOptions {
  /** `-f` values as the user gave them (`-` is standard input). Empty: discovery (COMPOSE_FILE, then compose.yaml …). */
  files: readonly string[];
  /** `--env-file` values; empty: the project's `.env`. */
  envFiles: readonly string[];
  /** `--profile` values (COMPOSE_PROFILES is read from `env` when empty). */
  profiles: readonly string[];
  /** `-p`. */
  projectName?: string;
  /** Absolute working directory. */
  cwd: string;
  /** The process environment (never read from `process.env` below src/cli/). */
  env: Readonly<Record<string, string | undefined>>;
  host: FileHost;
  /** Content of standard input, for `-f -`. */
  stdin?: () => Promise<Uint8Array>;
}

export interface LoadResult {
  /** Present unless the project could not be read at all. */
  project?: ComposeProject;
  diagnostics: Diagnostic[];
  /**
   * `ok`: loaded (warnings allowed); `invalid`: the project has errors (exit 1);
   * `unreadable`: a named file is missing or unreadable, or nothing was found (exit 2).
   */
  status: 'ok' | 'invalid' | 'unreadable';
}

export async function loadProject(_options: LoadOptions): Promise<LoadResult> {
  throw new Error('loadProject: not implemented yet');
}
