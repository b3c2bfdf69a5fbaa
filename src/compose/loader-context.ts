/** What every loader stage shares during one `loadProject` call. */
import type { Confinement } from './confine.js';
import type { DiagnosticSink } from '../diagnostics.js';
import type { FileHost } from '../host.js';
import type { LineIndex } from '../source/lines.js';
import type { LocatedMap } from '../source/located.js';
import type { Span } from '../source/span.js';

export interface LoaderContext {
  host: FileHost;
  /** Absolute directory `-f` and `--env-file` paths are relative to. */
  cwd: string;
  report: DiagnosticSink;
  /** Every text file read, by the path its spans name (to position `${…}` inside scalars). */
  texts: Map<string, LineIndex>;
  /** Compose files already read and parsed, by absolute path (extends and include may name a file again). */
  parsed: Map<string, Promise<ComposeSource | undefined>>;
  stdin?: () => Promise<Uint8Array>;
  /** Set when a file named on the command line (or discovery) cannot be read at all: exit 2. */
  unreadable: boolean;
  /** Files named by Compose files (and the project's `.env`) are read only inside this directory (confine.ts). */
  confinement?: Confinement;
}

/** Where a file is named by another file (extends, include, env_file): the reference, as written. */
export interface Origin {
  at: Span;
  name: string;
}

/** A parsed Compose file: its documents that are mappings, before interpolation. */
export interface ComposeSource {
  /** Absolute path, or `<stdin>`. */
  path: string;
  /** Absolute directory of the file (the working directory for standard input). */
  dir: string;
  documents: LocatedMap[];
}

/**
 * One project being loaded: the top-level project, or a project brought in by `include` (which has its own
 * directory and variables).
 */
export interface Layer {
  /** Absolute directory the layer's relative paths resolve against. */
  workingDir: string;
  /** The variables the layer's files are interpolated with. */
  env: Readonly<Record<string, string | undefined>>;
  /** Files of the layers that include this one, outermost first (include cycle detection). */
  includedFrom: readonly string[];
}
