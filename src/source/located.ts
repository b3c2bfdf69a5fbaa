import type { Document, Node as YamlNode, CST, Scalar } from 'yaml';
import type { Diagnostic, FieldPath } from '../diagnostics.js';
import type { SourceFile } from './file.js';
import { LineIndex } from './lines.js';
import { spanOf, type Span } from './span.js';
import { DEFAULT_MAX_DEPTH, firstTooDeep, mayNestDeeperThan, tooDeepMessage, unterminatedQuoteStart } from './nesting.js';
import { YAML_SYNTAX, limitDiagnostic, yamlErrorToDiagnostic } from './yaml-errors.js';
import { fastLocatedTree } from './fast-located.js';
import { yamlModule } from './yaml-module.js';

/** `yaml` is loaded on first use (src/source/yaml-module.ts). */
const yaml = yamlModule;
const isAlias = (n: unknown) => yaml().isAlias(n);
const isMap = (n: unknown) => yaml().isMap(n);
const isPair = (n: unknown) => yaml().isPair(n);
const isScalar = (n: unknown) => yaml().isScalar(n);
const isSeq = (n: unknown) => yaml().isSeq(n);

/**
 * A YAML value in which every node keeps its source span: the parser-neutral tree the Compose loader
 * works on. Anchors, aliases and merge keys are resolved; tags are kept (Compose's `!reset`, `!override`).
 */
export type Located = LocatedMap | LocatedSeq | LocatedScalar;

interface LocatedBase {
  span: Span;
  /** An explicit tag such as `!reset`, when the source gave one. */
  tag?: string;
}

export interface LocatedEntry {
  key: string;
  keySpan: Span;
  value: Located;
}

export interface LocatedMap extends LocatedBase {
  kind: 'map';
  entries: LocatedEntry[];
}

export interface LocatedSeq extends LocatedBase {
  kind: 'seq';
  items: Located[];
}

export type ScalarStyle = 'plain' | 'quoted' | 'block';

export interface LocatedScalar extends LocatedBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
}

export interface LocatedStreamOptions {
  /** Tags accepted without a warning (their node is built as usual and keeps `tag`). */
  tags?: readonly string[];
  /** Deepest nesting accepted; deeper input is refused with a diagnostic. */
  maxDepth?: number;
  /** Read with `yaml` even where the fast reader could (tests compare the two). */
  useYaml?: boolean;
}

export interface LocatedStream {
  /** One entry per document; `null` for an empty document or one that could not be built. */
  documents: (Located | null)[];
  diagnostics: Diagnostic[];
  lines: LineIndex;
}

const MIN_ALIAS_BUDGET = 10_000;

/** Parse a YAML stream into located trees. Never throws on bad input. */
export function parseLocatedStream(file: SourceFile, options: LocatedStreamOptions = {}): LocatedStream {
  const lines = new LineIndex(file.text);
  const diagnostics: Diagnostic[] = [];
  const documents: (Located | null)[] = [];
  const accepted = new Set(options.tags ?? []);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  // Most Compose files are plain YAML: read them with js-yaml's events, six times faster (fast-located.ts).
  const fast = options.useYaml ? undefined : fastLocatedTree(file.path, file.text, lines, maxDepth);
  if (fast) return { documents: [fast], diagnostics, lines };
  let docs: Document.Parsed[];
  let tokens: CST.Token[];
  try {
    const { Parser, Composer } = yaml();
    tokens = [...new Parser().parse(file.text)];
    // Composing recurses: refuse deep input before it can exhaust the stack.
    const deep = mayNestDeeperThan(file.text, maxDepth) ? firstTooDeep(tokens, maxDepth) : undefined;
    if (deep !== undefined) {
      const at = lines.position(deep);
      diagnostics.push(limitDiagnostic(file.path, at.line, at.column, 'tooDeep', tooDeepMessage(maxDepth)));
      return { documents, diagnostics, lines };
    }
    const composer = new Composer({ merge: true, uniqueKeys: false, prettyErrors: false });
    docs = [...composer.compose(tokens, true)];
  } catch (error) {
    diagnostics.push(resourceDiagnostic(file.path, error, maxDepth));
    return { documents, diagnostics, lines };
  }
  for (const doc of docs) {
    for (const e of doc.errors) diagnostics.push(placeError(yamlErrorToDiagnostic(e, file.path, lines, 0, 'error'), e, tokens, lines));
    for (const w of doc.warnings) {
      if (w.code === 'TAG_RESOLVE_FAILED' && [...accepted].some((t) => w.message.includes(t))) continue;
      diagnostics.push(yamlErrorToDiagnostic(w, file.path, lines, 0, 'warning'));
    }
    if (doc.errors.length > 0 || doc.contents === null) {
      documents.push(null);
      continue;
    }
    const builder = new TreeBuilder(file.path, lines, diagnostics, maxDepth);
    documents.push(builder.build(doc.contents as YamlNode));
  }
  return { documents, diagnostics, lines };
}

