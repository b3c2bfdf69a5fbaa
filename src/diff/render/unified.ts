/**
 * `--output unified`: per added, removed or changed object a header (`~ Deployment shop/api`), then a
 * unified diff (jsdiff) of the two canonical YAML forms; objects are separated by a blank line. Line numbers in hunks count lines of the
 * canonical YAML, not of the files. Unchanged objects print nothing, so identical sides print nothing.
 * Every line is made terminal-safe (control and bidi characters shown as escapes).
 */
import { structuredPatch } from 'diff';
import { terminalSafeLine } from '../../text/terminal-text.js';
import type { DiffResult, ObjectDiff, ObjectSide } from '../index.js';
import { canonicalYaml } from './canonical-yaml.js';
import { diffPalette, type DiffPalette } from './colors.js';
import { statusLine } from './status-mark.js';

export interface UnifiedOptions {
  color: boolean;
  /** Lines of context around each change (default 3). */
  context?: number;
}

export const DEFAULT_CONTEXT = 3;

function sourceLabel(side: ObjectSide | undefined): string {
  const source = side?.source;
  if (!source) return '/dev/null';
  return source.line !== undefined ? `${source.file}:${source.line}` : source.file;
}

function renderObject(object: ObjectDiff, context: number, palette: DiffPalette): string {
  const oldText = object.left?.canonical ? canonicalYaml(object.left.canonical) : '';
  const newText = object.right?.canonical ? canonicalYaml(object.right.canonical) : '';
  const oldName = object.status === 'added' ? '/dev/null' : sourceLabel(object.left);
  const newName = object.status === 'removed' ? '/dev/null' : sourceLabel(object.right);
  const patch = structuredPatch(oldName, newName, oldText, newText, undefined, undefined, { context });
  const lines = [
    statusLine(object.status, terminalSafeLine(object.label), palette),
    palette.fileLine(`--- ${terminalSafeLine(oldName)}`),
    palette.fileLine(`+++ ${terminalSafeLine(newName)}`),
  ];
  for (const hunk of patch.hunks) {
    lines.push(palette.hunk(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`));
    for (const line of hunk.lines) {
      const mark = line[0];
      const text = `${mark}${terminalSafeLine(line.slice(1))}`;
      if (mark === '+') lines.push(palette.added(text));
      else if (mark === '-') lines.push(palette.removed(text));
      else if (mark === '\\') continue; // canonical YAML always ends with a newline
      else lines.push(text);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `start,count` as unified diffs write it: `count` left out when 1; an empty range names the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${Math.max(0, start - 1)},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

export function renderUnified(result: DiffResult, options: UnifiedOptions): string {
  const palette = diffPalette(options.color);
  const context = options.context ?? DEFAULT_CONTEXT;
  const parts: string[] = [];
  for (const object of result.objects) {
    if (object.status !== 'unchanged') parts.push(renderObject(object, context, palette));
  }
  // A blank line between objects, so a header is never read as a line of the hunk before it.
  return parts.join('\n');
}
