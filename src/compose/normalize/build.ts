/**
 * `build`: a context path, or `{context, dockerfile, args, target, …}`. The context resolves against the
 * project directory unless it is a remote source (a git URL or tarball); `args` without a value take the
 * variable's value from the environment, as `docker compose build` does.
 */
import type { BuildSpec, EnvVar, RawValue } from '../model.js';
import { entryOf, type Located, type LocatedMap } from '../../source/located.js';
import { within, type Scope } from './context.js';
import { readString, wrongType } from './scalars.js';
import { isExtensionKey, keysOf, optionalExtensions, raw } from './shapes.js';
import { readListOrDict } from './key-values.js';
import { isRemoteContext, resolveHostPath } from './paths.js';

const TYPED = new Set(['context', 'dockerfile', 'args', 'target']);

export function readBuild(node: Located, scope: Scope): BuildSpec | undefined {
  if (node.kind === 'scalar') {
    const context = readString(node, scope);
    if (context === undefined) return undefined;
    return { context: resolveContext(context, node, scope), args: [], span: node.span, keys: {} };
  }
  if (node.kind !== 'map') {
    wrongType(node, scope, 'a context path or a mapping');
    return undefined;
  }
  return readLongBuild(node, scope);
}

function readLongBuild(map: LocatedMap, scope: Scope): BuildSpec {
  const contextNode = entryOf(map, 'context')?.value;
  const context = (contextNode && readString(contextNode, within(scope, 'context'))) || '.';
  const build: BuildSpec = {
    context: resolveContext(context, contextNode ?? map, scope),
    args: [],
    span: map.span,
    keys: keysOf(map),
    ...optionalExtensions(map),
  };
  const other: Record<string, RawValue> = {};
  for (const e of map.entries) {
    const s = within(scope, e.key);
    if (e.key === 'dockerfile' || e.key === 'target') {
      const v = readString(e.value, s);
      if (v !== undefined) build[e.key] = v;
    } else if (e.key === 'args') {
      build.args = readListOrDict(e.value, s).map((a): EnvVar =>
        a.value !== undefined ? { name: a.key, value: a.value, span: a.span } : { name: a.key, value: scope.ctx.env[a.key], span: a.span, keyOnly: true },
      );
    } else if (!TYPED.has(e.key) && !isExtensionKey(e.key)) {
      other[e.key] = raw(e.value);
    }
  }
  if (Object.keys(other).length > 0) build.other = other;
  return build;
}

function resolveContext(context: string, node: Located, scope: Scope): string {
  return isRemoteContext(context) ? context : resolveHostPath(context, within(scope, 'context'), node.span);
}
