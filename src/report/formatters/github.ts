/**
 * `github`: GitHub Actions workflow commands, one line per finding, which GitHub shows as annotations
 * on the pull request:
 *
 *   ::error file=k8s/svc.yaml,line=11,col=10,endLine=11,endColumn=21,title=service-selector-mismatch::Service 'web' selects no Pod
 *
 * `error` → `::error`, `warning` → `::warning`, `info` → `::notice`. The hint and related locations
 * follow the message on further lines (escaped as `%0A`). GitHub only honours columns on one-line
 * ranges, so a finding spanning lines is annotated at its start line and column. Nothing is printed
 * when there are no findings.
 */
import { sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics.js';
import type { Formatter } from '../formatter.js';
import { terminalSafeLine } from '../../text/terminal-text.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escape a command's message (GitHub's own rules: `%`, CR and LF). Other control and bidi characters
 * are shown as visible escapes first, since the Actions log renders ANSI sequences.
 */
export function escapeWorkflowData(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(terminalSafeLine)
    .join('\n')
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

/** Escape a command property value: as data, plus `:` and `,`, which separate properties. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function properties(d: Diagnostic): string {
  const props: [string, string | number][] = [['file', d.file], ['line', d.line], ['col', d.column]];
  const endLine = d.endLine ?? d.line;
  if (endLine === d.line && d.endColumn !== undefined && d.endColumn > d.column) {
    props.push(['endLine', endLine], ['endColumn', d.endColumn]);
  }
  props.push(['title', d.code]);
  return props.map(([key, value]) => `${key}=${escapeWorkflowProperty(String(value))}`).join(',');
}

function data(d: Diagnostic): string {
  const lines = [d.message];
  if (d.hint !== undefined) lines.push(`Hint: ${d.hint}`);
  for (const r of d.related ?? []) lines.push(`Related: ${r.file}:${r.line}:${r.column} ${r.message}`);
  return escapeWorkflowData(lines.join('\n').replace(/[\r\n]+$/, ''));
}

export const github: Formatter = (input) =>
  sortDiagnostics(input.diagnostics)
    .map((d) => `::${commands[d.severity]} ${properties(d)}::${data(d)}\n`)
    .join('');
