/**
 * Parsing on two cores (parallel-parse.ts): the worker sends the fast parse of each chunk back through
 * structured cloning. Documents assembled from a cloned parse must be the documents `parseDocuments` gives:
 * same values (special numbers, `__proto__` keys, empty documents, documents left to the full parser) and
 * same positions.
 */
import { describe, expect, test } from 'vitest';
import { assembleDocuments, parseChunks, parseDocuments } from '../../src/source/documents.js';
import { parseInParallel } from '../../src/source/parallel-parse.js';
import type { SourceFile } from '../../src/source/file.js';

const files: SourceFile[] = [
  { path: 'a.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: "1"\n' },
  { path: 'numbers.yaml', text: 'a: .nan\nb: -.inf\nc: -0.0\nd: 0x1F\ne: 1e3\nf: null\ng: ~\nh: [true, FALSE]\n' },
  { path: 'proto.yaml', text: '__proto__: {polluted: true}\nname: x\n' },
  { path: 'stream.yaml', text: '# comment\n---\n---\na: 1\n...\n---\nb: [1, 2]\n---\n' },
  { path: 'anchors.yaml', text: 'base: &b {x: 1}\nuse: *b\nmerged:\n  <<: *b\n  y: 2\n' },
  { path: 'broken.yaml', text: 'a: 1\n---\nb: [unclosed\n---\nc: 3\n' },
  { path: 'json.json', text: '{"apiVersion": "v1", "kind": "List", "items": [{"a": 1}]}' },
];

function snapshot(file: SourceFile, stream: ReturnType<typeof parseDocuments>) {
  return {
    diagnostics: stream.diagnostics,
    documents: stream.documents.map((d) => ({
      index: d.index,
      value: d.value,
      proto: d.value !== null && typeof d.value === 'object' ? Object.getPrototypeOf(d.value) === Object.prototype : undefined,
      start: d.start,
      keys: d.value !== null && typeof d.value === 'object' ? Object.keys(d.value).map((k) => d.locate([k], { key: true })) : [],
    })),
    file: file.path,
  };
}

describe('assembling a parse that crossed a thread', () => {
  test.each(files.map((f) => [f.path, f] as const))('%s: same documents, values and positions', (_name, file) => {
    const cloned = structuredClone(parseChunks(file.text));
    expect(snapshot(file, assembleDocuments(file, cloned))).toEqual(snapshot(file, parseDocuments(file)));
  });

  test('special numbers and __proto__ survive the copy', () => {
    const [numbers, proto] = [files[1]!, files[2]!];
    const n = assembleDocuments(numbers, structuredClone(parseChunks(numbers.text))).documents[0]!.value as Record<string, unknown>;
    expect(n.a).toBeNaN();
    expect(n.b).toBe(-Infinity);
    expect(Object.is(n.c, -0)).toBe(true);
    const p = assembleDocuments(proto, structuredClone(parseChunks(proto.text))).documents[0]!.value as Record<string, unknown>;
    expect(Object.keys(p)).toEqual(['__proto__', 'name']);
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });
});

describe('parseInParallel', () => {
  test('every file, in a map by file, as parseDocuments parses it (small inputs stay on this thread)', async () => {
    const parsed = await parseInParallel(files, { minChars: 0 });
    expect([...parsed.keys()]).toEqual(files);
    for (const file of files) expect(snapshot(file, parsed.get(file)!)).toEqual(snapshot(file, parseDocuments(file)));
  });
});
