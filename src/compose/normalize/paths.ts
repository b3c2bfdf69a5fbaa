/**
 * Host paths as docker compose resolves them: `~` and `~/…` from HOME, relative paths against the project
 * directory, the result cleaned. Pure: HOME comes from the context's variables, never from the process.
 */
import { posix } from 'node:path';
import type { Located } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { report, type Scope } from './context.js';
import { fieldName, readString } from './scalars.js';

/** A file named by a service (an env file, a label file): the path as written, and resolved. */
export interface NamedPath {
  path: string;
  resolved: string;
}

/** A path scalar: non-empty, resolved with `resolveHostPath`; absent after reporting otherwise. */
export function readNamedPath(node: Located, scope: Scope): NamedPath | undefined {
  const path = readString(node, scope);
  if (path === undefined) return undefined;
  if (path === '') {
    report(scope, node.span, { message: `${fieldName(scope)} is an empty path` });
    return undefined;
  }
  return { path, resolved: resolveHostPath(path, scope, node.span) };
}

export function resolveHostPath(path: string, scope: Scope, at: Span): string {
  const { workingDir, env } = scope.ctx;
  let p = path;
  if (p === '~' || p.startsWith('~/')) {
    const home = env.HOME;
    if (home) p = home + p.slice(1);
    else {
      report(scope, at, {
        severity: 'warning',
        message: `cannot expand '~' in ${JSON.stringify(path)}: HOME is not set`,
        hint: 'Set HOME, or write the path relative to the project directory.',
      });
      p = p.slice(p === '~' ? 1 : 2) || '.';
    }
  }
  return withoutTrailingSlash(posix.isAbsolute(p) ? posix.normalize(p) : posix.join(workingDir, p));
}

function withoutTrailingSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

const REMOTE = /^(?:https?:\/\/|git:\/\/|ssh:\/\/|git@|github\.com\/)/;

/** A build context that names a remote source (git repository, tarball URL) rather than a directory. */
export function isRemoteContext(context: string): boolean {
  return REMOTE.test(context);
}

/** Clean a container path (`/data/` → `/data`), as docker compose does for mount targets. */
export function cleanContainerPath(path: string): string {
  if (path === '') return '';
  return withoutTrailingSlash(posix.normalize(path));
}
