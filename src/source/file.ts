import type { Diagnostic, WithDiagnostics } from '../diagnostics.js';

/** A file's path as shown to the user (relative where possible) and its decoded text. */
export interface SourceFile {
  path: string;
  text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode raw bytes into a SourceFile: strips a UTF-8 BOM, refuses binary content (NUL bytes) and
 * invalid UTF-8 with a positioned `source/encoding` diagnostic instead of throwing.
 */
export function decodeSource(path: string, bytes: Uint8Array): WithDiagnostics<SourceFile | undefined> {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = byteOffsetToLineColumn(bytes, nul);
    return {
      value: undefined,
      diagnostics: [
        encodingDiagnostic(path, line, column, 'the file looks binary (it contains a NUL byte), not YAML or JSON text'),
      ],
    };
  }
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { value: { path, text }, diagnostics: [] };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = byteOffsetToLineColumn(bytes, bad);
    return {
      value: undefined,
      diagnostics: [encodingDiagnostic(path, line, column, `the file is not valid UTF-8 (bad byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')})`)],
    };
  }
}

function encodingDiagnostic(file: string, line: number, column: number, message: string): Diagnostic {
  return {
    code: 'source/encoding',
    severity: 'error',
    message,
    file,
    line,
    column,
    hint: 'Pass a UTF-8 encoded YAML or JSON file.',
  };
}

function byteOffsetToLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}
