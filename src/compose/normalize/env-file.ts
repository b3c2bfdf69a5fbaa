/**
 * `env_file`: a path, a list of paths, or the long syntax `{path, required, format}`. Paths resolve against
 * the project directory; the loader reads the files and fills `vars`.
 */
import type { EnvFile } from '../model.js';
import { entryOf, type Located, type LocatedMap } from '../../source/located.js';
import { report, within, type Scope } from './context.js';
import { fieldName, readBoolean, readString, wrongType } from './scalars.js';
import { keysOf } from './shapes.js';
import { readNamedPath, resolveHostPath } from './paths.js';

export function readEnvFiles(node: Located, scope: Scope): EnvFile[] {
  if (node.kind === 'scalar') {
    const file = readShort(node, scope);
    return file ? [file] : [];
  }
  if (node.kind !== 'seq') {
    wrongType(node, scope, 'a path or a list of paths');
    return [];
  }
  const out: EnvFile[] = [];
  node.items.forEach((item, i) => {
    const s = within(scope, i);
    const file = item.kind === 'map' ? readLong(item, s) : readShort(item, s);
    if (file) out.push(file);
  });
  return out;
}

function readShort(node: Located, scope: Scope): EnvFile | undefined {
  const named = readNamedPath(node, scope);
  return named && { ...named, required: true, vars: [], span: node.span };
}

function readLong(map: LocatedMap, scope: Scope): EnvFile | undefined {
  const pathNode = entryOf(map, 'path')?.value;
  const path = pathNode ? readString(pathNode, within(scope, 'path')) : undefined;
  if (pathNode === undefined || path === undefined || path === '') {
    report(scope, pathNode?.span ?? map.span, { message: `${fieldName(scope)} has no path` });
    return undefined;
  }
  const file: EnvFile = { path, resolved: resolveHostPath(path, scope, pathNode.span), required: true, vars: [], span: map.span, keys: keysOf(map) };
  const required = entryOf(map, 'required')?.value;
  if (required) file.required = readBoolean(required, within(scope, 'required')) ?? true;
  const format = entryOf(map, 'format')?.value;
  const f = format ? readString(format, within(scope, 'format')) : undefined;
  if (f !== undefined) file.format = f;
  return file;
}
