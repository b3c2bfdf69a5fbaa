import type { DiagnosticSink, FieldPath, ObjectRef, Severity } from '../../diagnostics.js';
import type { Span } from '../../source/span.js';

/** What normalization needs from the loader: where relative paths start, the variables, and where to report. */
export interface NormalizeContext {
  /** Absolute project directory. */
  workingDir: string;
  /**
   * Resolved variables (process environment + `.env`): `HOME` for `~` expansion, values of key-only
   * `environment` entries, and the sources of secrets/configs declared with `environment:`.
   */
  env: Readonly<Record<string, string | undefined>>;
  report: DiagnosticSink;
}

/** Codes of the diagnostics normalization reports. */
export const INVALID_VALUE = 'compose/invalid-value';
export const INVALID_TYPE = 'compose/invalid-type';
/** A value docker compose accepts but silently ignores or truncates. */
export const IGNORED_VALUE = 'compose/ignored-value';

/**
 * Where a normalizer is in the project: the context, the field path of the node it reads (for the
 * diagnostic's `path`) and the Compose service it belongs to (for the diagnostic's `object`).
 */
export interface Scope {
  readonly ctx: NormalizeContext;
  readonly path: FieldPath;
  readonly object?: ObjectRef;
}

export function rootScope(ctx: NormalizeContext): Scope {
  return { ctx, path: [] };
}

/** The scope of a child node. */
export function within(scope: Scope, ...parts: (string | number)[]): Scope {
  return { ...scope, path: [...scope.path, ...parts] };
}

/** The scope of a service's mapping. */
export function serviceScope(scope: Scope, name: string): Scope {
  return { ctx: scope.ctx, path: ['services', name], object: { kind: 'ComposeService', name } };
}

export interface Problem {
  severity?: Severity;
  code?: string;
  message: string;
  hint?: string;
}

/** Report a problem at a span (an error with code `compose/invalid-value` unless told otherwise). */
export function report(scope: Scope, at: Span, problem: Problem): void {
  scope.ctx.report({
    code: problem.code ?? INVALID_VALUE,
    severity: problem.severity ?? 'error',
    message: problem.message,
    file: at.file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    path: scope.path,
    ...(scope.object ? { object: scope.object } : {}),
    ...(problem.hint ? { hint: problem.hint } : {}),
  });
}
