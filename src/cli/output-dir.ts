/**
 * `shipshape convert -o DIR`: one file per object (`<name>-<kind>.yaml`) and a kustomization.yaml listing them.
 * A file is overwritten only when shipshape generated it (its first line is the marker) or with --force; files
 * are written atomically (temp file + rename in the same directory) and nothing is ever deleted: files of an
 * earlier run that are no longer produced are only named on stderr. Files are written a few at a time
 * (docs/performance.md); the report lists them in the order of `files`, whatever the timing.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KubeObject } from '../translate/context.js';
import { toYamlDocument } from '../translate/serialize.js';
import { FILE_CONCURRENCY, mapConcurrent } from './concurrent.js';
import { GENERATED_MARKER, isGenerated } from './output-marker.js';
import { writeFileAtomic } from './write-file-atomic.js';

export const KUSTOMIZATION = 'kustomization.yaml';

export interface OutputFile {
  /** File name inside the directory. */
  name: string;
  content: string;
}

export function objectFileName(object: KubeObject): string {
  return `${object.metadata.name}-${object.kind.toLowerCase()}.yaml`;
}

/** The files to write, in object order, then kustomization.yaml. */
export function outputFiles(objects: readonly KubeObject[]): OutputFile[] {
  const files = objects.map((object) => ({ name: objectFileName(object), content: `${GENERATED_MARKER}\n${toYamlDocument(object)}` }));
  const kustomization = toYamlDocument({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: files.map((f) => f.name),
  });
  return [...files, { name: KUSTOMIZATION, content: `${GENERATED_MARKER}\n${kustomization}` }];
}

export interface WriteReport {
  /** Files not written because shipshape did not generate them (nothing was written at all). */
  refused: { name: string; reason: string }[];
  written: string[];
  unchanged: string[];
  /** Generated files of an earlier run that this run no longer produces (left in place). */
  stale: string[];
}

type Existing = { kind: 'missing' } | { kind: 'generated'; content: string } | { kind: 'foreign'; reason: string };

/**
 * Synchronous on purpose: a thousand small lstat+read pairs cost ~30 ms this way, several times that when
 * each is awaited through the thread pool (docs/performance.md); nothing else runs meanwhile.
 */
function inspect(path: string): Existing {
  let info;
  try {
    info = lstatSync(path);
  } catch {
    return { kind: 'missing' };
  }
  if (info.isSymbolicLink()) return { kind: 'foreign', reason: 'it is a symbolic link' };
  if (info.isDirectory()) return { kind: 'foreign', reason: 'it is a directory' };
  if (!info.isFile()) return { kind: 'foreign', reason: 'it is not a regular file' };
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    return { kind: 'foreign', reason: 'it cannot be read' };
  }
  return isGenerated(content) ? { kind: 'generated', content } : { kind: 'foreign', reason: 'shipshape did not generate it' };
}

/** What writing `files` into `dir` would do, found without writing (read-only, synchronous). */
export interface WritePlan extends WriteReport {
  /** The files whose content would change (or that do not exist yet). */
  changed: OutputFile[];
}

export function planOutputDir(dir: string, files: readonly OutputFile[], options: { force: boolean }): WritePlan {
  const plan: WritePlan = { refused: [], written: [], unchanged: [], stale: [], changed: [] };
  const states = files.map((file) => inspect(join(dir, file.name)));
  files.forEach((file, i) => {
    const state = states[i]!;
    if (state.kind === 'foreign' && !(options.force && state.reason !== 'it is a directory')) {
      plan.refused.push({ name: file.name, reason: state.reason });
    }
  });
  if (plan.refused.length > 0) return plan;
  plan.changed = files.filter((file, i) => {
    const state = states[i]!;
    return !(state.kind === 'generated' && state.content === file.content);
  });
  const toWrite = new Set(plan.changed);
  for (const file of files) (toWrite.has(file) ? plan.written : plan.unchanged).push(file.name);
  const produced = new Set(files.map((f) => f.name));
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    names = []; // not there yet
  }
  for (const name of names.sort()) {
    if (!produced.has(name) && /\.ya?ml$/.test(name) && inspect(join(dir, name)).kind === 'generated') plan.stale.push(name);
  }
  return plan;
}

/** Write `files` into `dir` (created when missing). Throws only for file-system failures (unwritable …). */
export async function writeOutputDir(dir: string, files: readonly OutputFile[], options: { force: boolean }): Promise<WriteReport> {
  await mkdir(dir, { recursive: true });
  const plan = planOutputDir(dir, files, options);
  if (plan.refused.length > 0) return { refused: plan.refused, written: [], unchanged: [], stale: [] };
  await mapConcurrent(plan.changed, FILE_CONCURRENCY, (file) => writeFileAtomic(join(dir, file.name), file.content));
  return { refused: [], written: plan.written, unchanged: plan.unchanged, stale: plan.stale };
}
