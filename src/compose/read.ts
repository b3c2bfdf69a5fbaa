/**
 * Reading files through the FileHost: Compose files (decoded, parsed with positions, checked to be Compose
 * files at all) and plain text files (env files). Never throws; problems are reported.
 */
import { posix } from 'node:path';
import { OUTSIDE_PROJECT, OUTSIDE_PROJECT_HINT, outsideReason } from './confine.js';
import type { Diagnostic } from '../diagnostics.js';
import type { FileRead } from '../host.js';
import { decodeSource, LineIndex, parseLocatedStream, type Located, type LocatedMap } from '../source/index.js';
import type { ComposeSource, LoaderContext, Origin } from './loader-context.js';

export const UNREADABLE_FILE = 'compose/unreadable-file';
export const EMPTY_FILE = 'compose/empty-file';
export const NOT_COMPOSE = 'compose/not-compose-file';
export const OBSOLETE_VERSION = 'compose/obsolete-version';

export const STDIN_PATH = '<stdin>';

/** `messageId` of the problems that make the whole run unreadable (exit 2): a named file, or no file at all. */
export const UNREADABLE = 'unreadable';

export type FileRef = { kind: 'file'; path: string } | { kind: 'stdin' };

/**
 * Read and parse a Compose file (once per path). `origin` is where another file names it (extends,
 * include): problems are then reported there, and do not make the whole run unreadable.
 */
export function readComposeFile(ref: FileRef, ctx: LoaderContext, origin?: Origin): Promise<ComposeSource | undefined> {
  const key = ref.kind === 'stdin' ? STDIN_PATH : ref.path;
  let pending = ctx.parsed.get(key);
  if (!pending) {
    pending = parseComposeFile(ref, ctx, origin);
    ctx.parsed.set(key, pending);
  }
  return pending;
}

async function parseComposeFile(ref: FileRef, ctx: LoaderContext, origin: Origin | undefined): Promise<ComposeSource | undefined> {
  const path = ref.kind === 'stdin' ? STDIN_PATH : ref.path;
  const text = await readText(ref, ctx, origin);
  if (text === undefined) return undefined;
  const stream = parseLocatedStream({ path, text: text.text }, { tags: ['!reset', '!override'] });
  for (const d of stream.diagnostics) ctx.report(d);
  const documents: LocatedMap[] = [];
  const hasErrors = stream.diagnostics.some((d) => d.severity === 'error');
  for (const doc of stream.documents) {
    if (doc === null) continue;
    const root = composeRoot(doc, ctx);
    if (root) documents.push(root);
  }
  if (stream.documents.every((d) => d === null) && !hasErrors) {
    ctx.report({
      code: EMPTY_FILE,
      severity: 'error',
      message: 'the file is empty: a Compose file needs at least a services mapping',
      hint: 'Add `services:` with one service, e.g. `services: {web: {image: nginx}}`.',
      file: path,
      line: 1,
      column: 1,
    });
  }
  return { path, dir: ref.kind === 'stdin' ? ctx.cwd : posix.dirname(ref.path), documents };
}

/** A document's root if it can be a Compose file; otherwise report why not. */
function composeRoot(doc: Located, ctx: LoaderContext): LocatedMap | undefined {
  if (doc.kind !== 'map') {
    if (doc.kind === 'scalar' && doc.value === null) return undefined;
    ctx.report({
      code: NOT_COMPOSE,
      severity: 'error',
      message: `a Compose file must be a mapping of top-level keys (services, volumes, …), not ${doc.kind === 'seq' ? 'a list' : 'a single value'}`,
      ...doc.span,
    });
    return undefined;
  }
  const kind = doc.entries.find((e) => e.key === 'kind');
  if (kind && doc.entries.some((e) => e.key === 'apiVersion')) {
    const name = kind.value.kind === 'scalar' ? ` (kind: ${String(kind.value.value)})` : '';
    ctx.report({
      code: NOT_COMPOSE,
      severity: 'error',
      message: `this is a Kubernetes manifest${name}, not a Compose file`,
      hint: 'Check Kubernetes manifests with `shipshape lint`; config and convert read Compose files.',
      ...kind.keySpan,
    });
    return undefined;
  }
  const version = doc.entries.find((e) => e.key === 'version');
  if (version) {
    ctx.report({
      code: OBSOLETE_VERSION,
      severity: 'warning',
      message: 'the top-level version key is obsolete and ignored',
      hint: 'Remove it: the Compose Specification has no version.',
      ...version.keySpan,
    });
  }
  return doc;
}

