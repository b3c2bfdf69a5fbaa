/** source/: parsing and positions. Nothing above this layer knows which YAML parser is used. */
export { decodeSource, type SourceFile } from './file.js';
export { LineIndex } from './lines.js';
export { spanOf, type Span } from './span.js';
export {
  entryOf,
  locateIn,
  parseLocatedStream,
  toPlain,
  type Located,
  type LocatedEntry,
  type LocatedMap,
  type LocatedScalar,
  type LocatedSeq,
  type LocatedStream,
  type LocatedStreamOptions,
  type ScalarStyle,
} from './located.js';
export { parseDocuments, splitDocuments, type DocumentStream, type ParsedDocument } from './documents.js';
export { YAML_SYNTAX } from './yaml-errors.js';
