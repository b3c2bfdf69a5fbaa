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
  if (error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(error.message)) {
    // The parser ran out of stack (nesting) or of its alias budget: one plain message, never the engine's.
    const deep = /call stack|depth|nest/i.test(error.message);
    return {
      code: YAML_SYNTAX,
      messageId: deep ? 'tooDeep' : 'limit',
      severity,
      message: deep ? 'the YAML is nested too deeply to be read' : 'the YAML expands aliases into too many nodes (an alias bomb?)',
      ...span,
    };
  }
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
