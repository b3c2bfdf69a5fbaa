/**
 * File contents as ConfigMap and Secret data. A ConfigMap keeps UTF-8 text under `data` and anything else
 * (invalid UTF-8, or a NUL byte) base64-encoded, once, under `binaryData`; a Secret keeps every value
 * base64-encoded under `data`. Keys are what the API server accepts (`[-._a-zA-Z0-9]+`, not `.`/`..`, at
 * most 253 characters): a file whose path is not a key gets a derived key and an `items` entry that mounts it
 * under its own path, so a directory with sub-directories is mounted as it was.
 */
import { shortHash } from './names.js';
import type { ProjectFile } from './project-files.js';

/** The most a ConfigMap or Secret may hold (the API server's limit on their data). */
export const CONFIG_DATA_LIMIT = 1024 * 1024;

/** rwxr-xr-x. */
export const EXECUTABLE_MODE = 0o755;

const KEY = /^[-._a-zA-Z0-9]+$/;

export function isConfigKey(key: string): boolean {
  return key.length <= 253 && KEY.test(key) && key !== '.' && !key.startsWith('..');
}

/** A key for `path` (a relative path or a name) not in `used`; adds it to `used`. */
export function configKeyFor(path: string, used: Set<string>): string {
  let key = path.replace(/\//g, '_').replace(/[^-._a-zA-Z0-9]/g, '-').replace(/^\.\.+/, '_');
  if (key === '' || key === '.') key = `file-${shortHash(path)}`;
  if (key.length > 240) key = `${key.slice(0, 232)}-${shortHash(path)}`;
  if (used.has(key)) key = `${key}-${shortHash(path)}`;
  used.add(key);
  return key;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes`, or undefined when they are not text (invalid UTF-8 or a NUL byte). */
export function textOf(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function base64Of(bytes: Uint8Array | string): string {
  return (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64');
}

export interface FileData {
  /** Text files (ConfigMap) or every file, base64 (Secret). */
  data: Record<string, string>;
  /** ConfigMap only: files that are not text, base64. */
  binaryData: Record<string, string>;
  /**
   * Key → path entries, when some file's path is not its key or a script needs its execute bits (otherwise the
   * volume projects every key as is).
   */
  items?: { key: string; path: string; mode?: number }[];
  /** Text values, for the address check (ConfigMap only). */
  texts: { key: string; text: string }[];
}

/** The data of a ConfigMap (`secret` false) or Secret (`secret` true) holding `files`. */
export function dataOf(files: readonly ProjectFile[], secret: boolean): FileData {
  const out: FileData = { data: {}, binaryData: {}, texts: [] };
  const used = new Set<string>();
  const items: { key: string; path: string; mode?: number }[] = [];
  let renamed = false;
  for (const file of files) {
    const key = isConfigKey(file.relative) && !used.has(file.relative) ? file.relative : configKeyFor(file.relative, used);
    used.add(key);
    if (key !== file.relative) renamed = true;
    const text = secret ? undefined : textOf(file.bytes);
    const item: { key: string; path: string; mode?: number } = { key, path: file.relative };
    // A script (`#!`) keeps its execute bits: a ConfigMap's files are 0644 otherwise.
    if (text?.startsWith('#!')) {
      item.mode = EXECUTABLE_MODE;
      renamed = true;
    }
    items.push(item);
    if (text !== undefined) {
      out.data[key] = text;
      out.texts.push({ key, text });
    } else if (secret) out.data[key] = base64Of(file.bytes);
    else out.binaryData[key] = base64Of(file.bytes);
  }
  if (renamed) out.items = items;
  return out;
}

/** `data`/`binaryData` fields of an object (empty ones left out). */
export function dataFields(data: FileData): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (Object.keys(data.data).length > 0) out.data = data.data;
  if (Object.keys(data.binaryData).length > 0) out.binaryData = data.binaryData;
  return out;
}

/** `1.5 MiB`, `812 KiB`, `300 bytes`: a size for messages. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
