/**
 * `--output summary`: one line per object (`~ Deployment shop/api: spec.replicas, …`, `+`, `-`, `=` for
 * unchanged), then the counts. Changed objects name their changed fields (the first few).
 */
import { terminalSafeLine } from '../../text/terminal-text.js';
import { formatChangePath } from '../field-path.js';
import type { DiffResult, ObjectDiff } from '../index.js';
import { diffPalette } from './colors.js';
import { statusLine } from './status-mark.js';

export interface SummaryOptions {
  color: boolean;
}

/** Changed fields named per object; the rest are counted. */
export const MAX_PATHS_SHOWN = 5;

function describe(object: ObjectDiff): string {
  if (object.status !== 'changed') return object.label;
  const paths = object.changes.slice(0, MAX_PATHS_SHOWN).map((c) => formatChangePath(c.path));
  const more = object.changes.length - paths.length;
  return `${object.label}: ${paths.join(', ')}${more > 0 ? ` (and ${more} more)` : ''}`;
}

export function renderSummary(result: DiffResult, options: SummaryOptions): string {
  const palette = diffPalette(options.color);
  const lines = result.objects.map((o) => statusLine(o.status, terminalSafeLine(describe(o)), palette));
  const { added, removed, changed, unchanged } = result.counts;
  lines.push(`${added} added, ${removed} removed, ${changed} changed, ${unchanged} unchanged`);
  return `${lines.join('\n')}\n`;
}
