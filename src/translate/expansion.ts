/**
 * Kubernetes expands `$(VAR)` in a container's command, args and env values, and turns `$$` into `$`.
 * Compose's own `$$` escapes are already resolved by the loader, so a value here is the literal string the
 * process must see: every `$` that Kubernetes would read as the start of `$(` or `$$` is doubled, so nothing
 * is expanded by accident. (Probe commands are not expanded by Kubernetes and must not be escaped.)
 */
export function escapeExpansion(value: string): string {
  return value.replace(/\$(?=[($])/g, '$$$$');
}
