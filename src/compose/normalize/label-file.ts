/**
 * `label_file`: a path or a list of paths, each resolved against the project directory. The loader reads
 * the files after normalization (../label-files.ts) and puts their labels under the service's own.
 */
import type { Located } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { within, type Scope } from './context.js';
import { readNamedPath, type NamedPath } from './paths.js';

/** One `label_file` entry: `span` is the entry as written (missing or unreadable files are reported there). */
export interface LabelFile extends NamedPath {
  span: Span;
}

// The model's Service gains the entries here, next to their reader (model.ts is another owner's file:
// the declaration belongs there).
declare module '../model.js' {
  interface Service {
    /** `label_file` entries in order; their labels are already in `labels` once the project is loaded. */
    labelFiles?: LabelFile[];
  }
}

export function readLabelFiles(node: Located, scope: Scope): LabelFile[] {
  const items: [Located, Scope][] = node.kind === 'seq' ? node.items.map((item, i) => [item, within(scope, i)]) : [[node, scope]];
  return items.flatMap(([item, s]) => {
    const named = readNamedPath(item, s);
    return named ? [{ ...named, span: item.span }] : [];
  });
}
