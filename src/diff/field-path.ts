/**
 * Paths of changes inside an object: field names, positions in lists compared by position, and list
 * items named by their keys, shown as `spec.template.spec.containers[name=api].image` or
 * `spec.template.spec.containers[name=api].ports[containerPort=80,protocol=TCP]`.
 */

/** A list item named by its key values (`[name=api]`). */
export interface ItemSelector {
  readonly keys: Readonly<Record<string, string | number | boolean>>;
}

export type ChangePathSegment = string | number | ItemSelector;
export type ChangePath = readonly ChangePathSegment[];

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;
const PLAIN_VALUE = /^[\w./:@-]+$/;

function selectorValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  // A string that would read back as a number or boolean, or holds separators, is quoted.
  const ambiguous = value === 'true' || value === 'false' || (value.trim() !== '' && !Number.isNaN(Number(value)));
  return PLAIN_VALUE.test(value) && !ambiguous ? value : JSON.stringify(value);
}

/** `''` for the object itself. */
export function formatChangePath(path: ChangePath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string') out += IDENTIFIER.test(segment) ? (out === '' ? segment : `.${segment}`) : `[${JSON.stringify(segment)}]`;
    else {
      const parts = Object.entries(segment.keys).map(([k, v]) => `${k}=${selectorValue(v)}`);
      out += `[${parts.join(',')}]`;
    }
  }
  return out;
}