export interface TextFile {
  text: string;
  lines: LineIndex;
}

/**
 * The decoded text of a file (registered in ctx.texts), or undefined after reporting why it cannot be read.
 * `missing` lets a caller treat an absent file as normal (an optional env file).
 */
export async function readText(
  ref: FileRef,
  ctx: LoaderContext,
  origin?: Origin,
  options: { ignoreMissing?: boolean; /** Named by a Compose file or found beside it: kept inside the project (confine.ts). */ confined?: boolean } = {},
): Promise<TextFile | undefined> {
  const path = ref.kind === 'stdin' ? STDIN_PATH : ref.path;
  if (ref.kind === 'file' && (options.confined ?? origin !== undefined) && ctx.confinement) {
    const reason = await outsideReason(ctx.host, ctx.confinement, ref.path);
    if (reason !== undefined) {
      const message = `${origin?.name ?? posix.basename(ref.path)} ${reason}: shipshape reads files only inside the project directory`;
      ctx.report({ code: OUTSIDE_PROJECT, severity: 'error', message, hint: OUTSIDE_PROJECT_HINT, ...(origin ? origin.at : { file: ref.path, line: 1, column: 1 }) });
      return undefined;
    }
  }
  let read: FileRead;
  if (ref.kind === 'stdin') {
    read = ctx.stdin ? { ok: true, bytes: await ctx.stdin() } : { ok: false, reason: 'unreadable', message: 'standard input is not available' };
  } else {
    read = await ctx.host.readFile(ref.path);
  }
  if (!read.ok) {
    if (read.reason === 'missing' && options.ignoreMissing) return undefined;
    reportUnreadable(path, read, ctx, origin);
    return undefined;
  }
  const decoded = decodeSource(path, read.bytes);
  for (const d of decoded.diagnostics) ctx.report(d);
  if (!decoded.value) return undefined;
  const lines = new LineIndex(decoded.value.text);
  ctx.texts.set(path, lines);
  return { text: decoded.value.text, lines };
}

/**
 * A file another file names (an env file, a label file): `missing` when it does not exist, so that the caller
 * reports that in its own words (or not, for an optional file); any other problem is reported at `origin`.
 */
export async function readNamedFile(path: string, origin: Origin, ctx: LoaderContext): Promise<TextFile | 'missing' | undefined> {
  if ((await ctx.host.stat(path)) === undefined) return 'missing';
  return readText({ kind: 'file', path }, ctx, origin);
}

const REASONS: Record<Exclude<FileRead, { ok: true }>['reason'], string> = {
  missing: 'no such file or directory',
  directory: 'a directory, not a file',
  unreadable: 'cannot be read',
  'not-a-file': 'not a regular file (a FIFO, socket or device)',
  'too-large': 'too large to read',
};

/**
 * Named by another file (`origin`): an error there, naming the path. Named by the user (or found by
 * discovery): an error on the file itself, whose message is just the reason, and the run is unreadable.
 */
function reportUnreadable(path: string, read: Exclude<FileRead, { ok: true }>, ctx: LoaderContext, origin: Origin | undefined): void {
  const detail = read.reason === 'unreadable' ? `${REASONS.unreadable} (${read.message.replace(`${path}: `, '')})` : REASONS[read.reason];
  const d: Diagnostic = origin
    ? { code: UNREADABLE_FILE, severity: 'error', message: `${origin.name}: ${detail}`, ...origin.at }
    : { code: UNREADABLE_FILE, messageId: UNREADABLE, severity: 'error', message: detail, file: path, line: 1, column: 1 };
  if (!origin) ctx.unreadable = true;
  ctx.report(d);
}
