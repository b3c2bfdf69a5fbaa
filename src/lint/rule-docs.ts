/**
 * Where a rule's documentation lives, for reports (SARIF `helpUri`, help text): `docs/rules/<id>.md` in
 * the repository, published at `<base><id>.md`. The base is configurable (`ruleDescriptors`); the CLI
 * derives it from the package's `repository` (GitHub), pinned to the release tag `v<version>` so the
 * page matches the installed rules: `https://github.com/OWNER/REPO/blob/v1.2.0/docs/rules/image-tag.md`.
 */

/** Codes that are not rules are documented in docs/lint.md (its Rules section). */
const NOT_A_RULE_PAGE = '../lint.md#rules';

/** The documentation file of a rule (or of a code that is not a rule), relative to the repository root. */
export function ruleDocsPath(id: string, isRule = true): string {
  return isRule ? `docs/rules/${id}.md` : 'docs/lint.md';
}

/** The page of a rule under a base URI (`undefined` without a base, or with one that is not a URL). */
export function ruleHelpUri(id: string, base: string | undefined, isRule = true): string | undefined {
  if (base === undefined) return undefined;
  try {
    return new URL(isRule ? `${encodeURIComponent(id)}.md` : NOT_A_RULE_PAGE, base.endsWith('/') ? base : `${base}/`).href;
  } catch {
    return undefined;
  }
}

/** What package.json says about the project (the fields this module reads). */
export interface PackageInfo {
  version?: string;
  repository?: string | { type?: string; url?: string; directory?: string };
}

/**
 * The base URI of the rule pages from package.json: a GitHub `repository` (`github:o/r`, `o/r`,
 * `git+https://github.com/o/r.git`, …) gives `https://github.com/o/r/blob/v<version>/docs/rules/`.
 * `undefined` when the package names no GitHub repository.
 */
export function ruleDocsBaseFromPackage(pkg: PackageInfo): string | undefined {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (repo === undefined || pkg.version === undefined) return undefined;
  const m =
    /^(?:github:)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(repo) ??
    /^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(repo) ??
    /^git@github\.com:([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(repo);
  if (!m) return undefined;
  const directory = typeof pkg.repository === 'object' && pkg.repository.directory ? `${pkg.repository.directory.replace(/^\/+|\/+$/g, '')}/` : '';
  return `https://github.com/${m[1]}/${m[2]}/blob/v${pkg.version}/${directory}docs/rules/`;
}
