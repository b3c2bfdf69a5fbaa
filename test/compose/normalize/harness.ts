/** Test harness: normalize a Compose YAML text and collect what was reported. */
import type { Diagnostic } from '../../../src/diagnostics.js';
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

/** The first line of a service key's YAML is line 4 of the document `normalizeService` builds. */
export const FIRST_LINE = 4;

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