function resourceDiagnostic(file: string, error: unknown, maxDepth: number): Diagnostic {
  if (error instanceof RangeError) return limitDiagnostic(file, 1, 1, 'tooDeep', tooDeepMessage(maxDepth));
  throw error;
}

/** A quoted string that is never closed is reported where it opens (`yaml` points at the end of the text). */
function placeError(d: Diagnostic, error: { code: string; message: string; pos: [number, number] }, tokens: CST.Token[], lines: LineIndex): Diagnostic {
  const quote = error.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(error.message)?.[1] : undefined;
  if (quote !== '"' && quote !== "'") return d;
  const start = unterminatedQuoteStart(tokens, quote, error.pos[0]);
  if (start === undefined) return d;
  const at = lines.position(start);
  return {
    ...d,
    message: `missing closing ${quote}: this quoted string is never closed`,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column + 1,
  };
}

class LimitExceeded extends Error {
  constructor(
    readonly messageId: 'tooDeep' | 'limit',
    message: string,
  ) {
    super(message);
  }
}

class TreeBuilder {
  private budget: number;
  private aliasing = 0;

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly diagnostics: Diagnostic[],
    private readonly maxDepth: number,
  ) {
    this.budget = MIN_ALIAS_BUDGET;
  }

  build(root: YamlNode): Located | null {
    this.budget = Math.max(MIN_ALIAS_BUDGET, 100 * countNodes(root));
    try {
      return this.node(root, 0);
    } catch (error) {
      if (!(error instanceof LimitExceeded)) throw error;
      const at = this.span(root);
      this.diagnostics.push(limitDiagnostic(this.file, at.line, at.column, error.messageId, error.message));
      return null;
    }
  }

  private span(node: { range?: [number, number, number] | null }): Span {
    const [start, end] = node.range ?? [0, 0, 0];
    return spanOf(this.file, this.lines, start, end);
  }

  private spend(depth: number): void {
    if (depth > this.maxDepth) throw new LimitExceeded('tooDeep', tooDeepMessage(this.maxDepth));
    if (this.aliasing > 0 && --this.budget < 0) {
      throw new LimitExceeded('limit', 'the YAML expands aliases into too many nodes (an alias bomb?)');
    }
  }

  private node(node: unknown, depth: number): Located {
    this.spend(depth);
    if (isAlias(node)) {
      const target = node.source ? this.anchored.get(node.source) : undefined;
      if (!target) {
        const at = this.span(node);
        this.diagnostics.push({
          code: YAML_SYNTAX,
          messageId: 'unknownAlias',
          severity: 'error',
          message: `unknown alias *${node.source}`,
          ...at,
        });
        return { kind: 'scalar', value: null, style: 'plain', span: at };
      }
      this.aliasing++;
      try {
        return this.node(target, depth + 1);
      } finally {
        this.aliasing--;
      }
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) this.anchored.set(node.anchor, node);
    }
    const tag = explicitTag(node);
    if (isMap(node)) {
      const entries: LocatedEntry[] = [];
      const seen = new Map<string, Span>();
      const merged: LocatedEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isMergeKey(pair.key)) {
          for (const entry of this.mergeSources(pair.value, depth + 1)) merged.push(entry); // no spread: maps may be huge
          continue;
        }
        const keySpan = pair.key && typeof pair.key === 'object' && 'range' in pair.key ? this.span(pair.key as YamlNode) : this.span(node);
        const key = this.keyText(pair.key, keySpan);
        if (key === undefined) continue;
        const first = seen.get(key);
        if (first) {
          this.diagnostics.push({
            code: YAML_SYNTAX,
            messageId: 'duplicateKey',
            severity: 'error',
            message: duplicateKeyMessage(key, first),
            ...keySpan,
            related: [{ message: `the first '${key}'`, ...first }],
          });
          continue;
        }
        seen.set(key, keySpan);
        const value: Located = isEmptyNode(pair.value)
          ? { kind: 'scalar', value: null, style: 'plain', span: keySpan }
          : this.node(pair.value, depth + 1);
        entries.push({ key, keySpan, value });
      }
      for (const m of merged) if (!seen.has(m.key)) {
        seen.set(m.key, m.keySpan);
        entries.push(m);
      }
      return withTag({ kind: 'map', entries, span: this.span(node) }, tag);
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => this.node(item, depth + 1));
      return withTag({ kind: 'seq', items, span: this.span(node) }, tag);
    }
    if (isScalar(node)) return withTag(this.scalar(node), tag);
    // A pair as a sequence item (`- a: 1` in flow context) or an unexpected node type.
    if (isPair(node)) {
      const at = this.span(node.key as YamlNode);
      return { kind: 'map', entries: [{ key: this.keyText(node.key, at) ?? '', keySpan: at, value: this.node(node.value, depth + 1) }], span: at };
    }
    return { kind: 'scalar', value: null, style: 'plain', span: spanOf(this.file, this.lines, 0, 0) };
  }

  private readonly anchored = new Map<string, unknown>();

  /** `<<: *a` or `<<: [*a, *b]`: entries of the first source win over later ones. */
  private mergeSources(value: unknown, depth: number): LocatedEntry[] {
    const sources = isSeq(value) ? value.items : [value];
    const out: LocatedEntry[] = [];
    const seen = new Set<string>();
    for (const source of sources) {
      const built = this.node(source, depth);
      if (built.kind !== 'map') {
        this.diagnostics.push({
          code: YAML_SYNTAX,
          messageId: 'badMerge',
          severity: 'error',
          message: 'a merge key (<<) must refer to a mapping or a list of mappings',
          ...built.span,
        });
        continue;
      }
      for (const e of built.entries) if (!seen.has(e.key)) {
        seen.add(e.key);
        out.push(e);
      }
    }
    return out;
  }

  private keyText(key: unknown, at: Span): string | undefined {
    if (isScalar(key)) return key.value === null ? 'null' : String(key.value);
    if (key === null || key === undefined) return 'null';
    this.diagnostics.push({
      code: YAML_SYNTAX,
      messageId: 'complexKey',
      severity: 'error',
      message: 'a mapping key must be a plain value, not a mapping or a list',
      ...at,
    });
    return undefined;
  }

  private scalar(node: Scalar): LocatedScalar {
    const raw = node.value;
    const value =
      raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? raw
        : typeof raw === 'bigint'
          ? Number(raw)
          : String(raw);
    const style: ScalarStyle =
      node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
        ? 'quoted'
        : node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED'
          ? 'block'
          : 'plain';
    return { kind: 'scalar', value, style, span: this.span(node) };
  }
}

