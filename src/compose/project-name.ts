/**
 * The project name, as docker compose picks it: `-p`, else `COMPOSE_PROJECT_NAME`, else the top-level
 * `name` of the files (the last one that sets it), else the project directory's name made valid
 * (lower-cased, characters outside [a-z0-9_-] dropped). A name given explicitly must already be valid.
 */
import { posix } from 'node:path';
import type { DiagnosticSink } from '../diagnostics.js';
import type { LocatedScalar } from '../source/located.js';

export const INVALID_PROJECT_NAME = 'compose/invalid-project-name';

const VALID = /^[a-z0-9][a-z0-9_-]*$/;

export function isValidProjectName(name: string): boolean {
  return VALID.test(name);
}

/** The directory name made into a valid project name (may be empty). */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

export interface NameSources {
  option?: string;
  environment?: string;
  /** The interpolated top-level `name` scalar of the files, if any. */
  fromFiles?: LocatedScalar;
  workingDir: string;
}

export function projectName(sources: NameSources, report: DiagnosticSink): string {
  const hint = "A project name uses lower-case letters, digits, '-' and '_', and starts with a letter or a digit.";
  if (sources.option) return sources.option;
  if (sources.environment) {
    if (VALID.test(sources.environment)) return sources.environment;
    report({
      code: INVALID_PROJECT_NAME,
      severity: 'error',
      message: `COMPOSE_PROJECT_NAME '${sources.environment}' is not a valid project name`,
      hint,
      file: sources.workingDir,
      line: 1,
      column: 1,
    });
    return normalizeProjectName(sources.environment) || 'default';
  }
  const declared = sources.fromFiles;
  if (declared && declared.value !== null && String(declared.value) !== '') {
    const name = String(declared.value);
    if (VALID.test(name)) return name;
    report({
      code: INVALID_PROJECT_NAME,
      severity: 'error',
      message: `'${name}' is not a valid project name`,
      hint,
      path: ['name'],
      ...declared.span,
    });
    return normalizeProjectName(name) || 'default';
  }
  const fromDir = normalizeProjectName(posix.basename(sources.workingDir));
  if (fromDir !== '') return fromDir;
  report({
    code: INVALID_PROJECT_NAME,
    severity: 'error',
    message: `the directory ${sources.workingDir} gives no usable project name`,
    hint: `Set one with -p, COMPOSE_PROJECT_NAME or a top-level name. ${hint}`,
    file: sources.workingDir,
    line: 1,
    column: 1,
  });
  return 'default';
}
