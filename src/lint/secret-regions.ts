/**
 * Where Secret values sit in the input, so that reports never print them (code frames mask these
 * regions): every value under a Secret's `data` and `stringData`, and its last-applied-configuration
 * annotation (which repeats them). Computed per file, on demand.
 *
 * A Secret document that does not parse (or parses into no Secret object: a missing apiVersion, a broken
 * List) has no fields to locate, yet its `yaml-syntax` or `schema` finding still shows a code frame. Such a
 * document is masked from its text: every document whose text says `kind: Secret` and that gave no
 * Secret object has the values of its `data`, `stringData` and last-applied keys masked, with every line
 * indented below them — erring towards masking too much.
 */
import { isObject, type ManifestObject } from '../k8s/object.js';
import { splitDocuments } from '../source/documents.js';
import type { SourceFile } from '../source/file.js';

export interface SecretRegion {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function secretRegionsOf(objects: readonly ManifestObject[], files: readonly SourceFile[] = []): (file: string) => SecretRegion[] {
  const byFile = new Map<string, ManifestObject[]>();
  for (const o of objects) {
    if (o.kind !== 'Secret') continue;
    const list = byFile.get(o.doc.file);
    if (list) list.push(o);
    else byFile.set(o.doc.file, [o]);
  }
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const cache = new Map<string, SecretRegion[]>();
  return (file) => {
    const cached = cache.get(file);
    if (cached) return cached;
    const secrets = byFile.get(file) ?? [];
    const regions = secrets.flatMap(objectRegions);
    const text = texts.get(file);
    if (text !== undefined) for (const r of unparsedSecretRegions(text, new Set(secrets.map((s) => s.doc.index)))) regions.push(r);
    cache.set(file, regions);
    return regions;
  };
}

function objectRegions(secret: ManifestObject): SecretRegion[] {
  const paths: (string | number)[][] = [];
  for (const field of ['data', 'stringData']) {
    const map = secret.value[field];
    if (isObject(map)) for (const key of Object.keys(map)) paths.push([field, key]);
    // A broken shape (`stringData: |` text, a list) is still Secret content: the whole value is masked.
    else if (map !== undefined && map !== null) paths.push([field]);
  }
  if (secret.annotations[LAST_APPLIED] !== undefined) paths.push(['metadata', 'annotations', LAST_APPLIED]);
  return paths.map((path) => {
    const span = secret.doc.locate([...secret.base, ...path]);
    return { line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
  });
}

/** `kind: Secret` in block, flow or JSON style (`- kind: Secret`, `{kind: Secret,`, `"kind": "Secret"`). */
const SECRET_KIND = /(?:^|[\s{,])(["']?)kind\1\s*:\s*(["']?)Secret\2\s*(?:[,}#]|$)/m;
/** A key whose value holds secrets, in any style; group 1 is everything up to and including the colon. */
const SECRET_KEY = /^(.*?(?:^|[\s{,])(["']?)(?:data|stringData|kubectl\.kubernetes\.io\/last-applied-configuration)\2\s*:)/;

/**
 * Regions of the documents of `text` that mention `kind: Secret` but are not among `parsed` (indexes of
 * documents that gave Secret objects): per secret key, the rest of its line and every following line
 * indented deeper than the key (blank lines included).
 */
export function unparsedSecretRegions(text: string, parsed: ReadonlySet<number>): SecretRegion[] {
  const regions: SecretRegion[] = [];
  const chunks = splitDocuments(text);
  if (chunks.length === 0) return regions;
  let lineOfOffset = 1;
  let scanned = 0;
  chunks.forEach((chunk, index) => {
    // Line number of the chunk's first line (chunks start at the beginning of a line, in order).
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < chunk.start; i = text.indexOf('\n', i + 1)) lineOfOffset++;
    scanned = chunk.start;
    const body = text.slice(chunk.start, chunk.end);
    if (parsed.has(index) || !SECRET_KIND.test(body)) return;
    const lines = body.split('\n').map((l) => l.replace(/\r$/, ''));
    let keyColumn = -1; // while >= 0: masking the lines indented deeper than this 0-based column
    lines.forEach((line, i) => {
      const lineNumber = lineOfOffset + i;
      const indent = line.length - line.trimStart().length;
      if (keyColumn >= 0) {
        if (line.trim() === '' || indent > keyColumn) {
          if (line.length > indent) regions.push({ line: lineNumber, column: indent + 1, endLine: lineNumber, endColumn: line.length + 1 });
          return;
        }
        keyColumn = -1;
      }
      const key = SECRET_KEY.exec(line);
      if (!key) return;
      const afterColon = key[1]!.length;
      if (line.length > afterColon) regions.push({ line: lineNumber, column: afterColon + 1, endLine: lineNumber, endColumn: line.length + 1 });
      // Lines below belong to the value while they are indented deeper than the key's name.
      keyColumn = keyStart(line, afterColon);
    });
  });
  return regions;
}

/** 0-based column where the key ending at `afterColon` starts. */
function keyStart(line: string, afterColon: number): number {
  let i = line.lastIndexOf(':', afterColon - 1) - 1;
  while (i >= 0 && /\s/.test(line[i]!)) i--;
  const quote = line[i] === '"' || line[i] === "'" ? line[i] : undefined;
  if (quote) return line.lastIndexOf(quote, i - 1);
  while (i > 0 && !/[\s{,]/.test(line[i - 1]!)) i--;
  return Math.max(0, i);
}
