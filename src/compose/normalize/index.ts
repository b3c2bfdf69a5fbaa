/**
 * Normalization: a loaded Compose project (a located tree already interpolated, merged, extended and
 * profile-filtered) → the typed, neutral model of ../model.ts, every element keeping its span. Never
 * throws on bad input: a value of the wrong shape is reported at its position and left out.
 */
import type {
  ConfigDefinition,
  NetworkDefinition,
  RawValue,
  SecretDefinition,
  Service,
  VolumeDefinition,
} from '../model.js';
import type { LocatedMap } from '../../source/located.js';
import { rootScope, serviceScope, within, type NormalizeContext } from './context.js';
import { readConfigDefinitions, readSecretDefinitions } from './content-sources.js';
import { readService } from './service.js';
import { asMap, isExtensionKey, raw } from './shapes.js';
import { readNetworkDefinitions, readVolumeDefinitions } from './top-level.js';

export type { NormalizeContext } from './context.js';
export { INVALID_TYPE, INVALID_VALUE, IGNORED_VALUE } from './context.js';

export interface NormalizedProject {
  services: Service[];
  volumes: VolumeDefinition[];
  networks: NetworkDefinition[];
  secrets: SecretDefinition[];
  configs: ConfigDefinition[];
  /** Top-level `x-*` keys. */
  extensions: Record<string, RawValue>;
  /** Other top-level keys the model does not type (`models`, …), for ComposeProject.other. */
  other: Record<string, RawValue>;
}

/** Top-level keys the loader consumes itself. */
const LOADER_KEYS = new Set(['version', 'name', 'include', 'services', 'volumes', 'networks', 'secrets', 'configs']);

export function normalizeProject(root: LocatedMap, ctx: NormalizeContext): NormalizedProject {
  const scope = rootScope(ctx);
  const project: NormalizedProject = { services: [], volumes: [], networks: [], secrets: [], configs: [], extensions: {}, other: {} };
  for (const e of root.entries) {
    const s = within(scope, e.key);
    switch (e.key) {
      case 'services':
        for (const svc of asMap(e.value, s)?.entries ?? []) {
          const service = readService(svc.key, svc.value, svc.keySpan, serviceScope(scope, svc.key));
          if (service) project.services.push(service);
        }
        break;
      case 'volumes':
        project.volumes = readVolumeDefinitions(e.value, s);
        break;
      case 'networks':
        project.networks = readNetworkDefinitions(e.value, s);
        break;
      case 'secrets':
        project.secrets = readSecretDefinitions(e.value, s);
        break;
      case 'configs':
        project.configs = readConfigDefinitions(e.value, s);
        break;
      default:
        if (isExtensionKey(e.key)) project.extensions[e.key] = raw(e.value);
        else if (!LOADER_KEYS.has(e.key)) project.other[e.key] = raw(e.value);
    }
  }
  return project;
}
