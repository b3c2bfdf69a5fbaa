/**
 * Suppression in the manifests themselves: the `shipshape.io/ignore` annotation on an object, and
 * comment directives in a file:
 *   # shipshape-disable-next-line rule-a, rule-b -- reason   (the next content line)
 *   # shipshape-disable rule-a -- reason                     (the whole file)
 * A directive without rule ids applies to every rule. Each use is recorded so unused ones can be reported.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ManifestObject } from '../k8s/object.js';

export const IGNORE_ANNOTATION = 'shipshape.io/ignore';
/** The code of `--report-unused-disables` diagnostics. */
export const UNUSED_DISABLE = 'unused-disable';

type DirectiveKind = 'disable-next-line' | 'disable';

interface Directive {
  /** `misplaced`: written after content on its line, so it applies to nothing (always reported). */
  kind: DirectiveKind | 'misplaced';
  /** For a misplaced directive, the kind it was written as. */
  written?: DirectiveKind;
  file: string;
  /** Where the comment is. */
  line: number;
  column: number;
  /** The line it applies to (`disable-next-line`), 0 for the whole file, -1 for none (misplaced). */
  target: number;
  /** Rule ids, empty for every rule. */
  rules: readonly string[];
  used: Set<string>;
}

const DIRECTIVE = /^([ \t]*)#[ \t]*shipshape-(disable-next-line|disable)(?=[ \t\r]|$)([^\r\n]*)/;

/** Parse a directive's argument: `rule-a, rule-b -- reason`. */
function ruleList(text: string): string[] {
  const beforeReason = text.split(/(?:^|\s)--(?:\s|$)/)[0] ?? '';
  return beforeReason
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A directive written after content on its line (`key: v  # shipshape-disable-next-line`): ignored, and said so. */
const TRAILING = /[ \t]#[ \t]*shipshape-(disable-next-line|disable)(?=[ \t\r]|$)/;
/**
 * A line that opens a block scalar: `key: |`, `- >-`, `key: |2  # comment`. Its content lines are text, not
 * comments, whatever they start with (a `#!/bin/sh` script, a `# shipshape-disable` inside a ConfigMap).
 */
const BLOCK_SCALAR = /^([ \t]*(?:-[ \t]+)*)(?:[^#\s].*?:[ \t]+|)[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;

/** The lines of `text` inside block scalars (0-based), found by indentation as YAML defines them. */
function blockScalarLines(lines: readonly string[]): Set<number> {
  const inside = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const m = BLOCK_SCALAR.exec(lines[i]!);
    if (!m) continue;
    // The content is indented more than the node that holds the scalar: the key after any `- ` markers, or
    // the last `-` of a sequence entry that is the scalar itself.
    const prefix = m[1]!;
    const indicator = lines[i]![prefix.length];
    const isEntry = indicator === '|' || indicator === '>';
    const parent = isEntry && prefix.trimEnd().endsWith('-') ? prefix.trimEnd().length - 1 : prefix.length;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== '' && indent <= parent) break;
      inside.add(j);
    }
    i = j - 1;
  }
  return inside;
}

/**
 * Directives of one file, found by a line scan: comment lines (whose first non-blank is `#`) outside block
 * scalars. A directive after content on its line is returned as `misplaced`.
 */
