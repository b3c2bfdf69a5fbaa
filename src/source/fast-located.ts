/**
 * The located tree of a plain YAML text built from js-yaml's node events instead of `yaml`'s Document model
 * (a 500-service Compose file: ~0.1 s instead of ~0.6 s, docs/performance.md). It covers the common case
 * only and answers `undefined` for everything else, which `parseLocatedStream` then reads with `yaml` as
 * before: anchors, aliases, merge keys, tags, several documents, deep nesting (stopped at the limit by the
 * node listener), anything js-yaml refuses (syntax errors, duplicate keys), complex keys, and numbers YAML
 * 1.2's core schema reads otherwise.
 * test/source/fast-located.test.ts checks that both give the same tree, spans included.
 */
import jsYaml from 'js-yaml';
import { isEmptyFrame, isKeyFrame, nodeFrames, trimmedRange, type Frame } from './fast-locate.js';
import type { LineIndex } from './lines.js';
import type { Located, LocatedEntry, LocatedScalar } from './located.js';
import { DEFAULT_MAX_DEPTH } from './nesting.js';
import { spanOf } from './span.js';

class Unsupported extends Error {}

/** YAML 1.2 core schema numbers (`yaml`'s reading); js-yaml also reads `1_000`, `0b1` and the like. */
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

export function fastLocatedTree(file: string, text: string, lines: LineIndex, maxDepth = DEFAULT_MAX_DEPTH): Located | undefined {
  if (/(^|[\s[{,:-])[&*!]\S/.test(text) || text.includes('<<') || text.includes('\t')) return undefined;
  // One document, without markers or directives (a stream is left to `yaml`).
  if (/^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  const root = nodeFrames(text, jsYaml.CORE_SCHEMA, maxDepth);
  if (!root) return undefined;
  const top = root.children[0];
  // A document that is empty (comments only) or a lone scalar is left to `yaml` too.
  if (!top || root.children.length !== 1 || top.result === null || typeof top.result !== 'object') return undefined;
  try {
    return new Builder(file, text, lines).node(top);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Builder {
  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  node(frame: Frame): Located {
    return this.build(frame).node;
  }

  /** The node and the offset where `yaml` ends it (block collections: see `blockEnd`). */
  private build(frame: Frame): { node: Located; end: number; block: boolean } {
    const r = frame.result;
    const { start, end } = this.trimmed(frame);
    const flow = this.text[start] === '[' || this.text[start] === '{';
    if (Array.isArray(r)) {
      if (frame.children.length !== r.length) throw new Unsupported();
      const built = frame.children.map((c) => this.build(c));
      const stop = flow ? end : this.blockEnd(built[built.length - 1]);
      return { node: { kind: 'seq', items: built.map((b) => b.node), span: spanOf(this.file, this.lines, start, stop) }, end: stop, block: !flow };
    }
    if (r !== null && typeof r === 'object') {
      const { entries, last } = this.entries(frame, r as Record<string, unknown>);
      const stop = flow ? end : this.blockEnd(last);
      return { node: { kind: 'map', entries, span: spanOf(this.file, this.lines, start, stop) }, end: stop, block: !flow };
    }
    const node = this.scalar(frame, start, end);
    if (node.style !== 'block') return { node, end, block: false };
    // A block scalar ends after the line break of its last line; trailing blank lines are left to `yaml`.
    const eol = this.text.indexOf('\n', end);
    if (eol === -1) return { node, end, block: true };
    if (/^[ \r]*(\n|$)/.test(this.text.slice(eol + 1, eol + 200))) throw new Unsupported();
    this.refuseCommentAfter(eol + 1);
    node.span = spanOf(this.file, this.lines, start, eol + 1);
    return { node, end: eol + 1, block: true };
  }

  /**
   * Where `yaml` ends a block collection: where its last child ends when that is a block collection itself;
   * after the `:` when the last value is empty; else after the line break that follows the last value.
   */
  private blockEnd(last: { end: number; block: boolean; emptyValue?: boolean } | undefined): number {
    if (!last) throw new Unsupported();
    if (last.block || last.emptyValue) return last.end;
    let i = last.end;
    while (this.text.charCodeAt(i) === 32) i++;
    if (this.text.charCodeAt(i) === 35) {
      const eol = this.text.indexOf('\n', i);
      i = eol === -1 ? this.text.length : eol;
    }
    if (this.text.charCodeAt(i) === 13) i++;
    if (this.text.charCodeAt(i) !== 10) return last.end;
    this.refuseCommentAfter(i + 1);
    return i + 1;
  }

  /** Comment lines right after a collection may count as part of it in `yaml`'s ranges: left to `yaml`. */
  private refuseCommentAfter(lineStart: number): void {
    const m = /^(?:[ \t]*\r?\n)*[ \t]*#/.exec(this.text.slice(lineStart, lineStart + 4096));
    if (m) throw new Unsupported();
  }

  private entries(frame: Frame, result: Record<string, unknown>) {
    const entries: LocatedEntry[] = [];
    let last: { end: number; block: boolean; emptyValue?: boolean } | undefined;
    const kids = frame.children;
    for (let i = 0; i < kids.length; ) {
      const k = kids[i]!;
      if (!this.isKey(k)) throw new Unsupported();
      const keyRange = this.trimmed(k);
      const keySpan = spanOf(this.file, this.lines, keyRange.start, keyRange.end);
      this.scalar(k, keyRange.start, keyRange.end, keySpan); // the same checks as for values (numbers read alike)
      const key = k.result === null ? 'null' : String(k.result);
      const v = kids[i + 1];
      const hasValue = v !== undefined && !this.isKey(v);
      if (hasValue && !this.isEmpty(v)) {
        const built = this.build(v);
        entries.push({ key, keySpan, value: built.node });
        last = built;
      } else {
        entries.push({ key, keySpan, value: { kind: 'scalar', value: null, style: 'plain', span: keySpan } });
        last = { end: this.afterColon(k), block: false, emptyValue: true };
      }
      i += hasValue ? 2 : 1;
    }
    if (entries.length !== Object.keys(result).length) throw new Unsupported();
    return { entries, last };
  }

  /** The offset after the `:` that follows a key. */
  private afterColon(key: Frame): number {
    let i = this.trimmed(key).end;
    while (this.text.charCodeAt(i) === 32) i++;
    return i + 1;
  }

  private scalar(frame: Frame, start: number, end: number, span = spanOf(this.file, this.lines, start, end)): LocatedScalar {
    const first = this.text[start];
    const style = first === '"' || first === "'" ? 'quoted' : first === '|' || first === '>' ? 'block' : 'plain';
    const value = frame.result;
    // Numbers: js-yaml and `yaml` must agree both ways (`1_000` is a number to one, `+.5` to the other).
    if (typeof value === 'number' && (style !== 'plain' || !CORE_NUMBER.test(this.text.slice(start, end)))) throw new Unsupported();
    if (typeof value === 'string' && style === 'plain' && CORE_NUMBER.test(value)) throw new Unsupported();
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Unsupported();
    return { kind: 'scalar', value: value as LocatedScalar['value'], style, span };
  }

  private isKey(frame: Frame): boolean {
    return isKeyFrame(this.text, frame);
  }

  private isEmpty(frame: Frame): boolean {
    return isEmptyFrame(this.text, frame);
  }

  private trimmed(frame: Frame): { start: number; end: number } {
    return trimmedRange(this.text, frame);
  }

}
