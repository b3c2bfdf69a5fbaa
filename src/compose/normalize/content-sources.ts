/**
 * Top-level `secrets` and `configs`: where the content comes from — `file` (resolved against the project
 * directory), `environment` (a variable's value), `content` (configs only) or `external` — plus name and
 * labels. Exactly one source is required.
 */
import type { ConfigDefinition, ContentSource, RawValue, SecretDefinition } from '../model.js';
import { entryOf, type Located, type LocatedMap } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { report, within, type Scope } from './context.js';
import { fieldName, readString } from './scalars.js';
import { extensionsOf, isExtensionKey, keysOf, raw } from './shapes.js';
import { readExternal } from './external.js';
import { readKeyValues } from './key-values.js';
import { resolveHostPath } from './paths.js';
import { definitions } from './top-level.js';

type Kind = 'secret' | 'config';

export function readSecretDefinitions(node: Located, scope: Scope): SecretDefinition[] {
  return definitions(node, scope, (key, map, span, s) => readDefinition('secret', key, map, span, s));
}

export function readConfigDefinitions(node: Located, scope: Scope): ConfigDefinition[] {
  return definitions(node, scope, (key, map, span, s) => readDefinition('config', key, map, span, s));
}

const SOURCES: Record<Kind, readonly string[]> = {
  secret: ['file', 'environment', 'external'],
  config: ['file', 'environment', 'content', 'external'],
};

function readDefinition(kind: Kind, key: string, map: LocatedMap | undefined, span: Span, scope: Scope): SecretDefinition | undefined {
  const { external, name } = map ? readExternal(map, key, scope) : { external: false, name: undefined };
  const given = map ? map.entries.filter((e) => SOURCES[kind].includes(e.key) && e.key !== 'external') : [];
  if (!map || (given.length === 0 && !external)) {
    report(scope, span, {
      message: `${kind} ${JSON.stringify(key)} does not say where its content comes from`,
      hint: `Give one of ${SOURCES[kind].join(', ')}.`,
    });
    return undefined;
  }
  const sources = [...(external ? ['external'] : []), ...given.map((e) => e.key)];
  if (sources.length > 1) {
    const second = given[external ? 0 : 1]!;
    report(within(scope, second.key), second.keySpan, {
      message: `${kind} ${JSON.stringify(key)} gives both ${sources[0]} and ${sources[1]}; only one source is allowed`,
    });
    return undefined;
  }
  const source = external ? { type: 'external' as const, name: name ?? key } : readSource(map, given[0]!.key, scope);
  if (!source) return undefined;
  const def: SecretDefinition = { key, source, labels: [], span, keys: keysOf(map), extensions: extensionsOf(map) };
  if (name !== undefined) def.name = name;
  const other: Record<string, RawValue> = {};
  for (const e of map.entries) {
    if (e.key === 'labels') def.labels = readKeyValues(e.value, within(scope, e.key));
    else if (!['name', 'external', 'labels', ...SOURCES[kind]].includes(e.key) && !isExtensionKey(e.key)) other[e.key] = raw(e.value);
  }
  if (Object.keys(other).length > 0) def.other = other;
  return def;
}

function readSource(map: LocatedMap, key: string, scope: Scope): ContentSource | undefined {
  const node = entryOf(map, key)!.value;
  const s = within(scope, key);
  const text = readString(node, s);
  if (text === undefined) {
    report(s, node.span, { message: `${fieldName(s)} is empty` });
    return undefined;
  }
  switch (key) {
    case 'file':
      return { type: 'file', path: text, resolved: resolveHostPath(text, s, node.span) };
    case 'content':
      return { type: 'content', content: text };
    default: {
      const value = scope.ctx.env[text];
      if (value === undefined) {
        report(s, node.span, {
          severity: 'warning',
          message: `the variable ${text} is not set, so ${fieldName(scope)} has no content`,
          hint: `Set ${text} in the environment or in the project's .env file.`,
        });
      }
      return { type: 'environment', variable: text, value };
    }
  }
}