/** The first key's position is in the message too: one-line formats (stderr) do not print related locations. */
export function duplicateKeyMessage(key: string, first: { line: number; column: number }): string {
  return `duplicate key '${key}' (first at line ${first.line}, column ${first.column}): a mapping must not repeat a key (the first '${key}' is kept by some tools, the last by others)`;
}

function withTag<T extends Located>(node: T, tag: string | undefined): T {
  if (tag) node.tag = tag;
  return node;
}

function explicitTag(node: unknown): string | undefined {
  const tag = (node as { tag?: string }).tag;
  return tag && tag.startsWith('!') && !tag.startsWith('!!') ? tag : undefined;
}

/** `key:` with no value: the value has no position of its own, so it takes its key's. */
function isEmptyNode(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null && node.source === '' && !node.tag);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

function countNodes(root: unknown): number {
  let n = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    n++;
    if (isMap(node)) for (const p of node.items) stack.push(p.key, p.value);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return n;
}

/** The plain JavaScript value of a located tree (maps become objects with keys in source order). */
export function toPlain(node: Located): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        // `__proto__` is an ordinary key in YAML: define it, never let it replace the prototype.
        if (e.key === '__proto__') Object.defineProperty(out, e.key, { value: toPlain(e.value), enumerable: true, writable: true, configurable: true });
        else out[e.key] = toPlain(e.value);
      }
      return out;
    }
  }
}

/** The entry of a map under `key`, if any. */
export function entryOf(node: Located | undefined, key: string): LocatedEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

/**
 * Find the span of a field path in a located tree: the value's span, or the key's with `key: true`.
 * When the path runs out (a missing field) the deepest existing node on it is used.
 */
export function locateIn(root: Located, path: FieldPath, options: { key?: boolean } = {}): Span {
  let node: Located = root;
  let keySpan: Span | undefined;
  for (const part of path) {
    if (node.kind === 'map') {
      const e = node.entries.find((x) => x.key === String(part));
      if (!e) return keySpan ?? node.span;
      keySpan = e.keySpan;
      node = e.value;
    } else if (node.kind === 'seq' && typeof part === 'number' && node.items[part]) {
      node = node.items[part]!;
      keySpan = undefined;
    } else {
      return keySpan ?? node.span;
    }
  }
  return options.key && keySpan ? keySpan : node.span;
}
