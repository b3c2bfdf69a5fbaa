/**
 * `--output json`: the whole result as one JSON document (docs/diff.md describes it field by field).
 * `version` changes only when a field changes meaning or goes away.
 */
import { stringifyJson } from '../../report/json-text.js';
import { formatChangePath } from '../field-path.js';
import type { DiffResult, ObjectDiff, ObjectSide } from '../index.js';

export const DIFF_JSON_VERSION = 1;

function sideJson(side: ObjectSide | undefined): unknown {
  if (!side) return null;
  return { apiVersion: side.apiVersion, file: side.source?.file ?? null, line: side.source?.line ?? null };
}

function objectJson(object: ObjectDiff): unknown {
  return {
    status: object.status,
    group: object.group,
    kind: object.kind,
    namespace: object.namespace ?? null,
    name: object.name,
    left: sideJson(object.left),
    right: sideJson(object.right),
    changes: object.changes.map((c) => {
      const out: Record<string, unknown> = { op: c.op, path: formatChangePath(c.path) };
      if (c.op !== 'added') out.old = c.old;
      if (c.op !== 'removed') out.new = c.new;
      if (c.masked) out.masked = true;
      return out;
    }),
  };
}

export function renderJson(result: DiffResult): string {
  return stringifyJson({ version: DIFF_JSON_VERSION, counts: result.counts, objects: result.objects.map(objectJson) });
}
