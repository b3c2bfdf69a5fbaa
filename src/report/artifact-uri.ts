/**
 * A report's file path as a SARIF artifact location: a relative URI reference against `%SRCROOT%` (the
 * directory shipshape ran in) for relative paths, a `file:` URI for absolute ones. Each path segment is
 * percent-encoded (spaces, `%`, `#`, `?`, `:`, non-ASCII), backslashes become slashes.
 */
export const SOURCE_ROOT = '%SRCROOT%';

export interface ArtifactUri {
  uri: string;
  uriBaseId?: string;
}

const encodeSegments = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export function artifactUri(file: string): ArtifactUri {
  const path = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${path.slice(0, 2)}${encodeSegments(path.slice(2))}` };
  if (path.startsWith('//')) return { uri: `file:${encodeSegments(path)}` };
  if (path.startsWith('/')) return { uri: `file://${encodeSegments(path)}` };
  return { uri: encodeSegments(path.replace(/^(\.\/)+/, '')), uriBaseId: SOURCE_ROOT };
}
