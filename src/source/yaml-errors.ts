import type { YAMLError } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { LineIndex } from './lines.js';
import { spanOf } from './span.js';

/** The code every YAML-level problem is reported under (it is also a lint rule id). */
export const YAML_SYNTAX = 'yaml-syntax';

/**
 * Map an error or warning of the `yaml` package to a Diagnostic. `base` is the offset of the parsed
 * text inside the file (documents may be parsed one at a time).
 */
export function yamlErrorToDiagnostic(
  error: YAMLError,
  file: string,
  lines: LineIndex,
  base: number,
  severity: Severity,
): Diagnostic {
  const [start, end] = error.pos;
  const span = spanOf(file, lines, base + start, base + Math.max(end, start + 1));
  return {
    code: YAML_SYNTAX,
    messageId: error.code,
    severity,
    message: cleanMessage(error.message),
    ...span,
  };
}

/** The `yaml` package appends " at line X, column Y" and a code frame; positions are ours to give. */
function cleanMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
}

/** A diagnostic for input that exhausts a resource limit (alias bomb, extreme nesting). */
export function limitDiagnostic(file: string, line: number, column: number, messageId: string, message: string): Diagnostic {
  return { code: YAML_SYNTAX, messageId, severity: 'error', message, file, line, column };
}
