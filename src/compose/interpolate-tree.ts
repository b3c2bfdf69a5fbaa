/**
 * Interpolation of a whole Compose document: every string value (never a key) is substituted, and the
 * strings of typed fields are cast (see cast.ts). Problems are reported at the `${…}` inside the scalar.
 */
import type { Diagnostic, DiagnosticSink, FieldPath, ObjectRef } from '../diagnostics.js';
import type { Located, LocatedScalar } from '../source/located.js';
import type { LineIndex } from '../source/lines.js';
import { spanOf, type Span } from '../source/span.js';
import { CastCursor, castString, type CastKind } from './cast.js';
import { rawOffsetOf, substitute, type TemplateProblem, type VariableLookup } from './interpolate.js';
import { interpolationDiagnostic } from './interpolation-diagnostics.js';
import { describePath } from './field-names.js';

export const INVALID_TYPE = 'compose/invalid-type';

export interface TreeInterpolation {
  lookup: VariableLookup;
  report: DiagnosticSink;
  /** The text of every file read, by the path spans name, to position `${…}` inside a scalar. */
  texts: ReadonlyMap<string, LineIndex>;
}

export function interpolateTree(node: Located, ctx: TreeInterpolation, path: FieldPath = [], cursor: CastCursor | undefined = CastCursor.root): Located {
  switch (node.kind) {
    case 'scalar':
      return interpolateScalar(node, ctx, path, cursor?.cast);
    case 'seq': {
      let changed = false;
      const items = node.items.map((item, i) => {
        const out = interpolateTree(item, ctx, [...path, i], cursor?.child(i));
        changed ||= out !== item;
        return out;
      });
      return changed ? { ...node, items } : node;
    }
    case 'map': {
      let changed = false;
      const entries = node.entries.map((e) => {
        const value = interpolateTree(e.value, ctx, [...path, e.key], cursor?.child(e.key));
        if (value === e.value) return e;
        changed = true;
        return { ...e, value };
      });
      return changed ? { ...node, entries } : node;
    }
  }
}

function interpolateScalar(node: LocatedScalar, ctx: TreeInterpolation, path: FieldPath, kind: CastKind | undefined): LocatedScalar {
  if (typeof node.value !== 'string') return node;
  let value: string = node.value;
  const interpolated = value.includes('$');
  if (interpolated) {
    const result = substitute(value, ctx.lookup);
    for (const p of result.problems) ctx.report(withContext(interpolationDiagnostic(p, problemSpan(node, value, p, ctx)), path));
    value = result.value;
  }
  if (kind === undefined) return interpolated ? { ...node, value } : node;
  const cast = castString(value, kind);
  if (cast.ok) return { ...node, value: cast.value };
  ctx.report(
    withContext(
      {
        code: INVALID_TYPE,
        severity: 'error',
        message: `${describePath(path)} must be ${cast.expected}, not ${interpolated ? 'the interpolated value' : JSON.stringify(value)}`,
        ...node.span,
      },
      path,
    ),
  );
  return interpolated ? { ...node, value } : node;
}

/** The span of a problem's `${…}` in the source, or the whole scalar when the source spells it otherwise. */
function problemSpan(node: LocatedScalar, template: string, problem: TemplateProblem, ctx: TreeInterpolation): Span {
  const lines = ctx.texts.get(node.span.file);
  if (!lines) return node.span;
  const start = lines.lineStart(node.span.line) + node.span.column - 1;
  const end = lines.lineStart(node.span.endLine) + node.span.endColumn - 1;
  const at = rawOffsetOf(lines.text.slice(start, end), template, problem.offset, problem.length);
  return at === undefined ? node.span : spanOf(node.span.file, lines, start + at, start + at + problem.length);
}

function withContext(d: Diagnostic, path: FieldPath): Diagnostic {
  const object = serviceOf(path);
  return { ...d, path, ...(object ? { object } : {}) };
}

/** The Compose service a field path is inside, if any. */
export function serviceOf(path: FieldPath): ObjectRef | undefined {
  return path[0] === 'services' && typeof path[1] === 'string' ? { kind: 'ComposeService', name: path[1] } : undefined;
}
