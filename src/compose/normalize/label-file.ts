/**
 * `label_file`: a path or a list of paths, each resolved against the project directory. The loader reads
 * the files after normalization (../label-files.ts) and puts their labels under the service's own.
 */
import type { LabelFile } from '../model.js';
import type { Located } from '../../source/located.js';
import { within, type Scope } from './context.js';
import { readNamedPath } from './paths.js';

export function readLabelFiles(node: Located, scope: Scope): LabelFile[] {
  const items: [Located, Scope][] = node.kind === 'seq' ? node.items.map((item, i) => [item, within(scope, i)]) : [[node, scope]];
  return items.flatMap(([item, s]) => {
    const named = readNamedPath(item, s);
    return named ? [{ ...named, span: item.span }] : [];
  });
}
