/**
 * STUB (owned by helper F2): kompose's `kompose.*` service labels read as ServiceSettings (extensions.ts
 * merges them under x-shipshape).
 *
 * Contract used by the core: isKomposeLabel(key) says whether a Compose label is a kompose directive.
 * Directives are consumed by extensions.ts and are NOT copied onto the pod as annotations.
 */
export function isKomposeLabel(key: string): boolean {
  return key.startsWith('kompose.');
}
