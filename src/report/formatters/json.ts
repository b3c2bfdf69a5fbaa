/**
 * `json`: one JSON object (documented in docs/formats.md):
 *
 *   { "formatVersion": 1, "tool": {...}, "counts": {...}, "diagnostics": [ {...}, ... ] }
 *
 * Every diagnostic has exactly the keys of `JsonDiagnostic`, in that order; a value that is not known is
 * `null` (never a missing key), `related` is always an array. Diagnostics are in the stable order of
 * `sortDiagnostics`. Strings are the diagnostics' own, unchanged (JSON escaping keeps them exact).
 */
import { countDiagnostics, sortDiagnostics, type Diagnostic, type DiagnosticCounts, type Severity } from '../../diagnostics.js';
import type { Formatter, ReportInput } from '../formatter.js';
import { stringifyJson } from '../json-text.js';

/** Bumped when a key changes meaning or is removed; adding keys does not bump it. */
export const JSON_FORMAT_VERSION = 1;

export interface JsonObjectRef {
  apiVersion: string | null;
  kind: string;
  name: string;
  namespace: string | null;
}

export interface JsonRelated {
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
}

export interface JsonDiagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
  object: JsonObjectRef | null;
  /** The field path as segments: `["spec", "ports", 0, "targetPort"]`. */
  path: (string | number)[] | null;
  hint: string | null;
  related: JsonRelated[];
}

export interface JsonReport {
  formatVersion: number;
  tool: { name: string; version: string };
  counts: DiagnosticCounts;
  diagnostics: JsonDiagnostic[];
}

export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    ruleId: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    object: d.object
      ? {
          apiVersion: d.object.apiVersion ?? null,
          kind: d.object.kind,
          name: d.object.name,
          namespace: d.object.namespace ?? null,
        }
      : null,
    path: d.path ? [...d.path] : null,
    hint: d.hint ?? null,
    related: (d.related ?? []).map((r) => ({
      message: r.message,
      file: r.file,
      line: r.line,
      column: r.column,
      endLine: r.endLine ?? null,
      endColumn: r.endColumn ?? null,
    })),
  };
}

export function toJsonReport(input: ReportInput): JsonReport {
  return {
    formatVersion: JSON_FORMAT_VERSION,
    tool: { name: input.tool.name, version: input.tool.version },
    counts: countDiagnostics(input.diagnostics),
    diagnostics: sortDiagnostics(input.diagnostics).map(toJsonDiagnostic),
  };
}

export const json: Formatter = (input) => stringifyJson(toJsonReport(input));
