/**
 * Mutations of real files, as fast-check arbitraries: byte flips, truncation, re-indentation (deeper,
 * shallower, tabs, one line shifted), lines duplicated or deleted, YAML indicators inserted. And the
 * check every property here shares: each diagnostic's positions lie inside its file.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';

export type Mutation = (bytes: Uint8Array) => Uint8Array;

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8');
const onText = (f: (text: string) => string): Mutation => (bytes) => enc.encode(f(dec.decode(bytes)));

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const flip = fc.tuple(at, fc.integer({ min: 0, max: 255 })).map(([where, value]): Mutation => (bytes) => {
  const out = bytes.slice();
  if (out.length > 0) out[Math.floor(where * out.length)] = value;
  return out;
});

const truncate = at.map((where): Mutation => (bytes) => bytes.slice(0, Math.floor(where * bytes.length)));

const reindent = fc
  .constantFrom('double', 'halve', 'tabs', 'flatten')
  .map((how): Mutation =>
    onText((text) =>
      text.replace(/^( +)/gm, (lead) =>
        how === 'double' ? lead + lead : how === 'halve' ? lead.slice(0, Math.ceil(lead.length / 2)) : how === 'tabs' ? '\t'.repeat(Math.ceil(lead.length / 2)) : '',
      ),
    ),
  );

const shiftLine = fc.tuple(at, fc.integer({ min: -3, max: 3 })).map(([where, by]): Mutation =>
  onText((text) => {
    const lines = text.split('\n');
    const i = Math.floor(where * lines.length);
    lines[i] = by >= 0 ? ' '.repeat(by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-by}}`), '');
    return lines.join('\n');
  }),
);

const lineEdit = fc.tuple(at, fc.constantFrom('duplicate', 'delete', 'swap')).map(([where, how]): Mutation =>
  onText((text) => {
    const lines = text.split('\n');
    const i = Math.floor(where * lines.length);
    if (how === 'duplicate') lines.splice(i, 0, lines[i]!);
    else if (how === 'delete') lines.splice(i, 1);
    else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    return lines.join('\n');
  }),
);

const insert = fc
  .tuple(at, fc.constantFrom(':', '- ', '[', '{', ']', '}', '"', "'", '&a ', '*a', '!!binary ', '<<: *a', '? ', '|', '>-', '#', '%', '---\n', '...\n', '\t', '\r', '\u00a0', '\ufeff', '\u202e', 'ü', '\u0000', '@', '`'))
  .map(([where, what]): Mutation =>
    onText((text) => {
      const i = Math.floor(where * (text.length + 1));
      return text.slice(0, i) + what + text.slice(i);
    }),
  );

/** One to three mutations, applied in order. */
export const mutations: fc.Arbitrary<Mutation> = fc
  .array(fc.oneof(flip, truncate, reindent, shiftLine, lineEdit, insert), { minLength: 1, maxLength: 3 })
  .map((ms) => (bytes: Uint8Array) => ms.reduce((b, m) => m(b), bytes));

/** Line lengths of a file as positions count them: UTF-16 units of the decoded text, or bytes when it is not UTF-8. */
export function lineLengths(bytes: Uint8Array): number[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } catch {
    text = new TextDecoder('latin1').decode(bytes);
  }
  if (bytes.includes(0)) text = new TextDecoder('latin1').decode(bytes); // binary: byte positions
  return text.split('\n').map((l) => l.length);
}

/** Every diagnostic (and related location) in `file` lies inside it: 1 ≤ line ≤ lines, 1 ≤ column ≤ length + 1. */
export function expectInside(diagnostics: readonly Diagnostic[], file: string, lengths: readonly number[], context: () => string): void {
  const check = (where: string, line: number | undefined, column: number | undefined): void => {
    if (line === undefined || column === undefined) return;
    const ok = Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lengths.length && column >= 1 && column <= lengths[line - 1]! + 1;
    if (!ok) expect.fail(`${where} ${line}:${column} is outside ${file} (${lengths.length} lines; that line has ${lengths[line - 1]} characters)\n${context()}`);
  };
  for (const d of diagnostics) {
    if (d.file !== file) continue;
    check(`${d.code} start`, d.line, d.column);
    check(`${d.code} end`, d.endLine, d.endColumn);
    for (const r of d.related ?? []) if (r.file === file) check(`${d.code} related`, r.line, r.column);
  }
}
