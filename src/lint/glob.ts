/**
 * Glob patterns for configuration: `*` (any run of characters except `/`), `**` (any run including
 * `/`), `?` (one character except `/`), `{a,b}` (alternatives). Everything else is literal.
 */
export type GlobMatcher = (text: string) => boolean;

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more directories; a bare `**` anything.
        if (pattern[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces > 0) re += '|';
    else re += c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  re += ')'.repeat(inBraces);
  const compiled = new RegExp(`^${re}$`);
  cache.set(pattern, compiled);
  return compiled;
}

export function globMatcher(pattern: string): GlobMatcher {
  const re = globToRegExp(pattern);
  return (text) => re.test(text);
}

/**
 * Whether a path (relative, `/`-separated) is matched by an ignore pattern. A pattern without a `/`
 * matches a name at any depth (`*.tmpl.yaml`, `charts`); a directory match covers everything below it.
 */
export function pathIgnored(relativePath: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const parts = relativePath.split('/');
  for (const raw of patterns) {
    const pattern = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    if (pattern === '') continue;
    const re = globToRegExp(pattern);
    if (pattern.includes('/')) {
      for (let n = 1; n <= parts.length; n++) if (re.test(parts.slice(0, n).join('/'))) return true;
    } else if (parts.some((p) => re.test(p))) return true;
  }
  return false;
}
