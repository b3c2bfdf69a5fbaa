/** shipshape's public API. Re-exports only. */
export * from './diagnostics.js';
export { decodeSource, parseDocuments, parseLocatedStream, type SourceFile, type ParsedDocument, type Located } from './source/index.js';
export { main as runCli } from './cli/main.js';
export type { Io } from './cli/io.js';
