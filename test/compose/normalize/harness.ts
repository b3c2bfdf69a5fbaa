/** Test harness: normalize a Compose YAML text and collect what was reported. */
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics.js';
import type { Service } from '../../../src/compose/model.js';
import { normalizeProject, type NormalizedProject } from '../../../src/compose/normalize/index.js';
import { parseLocatedStream } from '../../../src/source/located.js';

export const WORKING_DIR = '/project';
export const HOME = '/home/me';

export interface Normalized {
  project: NormalizedProject;
  diagnostics: Diagnostic[];
}

export function normalizeText(text: string, env: Record<string, string | undefined> = {}): Normalized {
  const parsed = parseLocatedStream({ path: 'compose.yaml', text });
  if (parsed.diagnostics.length > 0) throw new Error(`test YAML does not parse: ${parsed.diagnostics[0]!.message}`);
  const root = parsed.documents[0];
  if (!root || root.kind !== 'map') throw new Error('test YAML must be a mapping');
  const diagnostics: Diagnostic[] = [];
  const project = normalizeProject(root, { workingDir: WORKING_DIR, env: { HOME, ...env }, report: (d) => diagnostics.push(d) });
  return { project, diagnostics };
}

/** Normalize one service whose keys are given as YAML lines (indented under `services: { s: … }`). */
export function normalizeService(yaml: string, env?: Record<string, string | undefined>) {
  const body = yaml
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  const { project, diagnostics } = normalizeText(`services:\n  s:\n    image: x\n${body}\n`, env);
  return { service: project.services[0]!, diagnostics };
}

/** `normalizeService` puts the row's YAML on line 4 onwards, indented by 4 columns. */
const ROW_LINE_OFFSET = 3;
const ROW_COLUMN_OFFSET = 4;

/** `code@line:column` with the position counted within a row's YAML. */
export function rowCodes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) =>
    d.line > ROW_LINE_OFFSET ? `${d.code}@${d.line - ROW_LINE_OFFSET}:${d.column - ROW_COLUMN_OFFSET}` : `${d.code}@document ${d.line}:${d.column}`,
  );
}

/** A span's start within a row's YAML. */
export function rowPosition(span: { line: number; column: number }): string {
  return `${span.line - ROW_LINE_OFFSET}:${span.column - ROW_COLUMN_OFFSET}`;
}

/** Strip spans and key spans, so tables can compare model values. */
export function withoutSpans<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === 'span' || key === 'keys' ? undefined : v)),
  ) as T;
}

/** `code@line:column` of each diagnostic, for compact assertions. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
}

export interface Row {
  /** The syntax form under test, e.g. `'127.0.0.1:8080:80/udp'`. */
  name: string;
  /** Keys of service `s` (which already has `image: x`). */
  yaml: string;
  env?: Record<string, string | undefined>;
  /** The model value, spans and key spans left out (absent optional fields are simply not listed). */
  expected?: unknown;
  /** Each diagnostic as `code@line:column`, positions counted within `yaml` (1-based), in report order; none when absent. */
  diagnostics?: string[];
}

/**
 * A named table of syntax forms for one normalizer: `pick` takes the value under test from the service.
 * Refuses a row that asserts nothing and duplicate row names, so no row passes by accident.
 */
export function describeTable(title: string, pick: (service: Service) => unknown, rows: readonly Row[]): void {
  const names = new Set<string>();
  for (const row of rows) {
    if (names.has(row.name)) throw new Error(`${title}: duplicate row ${row.name}`);
    names.add(row.name);
    if (row.expected === undefined && row.diagnostics === undefined) throw new Error(`${title}: row ${row.name} asserts nothing`);
  }
  describe(title, () => {
    test.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
      const { service, diagnostics } = normalizeService(row.yaml, row.env);
      expect(rowCodes(diagnostics)).toEqual(row.diagnostics ?? []);
      if (row.expected !== undefined) expect(withoutSpans(pick(service))).toEqual(row.expected);
    });
  });
}
