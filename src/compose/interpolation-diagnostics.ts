/** Diagnostics for substitution problems (shared by Compose files and env files). Values are never printed. */
import type { Diagnostic } from '../diagnostics.js';
import type { Span } from '../source/span.js';
import type { TemplateProblem } from './interpolate.js';

export const MISSING_VARIABLE = 'compose/missing-variable';
export const UNSET_VARIABLE = 'compose/unset-variable';
export const INVALID_INTERPOLATION = 'compose/invalid-interpolation';

export function interpolationDiagnostic(problem: TemplateProblem, at: Span): Diagnostic {
  switch (problem.kind) {
    case 'missing':
      return {
        code: MISSING_VARIABLE,
        severity: 'error',
        message: `required variable ${problem.name} is not set${problem.message ? `: ${problem.message}` : ''}`,
        hint: `Set ${problem.name} in the environment, in the project's .env file, or in a file given with --env-file.`,
        ...at,
      };
    case 'unset':
      return {
        code: UNSET_VARIABLE,
        severity: 'warning',
        message: `variable ${problem.name} is not set; an empty string is used`,
        hint: `Set ${problem.name}, give a default with \${${problem.name}:-default}, or write $$ for a literal '$'.`,
        ...at,
      };
    case 'invalid':
      return {
        code: INVALID_INTERPOLATION,
        severity: 'error',
        message: `invalid interpolation: ${problem.reason}`,
        hint: "Write $$ for a literal '$'.",
        ...at,
      };
  }
}
