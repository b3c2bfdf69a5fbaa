/**
 * `stylish`: the human-readable report. Findings grouped by file (files in sorted order), one aligned
 * row per finding, a code frame under each error, hints and related locations under their finding, and
 * a summary line. Nothing at all when there are no findings. Messages quote user text in full (a 100 KB key
 * in "unknown field '…'"); here, for a reader, a long quoted segment is cut in the middle and a very long
 * line at its end (`shortForReading`). The machine formats (json, sarif, junit) keep the full message.
 *
 *   k8s/service.yaml
 *     11:10  error    Service 'web' selects no Pod  service-selector-mismatch
 *       > 11 |     app: web-fronted
 *            |          ^^^^^^^^^^^
 *       hint: fix the selector or the Deployment's labels
 *       related: k8s/deploy.yaml:8:9  labels of Deployment 'web-frontend'
 *
 *   ✖ 1 problem (1 error, 0 warnings)
 */
import { countDiagnostics, sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics.js';
import { LineIndex } from '../../source/lines.js';
import { codeFrame } from '../code-frame.js';
import type { Formatter, ReportInput, SourceRegion } from '../formatter.js';
import { palette, type Palette } from '../palette.js';
import { shortForReading } from '../../text/short-for-reading.js';
import { displayWidth, padDisplay, terminalSafeLine, terminalSafeLines } from '../../text/terminal-text.js';

/** Messages wider than this do not push the rule-id column further right. */
const MAX_ALIGNED_MESSAGE_WIDTH = 80;
const SEVERITY_WIDTH = 'warning'.length;
const DETAIL_INDENT = '    ';
interface SourceView {
  lines: LineIndex;
  secrets: readonly SourceRegion[];
}

export const stylish: Formatter = (input, options) => {
  const diagnostics = sortDiagnostics(input.diagnostics);
  if (diagnostics.length === 0) return '';
  const paint = palette(options.color);
  const sources = sourceViews(input);

  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  const blocks = [...groups].map(([file, group]) => renderFile(file, group, paint, sources).join('\n'));
  return `${blocks.join('\n\n')}\n\n${summaryLine(diagnostics, paint)}\n`;
};

function sourceViews(input: ReportInput): (file: string) => SourceView | undefined {
  const cache = new Map<string, SourceView | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      const text = input.source(file);
      cache.set(file, text === undefined ? undefined : { lines: new LineIndex(text), secrets: input.secretRegions?.(file) ?? [] });
    }
    return cache.get(file);
  };
}

function renderFile(
  file: string,
  group: readonly Diagnostic[],
  paint: Palette,
  sources: (file: string) => SourceView | undefined,
): string[] {
  const rows = group.map((d) => ({
    d,
    position: `${d.line}:${d.column}`,
    message: terminalSafeLines(shortForReading(d.message)),
  }));
  // reduce, not Math.max(...): a file can have more findings than a call has room for arguments.
  const positionWidth = rows.reduce((w, r) => Math.max(w, r.position.length), 0);
  const messageWidth = rows.reduce((w, r) => Math.max(w, Math.min(MAX_ALIGNED_MESSAGE_WIDTH, displayWidth(r.message[0]!))), 0);
  const messageIndent = ' '.repeat(2 + positionWidth + 2 + SEVERITY_WIDTH + 2);

  const out = [paint.file(terminalSafeLine(file))];
  for (const { d, position, message } of rows) {
    const [first, ...rest] = message;
    out.push(
      `  ${paint.dim(position)}${pad(position, positionWidth)}  ${paint.severity(d.severity, d.severity)}${pad(d.severity, SEVERITY_WIDTH)}  ` +
        `${padDisplay(first!, messageWidth)}  ${paint.dim(terminalSafeLine(d.code))}`.trimEnd(),
    );
    for (const line of rest) out.push(`${messageIndent}${line}`.trimEnd());
    if (d.severity === 'error') {
      const source = sources(d.file);
      const frame = source && codeFrame(source.lines, d, d.severity, paint, source.secrets);
      if (frame) for (const line of frame) out.push(`${DETAIL_INDENT}${line}`);
    }
    if (d.hint !== undefined) out.push(...labelled('hint', shortForReading(d.hint), paint));
    for (const r of d.related ?? []) {
      out.push(...labelled('related', `${r.file}:${r.line}:${r.column}  ${shortForReading(r.message)}`, paint));
    }
  }
  return out;
}

/** `    hint: text`, with further lines of the text indented under its first. */
function labelled(label: string, text: string, paint: Palette): string[] {
  const [first, ...rest] = terminalSafeLines(text);
  const indent = DETAIL_INDENT + ' '.repeat(label.length + 2);
  return [`${DETAIL_INDENT}${paint.dim(`${label}:`)} ${first}`.trimEnd(), ...rest.map((line) => `${indent}${line}`.trimEnd())];
}

const pad = (text: string, width: number) => ' '.repeat(Math.max(0, width - text.length));

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `✖ 3 problems (1 error, 2 warnings)`; infos are counted when there are any. */
function summaryLine(diagnostics: readonly Diagnostic[], paint: Palette): string {
  const counts = countDiagnostics(diagnostics);
  const worst: Severity = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info';
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(`${counts.info} info`);
  const symbol = worst === 'info' ? 'ℹ' : '✖';
  return paint.summary(worst, `${symbol} ${plural(diagnostics.length, 'problem')} (${parts.join(', ')})`);
}
