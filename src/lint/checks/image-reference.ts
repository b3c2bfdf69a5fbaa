/**
 * Container image references (`registry.example.com:5000/team/app:1.2@sha256:…`), parsed by the grammar
 * the container registries use (the distribution project's reference grammar): an optional registry
 * host (with a port), a lower-case path, an optional tag, an optional digest.
 */

export interface ImageReference {
  /** Registry host with its port (`localhost:5000`), when the reference names one. */
  registry?: string;
  /** Repository path (`library/nginx`, `team/app`). */
  path: string;
  tag?: string;
  /** `algorithm:hex`. */
  digest?: string;
}

export type ImageParse = { ok: true; reference: ImageReference } | { ok: false; reason: string };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME = 255;

export function parseImageReference(text: string): ImageParse {
  if (text === '') return fail('it is empty');
  if (/\s/.test(text)) return fail('it contains whitespace');
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return fail(`'${digest}' is not a digest (algorithm:hex, such as sha256:…)`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return fail(`'${tag}' is not a valid tag`);
  }
  if (rest.length > MAX_NAME) return fail(`the name is longer than ${MAX_NAME} characters`);
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      rest = rest.slice(slash + 1);
      const problem = registryProblem(registry);
      if (problem) return fail(problem);
    }
  }
  for (const component of rest.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      return fail(component === '' ? 'the repository path has an empty component' : `'${component}' is not a valid repository name component (lower-case letters, digits and separators)`);
    }
  }
  const reference: ImageReference = { path: rest };
  if (registry !== undefined) reference.registry = registry;
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return { ok: true, reference };
}

function registryProblem(registry: string): string | undefined {
  let host = registry;
  const port = /:(\d+)$/.exec(registry);
  if (port) host = registry.slice(0, port.index);
  else if (registry.includes(':') && !registry.startsWith('[')) return `'${registry}' is not a registry host (a port must be a number)`;
  if (host.startsWith('[') && host.endsWith(']')) return undefined;
  return host.split('.').every((c) => DOMAIN_COMPONENT.test(c)) ? undefined : `'${registry}' is not a valid registry host`;
}

function fail(reason: string): ImageParse {
  return { ok: false, reason };
}
