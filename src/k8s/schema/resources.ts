/** Which built-in API an apiVersion/kind is: its definition and what the API definitions say of its scope. */
import { groupOf } from '../object.js';
import { resourceTable, type ResourceEntry } from './generated.js';

export function resourceOf(apiVersion: string, kind: string): ResourceEntry | undefined {
  const byKind = kindTable(apiVersion);
  return byKind && Object.hasOwn(byKind, kind) ? byKind[kind] : undefined;
}

/** The kinds of an apiVersion (own properties only: `__proto__` is not an apiVersion). */
function kindTable(apiVersion: string): Readonly<Record<string, ResourceEntry>> | undefined {
  const table = resourceTable();
  return Object.hasOwn(table, apiVersion) ? table[apiVersion] : undefined;
}

/** Whether apiVersion/kind is a built-in Kubernetes API (v1.21 … v1.36) rather than a custom resource. */
export function isBuiltinKind(apiVersion: string, kind: string): boolean {
  return resourceOf(apiVersion, kind) !== undefined;
}

let groups: Map<string, { versions: Set<string>; kinds: Set<string> }> | undefined;

/** Built-in API groups (`''` for core) with their versions and kinds, from the resource table. */
export function builtinGroups(): ReadonlyMap<string, { versions: ReadonlySet<string>; kinds: ReadonlySet<string> }> {
  if (!groups) {
    groups = new Map();
    for (const [apiVersion, byKind] of Object.entries(resourceTable())) {
      const group = groupOf(apiVersion);
      let entry = groups.get(group);
      if (!entry) groups.set(group, (entry = { versions: new Set(), kinds: new Set() }));
      entry.versions.add(apiVersion.slice(apiVersion.lastIndexOf('/') + 1));
      for (const kind of Object.keys(byKind)) entry.kinds.add(kind);
    }
  }
  return groups;
}

/** The kinds an apiVersion serves. */
export function kindsOf(apiVersion: string): string[] {
  return Object.keys(kindTable(apiVersion) ?? {});
}

/** The apiVersions that serve a kind: stable versions first, then betas, then alphas. */
export function apiVersionsWithKind(kind: string): string[] {
  const maturity = (apiVersion: string) => (/alpha/.test(apiVersion) ? 2 : /beta/.test(apiVersion) ? 1 : 0);
  return Object.keys(resourceTable())
    .filter((apiVersion) => resourceOf(apiVersion, kind) !== undefined)
    .sort((a, b) => maturity(a) - maturity(b) || (a < b ? -1 : a > b ? 1 : 0));
}
