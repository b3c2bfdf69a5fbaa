/**
 * compose/: load a Compose project exactly as `docker compose` does and normalize it into the typed model.
 * Pure: file access goes through the FileHost handed in; the environment is a plain record.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { FileHost } from '../host.js';
import type { ComposeProject } from './model.js';
import { loadComposeProject } from './load.js';

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
  /**
   * Read the files Compose files name (`extends`, `include`, env files) and the project's `.env` only inside
   * the project directory (src/compose/confine.ts): convert and diff, unless `--allow-outside-project`.
   */
  confine?: boolean;
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

/**
 * Load a Compose project as `docker compose` does: discovery, variables, interpolation, extends, include,
 * merging, schema validation, profiles, normalization into the model, env files, consistency checks.
 * Never throws on bad input; every problem is a diagnostic (file paths absolute, `<stdin>` for `-f -`).
 */
export async function loadProject(options: LoadOptions): Promise<LoadResult> {
  return loadComposeProject(options);
}
