/**
 * Read one side of `shipshape diff`: a manifest file, a directory (walked recursively for .yaml, .yml and
 * .json by the same walker as lint), standard input (`-`), or a Compose file or project directory
 * (detected by content, or forced) converted first. The only place the diff reads files.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { FileHost } from '../host.js';
import { objectsOfFiles } from '../diff/manifest-side.js';
import type { DiffObject } from '../diff/objects.js';
import { isComposeDirectory, isComposeText } from '../diff/side-kind.js';
import { decodeSource, type SourceFile } from '../source/file.js';
import { convertComposeSide, type ComposeSideOptions } from './diff-compose.js';
import type { Io } from './io.js';
import { displayPath, findManifestFiles } from './manifest-files.js';

export const STDIN_NAME = '<stdin>';

export interface SideRequest {
  /** The argument as given: a path, or `-`. */
  arg: string;
  /** `compose`: `--left-compose` / `--right-compose`; `manifests`: never converted; `detect`: by content. */
  as: 'detect' | 'compose' | 'manifests';
  /** A missing directory reads as an empty side (`convert -o DIR --diff` before DIR exists). */
  missingIsEmpty?: boolean;
}

export interface SideOptions {
  defaultNamespace: string;
  compose: ComposeSideOptions;
}

export interface SideRead {
  objects: DiffObject[];
  diagnostics: Diagnostic[];
  /** One line each: what could not be read (exit 2). */
  problems: string[];
  /**
   * Set when a problem was about some files of a folder: the objects of the others are there and the diff of
   * what could be read is printed. Otherwise a problem means the side could not be read at all.
   */
  partial?: boolean;
  /** Notes for stderr (an empty directory). */
  notes: string[];
  /** Set when the side is a converted Compose project: how it is named. */
  converted?: string;
}

function empty(): SideRead {
  return { objects: [], diagnostics: [], problems: [], notes: [] };
}

export async function readSide(request: SideRequest, options: SideOptions, io: Io, host: FileHost): Promise<SideRead> {
  if (request.arg === '-') {
    const bytes = await io.readStdin();
    const decoded = decodeSource(STDIN_NAME, bytes);
    if (!decoded.value) return { ...empty(), diagnostics: decoded.diagnostics };
    if (isCompose(request, decoded.value)) {
      return convertComposeSide({ files: ['-'], cwd: io.cwd, stdin: async () => bytes, label: STDIN_NAME }, options, io, host);
    }
    const side = manifests([decoded.value], [], options);
    // Piping nothing by mistake must not read as "everything was removed/added" without a word.
    if (decoded.value.text.trim() === '') side.notes.push('warning: standard input is empty');
    return side;
  }

  const absolute = resolve(io.cwd, request.arg);
  const shown = displayPath(io.cwd, absolute);
  const info = await host.stat(absolute);
  if (!info) {
    if (request.missingIsEmpty) return empty();
    return { ...empty(), problems: [`${request.arg}: no such file or directory`] };
  }
  if (info.kind === 'other') return { ...empty(), problems: [`${request.arg}: not a regular file or directory (a FIFO, socket or device)`] };

  if (info.kind === 'file') {
    const read = await host.readFile(absolute);
    if (!read.ok) return { ...empty(), problems: [`cannot read ${shown}: ${read.message.replace(`${absolute}: `, '')}`] };
    const decoded = decodeSource(shown, read.bytes);
    if (!decoded.value) return { ...empty(), diagnostics: decoded.diagnostics };
    if (isCompose(request, decoded.value)) {
      return convertComposeSide({ files: [absolute], cwd: io.cwd, label: shown }, options, io, host);
    }
    return manifests([decoded.value], [], options);
  }

  if (request.as === 'compose' || (request.as === 'detect' && isComposeDirectory(await host.readDir(absolute)))) {
    return convertComposeSide({ files: [], cwd: absolute, label: shown }, options, io, host);
  }
  const found = await findManifestFiles(host, [absolute], { cwd: io.cwd, ignore: [], ignoreBase: io.cwd });
  const problems = [...found.problems];
  const notes = found.empty.length > 0 ? [`warning: no .yaml, .yml or .json files in ${shown}`] : [];
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of found.files) {
    const read = await host.readFile(file);
    const name = displayPath(io.cwd, file);
    if (!read.ok) {
      problems.push(`cannot read ${name}: ${read.message.replace(`${file}: `, '')}`);
      continue;
    }
    const decoded = decodeSource(name, read.bytes);
    for (const d of decoded.diagnostics) diagnostics.push(d);
    if (decoded.value) files.push(decoded.value);
  }
  const side = manifests(files, diagnostics, options);
  return { ...side, problems, notes, ...(problems.length > 0 ? { partial: true } : {}) };
}

function isCompose(request: SideRequest, file: SourceFile): boolean {
  return request.as === 'compose' || (request.as === 'detect' && isComposeText(file));
}

function manifests(files: readonly SourceFile[], diagnostics: Diagnostic[], options: SideOptions): SideRead {
  const side = objectsOfFiles(files, { defaultNamespace: options.defaultNamespace });
  return { objects: side.objects, diagnostics: [...diagnostics, ...side.diagnostics], problems: [], notes: [] };
}
