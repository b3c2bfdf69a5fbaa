/**
 * Whether a side of a diff is a Compose project (converted first) or manifests, decided by content: a
 * Compose file has a top-level `services:` and no document with `apiVersion` or `kind`; a Compose project
 * directory holds one of the files `docker compose` looks for.
 */
import { DEFAULT_FILE_NAMES } from '../compose/discover.js';
import { isObject } from '../k8s/object.js';
import { parseDocuments } from '../source/documents.js';
import type { SourceFile } from '../source/file.js';

const COMPOSE_FILE_NAMES: readonly string[] = DEFAULT_FILE_NAMES;

/** A cheap test first: most manifests never mention `services` as a key, and need no second parse. */
const SERVICES_KEY = /(^|[\s{,])["']?services["']?\s*:/m;

export function isComposeText(file: SourceFile): boolean {
  if (!SERVICES_KEY.test(file.text)) return false;
  const { documents } = parseDocuments(file);
  let services = false;
  for (const doc of documents) {
    if (!isObject(doc.value)) continue;
    if ('apiVersion' in doc.value || 'kind' in doc.value) return false;
    if ('services' in doc.value) services = true;
  }
  return services;
}

/** Whether a directory listing (entry names) is that of a Compose project. */
export function isComposeDirectory(entries: readonly string[]): boolean {
  return entries.some((name) => COMPOSE_FILE_NAMES.includes(name));
}
