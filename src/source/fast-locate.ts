import jsYaml from 'js-yaml';
import type { FieldPath } from '../diagnostics.js';

/**
 * Positions for one document, recovered from js-yaml's node events (`listener`): a tree of
 * [start, end) offsets for every node, built only when a diagnostic needs a position in that document.
 * Re-reading one small document this way costs about as much as its first parse; composing it with
 * `yaml` costs ten times more (see docs/performance.md).
 */
export interface Frame {
  start: number;
  end: number;
  result: unknown;
  children: Frame[];
}

export interface OffsetRange {
  start: number;
  end: number;
}

/** YAML 1.2 core schema plus merge keys (as Kubernetes' YAML reader accepts); no timestamps. */
export const coreWithMerge = jsYaml.CORE_SCHEMA.extend([
  (jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge,
]);

class TooDeep extends Error {}

/**
 * js-yaml's node events (`listener`) as a tree of frames: [start, end) offsets and the value of every node,
 * under a root frame. Undefined when js-yaml refuses the text, or when it nests deeper than `maxDepth`.
 */
export function nodeFrames(text: string, schema: jsYaml.Schema, maxDepth = Infinity): Frame | undefined {
  const root: Frame = { start: 0, end: text.length, result: undefined, children: [] };
  const stack: Frame[] = [root];
  try {
    jsYaml.load(text, {
      schema,
      listener(event, state) {
        if (event === 'open') {
          // Stop before js-yaml's recursion goes deeper than the limit.
          if (stack.length > maxDepth) throw new TooDeep();
          stack.push({ start: state.position, end: state.position, result: undefined, children: [] });
          return;
        }
        const frame = stack.pop()!;
        frame.end = state.position;
        frame.result = state.result;
        // js-yaml composes some nodes twice (a plain scalar as a would-be mapping key): keep the inner one.
        const only = frame.children.length === 1 ? frame.children[0]! : undefined;
        stack[stack.length - 1]!.children.push(only && only.result === frame.result ? only : frame);
      },
    });
  } catch {
    return undefined;
  }
  return root;
}

/** Build the position tree of a document's text; undefined if it does not parse. */
export function buildPositionTree(text: string): PositionTree | undefined {
  const top = nodeFrames(text, coreWithMerge)?.children[0];
  return top ? new PositionTree(text, top) : undefined;
}

/** A mapping key is a scalar followed (after blanks) by ':'. */
export function isKeyFrame(text: string, frame: Frame): boolean {
  if (frame.result !== null && typeof frame.result === 'object') return false;
  let i = frame.end;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i) === 58;
}

/** An empty value (`key:` with nothing after it) has no position of its own: use its key's. */
export function isEmptyFrame(text: string, frame: Frame): boolean {
  return frame.result === null && text.slice(frame.start, frame.end).replace(/#.*$/gm, '').trim() === '';
}

/** A frame's offsets without what js-yaml includes before a node (blanks, line breaks, comments) and after it (trailing blanks). */
export function trimmedRange(text: string, frame: Frame): OffsetRange {
  let start = frame.start;
  for (;;) {
    const c = text.charCodeAt(start);
    if (c === 32 || c === 9 || c === 10 || c === 13) start++;
    else if (c === 35) {
      const eol = text.indexOf('\n', start);
      start = eol === -1 ? text.length : eol + 1;
    } else break;
  }
  let end = Math.max(frame.end, start);
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    // ASCII first (no one-character string per node); anything else as /\s/ decides.
    if (c === 32 || (c >= 9 && c <= 13)) end--;
    else if (c < 128 || !/\s/.test(text[end - 1]!)) break;
    else end--;
  }
  return { start, end };
}

export class PositionTree {
  constructor(
    private readonly text: string,
    private readonly root: Frame,
  ) {}

  /**
   * Offsets of the value at `path` (or of its key with `key: true`). When the path leaves the tree
   * (a missing field), the deepest existing node on it: its key if it has one, else its value.
   */
  locate(path: FieldPath, options: { key?: boolean } = {}): OffsetRange {
    let frame = this.root;
    let keyFrame: Frame | undefined;
    for (const part of path) {
      const next = this.child(frame, part);
      if (!next) return this.range(keyFrame ?? frame);
      frame = next.value ?? next.key!;
      keyFrame = next.key;
      if (!next.value) return this.range(next.key!);
    }
    return this.range(options.key && keyFrame ? keyFrame : frame);
  }

  private child(frame: Frame, part: string | number): { key?: Frame; value?: Frame } | undefined {
    if (Array.isArray(frame.result)) {
      if (typeof part !== 'number') return undefined;
      const item = frame.children[part];
      return item ? { value: item } : undefined;
    }
    if (frame.result === null || typeof frame.result !== 'object') return undefined;
    const wanted = String(part);
    const kids = frame.children;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (!this.isKey(k) || String(k.result) !== wanted) continue;
      const v = kids[i + 1];
      return v && !this.isKey(v) && !this.isEmpty(v) ? { key: k, value: v } : { key: k };
    }
    return undefined;
  }

  private isKey(frame: Frame): boolean {
    return isKeyFrame(this.text, frame);
  }

  private isEmpty(frame: Frame): boolean {
    return isEmptyFrame(this.text, frame);
  }

  private range(frame: Frame): OffsetRange {
    const { start, end } = trimmedRange(this.text, frame);
    return { start, end: Math.max(end, start + 1) };
  }
}