export function scanDirectives(file: string, text: string): Directive[] {
  if (!text.includes('shipshape-disable')) return [];
  const lines = text.split('\n');
  const inBlock = blockScalarLines(lines);
  const out: Directive[] = [];
  const pending: Directive[] = [];
  lines.forEach((raw, i) => {
    if (inBlock.has(i)) return;
    const m = DIRECTIVE.exec(raw);
    if (m) {
      const d: Directive = {
        kind: m[2] as DirectiveKind,
        file,
        line: i + 1,
        column: m[1]!.length + 1,
        target: 0,
        rules: ruleList(m[3] ?? ''),
        used: new Set(),
      };
      out.push(d);
      if (d.kind === 'disable-next-line') pending.push(d);
      return;
    }
    const trailing = /^[ \t]*#/.test(raw) ? null : TRAILING.exec(raw);
    if (trailing && isOutsideQuotes(raw.slice(0, trailing.index))) {
      out.push({ kind: 'misplaced', file, line: i + 1, column: trailing.index + 2, target: -1, rules: [], used: new Set(), written: trailing[1] as DirectiveKind });
    }
    // Directives stacked above one content line all apply to it; blank and comment lines are skipped.
    if (pending.length > 0 && !/^[ \t]*(#.*)?\r?$/.test(raw)) {
      for (const d of pending) d.target = i + 1;
      pending.length = 0;
    }
  });
  return out.filter((d) => d.kind !== 'disable-next-line' || d.target > 0);
}

/** Whether the end of `before` is outside any quoted string (an even number of each quote; a heuristic). */
function isOutsideQuotes(before: string): boolean {
  const count = (q: string) => before.split(q).length - 1;
  return count('"') % 2 === 0 && count("'") % 2 === 0;
}

/** Rule ids an object's `shipshape.io/ignore` annotation names (`*` or `all` for every rule). */
export function ignoredByAnnotation(object: ManifestObject): readonly string[] {
  const value = object.annotations[IGNORE_ANNOTATION];
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function covers(rules: readonly string[], ruleId: string): string | undefined {
  if (rules.length === 0) return '*';
  for (const r of rules) if (r === ruleId || r === '*' || r === 'all') return r;
  return undefined;
}

/** Every suppression of a run, with the bookkeeping for `--report-unused-disables`. */
export class Suppressions {
  private readonly byFile = new Map<string, { fileWide: Directive[]; byLine: Map<number, Directive[]>; misplaced: Directive[] }>();
  private readonly annotationUse = new Map<ManifestObject, Set<string>>();

  addFile(file: string, text: string): void {
    const directives = scanDirectives(file, text);
    if (directives.length === 0) return;
    const entry = { fileWide: [] as Directive[], byLine: new Map<number, Directive[]>(), misplaced: [] as Directive[] };
    for (const d of directives) {
      if (d.kind === 'disable') entry.fileWide.push(d);
      else if (d.kind === 'misplaced') entry.misplaced.push(d);
      else {
        const list = entry.byLine.get(d.target);
        if (list) list.push(d);
        else entry.byLine.set(d.target, [d]);
      }
    }
    this.byFile.set(file, entry);
  }

  /** Whether a file has any directive (positions are needed to check line directives). */
  hasDirectives(file: string): boolean {
    return this.byFile.has(file);
  }

  /** Whether the object's annotation suppresses the rule (records the use). */
  byAnnotation(object: ManifestObject, ruleId: string): boolean {
    const names = ignoredByAnnotation(object);
    if (names.length === 0) return false;
    const hit = covers(names, ruleId);
    if (hit === undefined) return false;
    let used = this.annotationUse.get(object);
    if (!used) this.annotationUse.set(object, (used = new Set()));
    used.add(hit);
    return true;
  }

  /** Whether a comment directive suppresses a rule at a line of a file (records the use). */
  byComment(file: string, line: number, ruleId: string): boolean {
    const entry = this.byFile.get(file);
    if (!entry) return false;
    for (const d of [...(entry.byLine.get(line) ?? []), ...entry.fileWide]) {
      const hit = covers(d.rules, ruleId);
      if (hit !== undefined) {
        d.used.add(hit);
        return true;
      }
    }
    return false;
  }

  /**
   * Problems with the suppressions themselves: rule ids no rule has (always), and, with `reportUnused`,
   * directives and annotation entries that suppressed nothing.
   */
  problems(objects: readonly ManifestObject[], knownRules: ReadonlySet<string>, reportUnused: boolean): Diagnostic[] {
    const out: Diagnostic[] = [];
    const isUnknown = (r: string) => r !== '*' && r !== 'all' && !knownRules.has(r);
    for (const entry of this.byFile.values()) {
      for (const d of entry.misplaced) {
        out.push({
          code: UNUSED_DISABLE,
          severity: 'warning',
          message: `a shipshape-${d.written} directive after content on its line is ignored: directives are comment lines of their own`,
          file: d.file,
          line: d.line,
          column: d.column,
          hint: `Move the comment to a line of its own${d.written === 'disable-next-line' ? ', above the line it is for' : ''}.`,
        });
      }
      for (const d of [...entry.fileWide, ...[...entry.byLine.values()].flat()]) {
        const names = d.rules.length === 0 ? ['*'] : d.rules;
        for (const r of names) {
          const unknown = isUnknown(r);
          if (!unknown && (!reportUnused || d.used.has(r))) continue;
          const what = r === '*' ? 'every rule' : `'${r}'`;
          out.push({
            code: UNUSED_DISABLE,
            severity: 'warning',
            message: unknown
              ? `unknown rule '${r}' in a shipshape-${d.kind} directive`
              : `unused shipshape-${d.kind} directive: no finding of ${what} was suppressed here`,
            file: d.file,
            line: d.line,
            column: d.column,
            hint: unknown ? 'Use a rule id from docs/rules/.' : 'Remove the directive (or the rule id) so it does not hide a future finding.',
          });
        }
      }
    }
    for (const object of objects) {
      const names = ignoredByAnnotation(object);
      if (names.length === 0) continue;
      const used = this.annotationUse.get(object);
      for (const r of names) {
        const unknown = isUnknown(r);
        if (!unknown && (!reportUnused || used?.has(r))) continue;
        const at = object.doc.locate([...object.base, 'metadata', 'annotations', IGNORE_ANNOTATION]);
        out.push({
          code: UNUSED_DISABLE,
          severity: 'warning',
          message: unknown
            ? `unknown rule '${r}' in the ${IGNORE_ANNOTATION} annotation`
            : `unused ${IGNORE_ANNOTATION} entry '${r}': no finding of it was suppressed on this object`,
          file: at.file,
          line: at.line,
          column: at.column,
          endLine: at.endLine,
          endColumn: at.endColumn,
          object: object.ref,
          hint: unknown ? 'Use a rule id from docs/rules/.' : 'Remove the rule id from the annotation so it does not hide a future finding.',
        });
      }
    }
    return out;
  }
}
