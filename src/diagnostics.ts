/**
 * The one diagnostic shape shared by every stage (YAML, Compose, conversion, lint, diff).
 * Lines and columns are 1-based. Deep code pushes diagnostics into a sink and carries on.
 */
import { terminalSafeLine } from './text/terminal-text.js';
import { shortForReading } from './text/short-for-reading.js';

export type Severity = 'error' | 'warning' | 'info';

/** A Kubernetes object, or a Compose service (kind 'ComposeService'), a diagnostic is about. */
export interface ObjectRef {
  apiVersion?: string;
  kind: string;
  name: string;
  namespace?: string;
}

export type FieldPath = readonly (string | number)[];

/** A place in a file. `endLine`/`endColumn` are exclusive of the last character + 1, like LSP/SARIF. */
export interface Position {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface RelatedLocation extends Position {
  message: string;
}

export interface Diagnostic extends Position {
  /** Rule or code id: 'yaml-syntax', 'compose/unknown-key', 'convert/dropped-key', 'service-selector-mismatch'. */
  code: string;
  severity: Severity;
  message: string;
  /** A lint rule's message id, when the diagnostic comes from a rule. */
  messageId?: string;
  object?: ObjectRef;
  path?: FieldPath;
  /** What to do about it. */
  hint?: string;
  related?: RelatedLocation[];
}

/** Where deep code reports what it found. */
export type DiagnosticSink = (diagnostic: Diagnostic) => void;

/** A result that may carry diagnostics, for functions that can fail on input. */
export interface WithDiagnostics<T> {
  value: T;
  diagnostics: Diagnostic[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: file, line, column, severity, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export interface DiagnosticCounts {
  error: number;
  warning: number;
  info: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * `file:line:column severity code message`: the one-line form used on stderr (long quoted text cut for reading).
 * User text (file names, quoted keys and values) is made terminal-safe: a line break
 * or an escape sequence in a file name must not start a line of its own (`::error …` is a GitHub workflow
 * command) or rewrite the screen.
 */
export function formatDiagnosticLine(d: Diagnostic): string {
  return `${terminalSafeLine(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${terminalSafeLine(shortForReading(d.message))}`;
}


/**
 * The stderr form of a diagnostic (convert, diff, config): its one line, then one indented line per related
 * location (`  related: file:line:column message`, the other place of a collision) and for the hint.
 */
export function formatDiagnosticBlock(d: Diagnostic): string {
  let out = formatDiagnosticLine(d);
  for (const r of d.related ?? []) out += `\n  related: ${terminalSafeLine(r.file)}:${r.line}:${r.column} ${terminalSafeLine(shortForReading(r.message))}`;
  if (d.hint !== undefined) out += `\n  hint: ${terminalSafeLine(shortForReading(d.hint))}`;
  return out;
}

/** Render a field path as `spec.template.spec.containers[0].image`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
