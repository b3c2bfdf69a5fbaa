/**
 * Profiles: a service that lists `profiles` runs only when one of them is active (`--profile`, else
 * `COMPOSE_PROFILES`, comma-separated; `*` activates all). Services without profiles always run.
 */
import type { LocatedMap } from '../source/located.js';
import { mapValue, scalarText, withEntry } from './located-nodes.js';
import { lookupIn, type Environment } from './variables.js';

export function activeProfiles(given: readonly string[], env: Environment): string[] {
  const names = given.length > 0 ? given : (lookupIn(env)('COMPOSE_PROFILES') ?? '').split(',');
  return [...new Set(names.map((p) => p.trim()).filter((p) => p !== ''))];
}

export interface ProfileSelection {
  /** The project with the services of inactive profiles removed. */
  root: LocatedMap;
  /** Removed services and the profiles that would enable them. */
  disabled: Map<string, string[]>;
}

export function applyProfiles(root: LocatedMap, active: readonly string[]): ProfileSelection {
  const disabled = new Map<string, string[]>();
  const services = mapValue(root, 'services');
  if (services?.kind !== 'map') return { root, disabled };
  const all = active.includes('*');
  const enabled = services.entries.filter((e) => {
    const profiles = profilesOf(mapValue(e.value, 'profiles'));
    if (profiles.length === 0 || all || profiles.some((p) => active.includes(p))) return true;
    disabled.set(e.key, profiles);
    return false;
  });
  if (disabled.size === 0) return { root, disabled };
  return { root: withEntry(root, 'services', { ...services, entries: enabled }), disabled };
}

function profilesOf(node: ReturnType<typeof mapValue>): string[] {
  if (node?.kind === 'seq') return node.items.flatMap((i) => (i.kind === 'scalar' && i.value !== null ? [scalarText(i)] : []));
  if (node?.kind === 'scalar' && node.value !== null) return [scalarText(node)];
  return [];
}
