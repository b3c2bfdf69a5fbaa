/**
 * `external` of a top-level volume, network, secret or config: `true`/`false`, or the deprecated
 * `{name: …}` (which also sets the resource's name). An external resource keeps its key as its name
 * unless `name:` says otherwise, as docker compose does.
 */
import { entryOf, type LocatedMap } from '../../source/located.js';
import { IGNORED_VALUE, report, within, type Scope } from './context.js';
import { fieldName, readBoolean, readString } from './scalars.js';

export interface ExternalRead {
  external: boolean;
  /** The resource's name: `name:`, else the deprecated `external.name`, else the key when external. */
  name?: string;
}

export function readExternal(map: LocatedMap, key: string, scope: Scope): ExternalRead {
  const nameNode = entryOf(map, 'name')?.value;
  let name = nameNode ? readString(nameNode, within(scope, 'name')) : undefined;
  const ext = entryOf(map, 'external')?.value;
  let external = false;
  if (ext?.kind === 'map') {
    external = true;
    const s = within(scope, 'external', 'name');
    const extNameNode = entryOf(ext, 'name')?.value;
    const extName = extNameNode ? readString(extNameNode, s) : undefined;
    if (extName !== undefined && extNameNode) {
      if (name !== undefined && name !== extName) {
        report(s, extNameNode.span, { message: `${fieldName(scope)}: name and external.name disagree (${JSON.stringify(name)} and ${JSON.stringify(extName)})`, hint: 'Keep only name.' });
      } else {
        report(s, extNameNode.span, {
          severity: 'warning',
          code: IGNORED_VALUE,
          message: `${fieldName(s)} is deprecated`,
          hint: `Write name: ${extName} and external: true.`,
        });
        name = extName;
      }
    }
  } else if (ext) {
    external = readBoolean(ext, within(scope, 'external')) ?? false;
  }
  if (external && name === undefined) name = key;
  return name === undefined ? { external } : { external, name };
}

/** Keys that make no sense beside `external: true` (docker compose refuses them). */
export function reportExternalConflicts(map: LocatedMap, conflicting: readonly string[], scope: Scope): void {
  for (const e of map.entries) {
    if (!conflicting.includes(e.key)) continue;
    report(within(scope, e.key), e.keySpan, {
      message: `${fieldName(scope)} is external, so it cannot also set ${e.key}`,
      hint: 'An external resource is created outside the project: remove the key, or external: true.',
    });
  }
}
