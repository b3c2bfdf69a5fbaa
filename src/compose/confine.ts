/**
 * Files that a Compose file names (an `extends` file, an `include`, an env file) and the project's own `.env`
 * are read only inside the project directory when the caller asks for it (convert and diff, unless
 * `--allow-outside-project`): their content ends up in generated manifests, and a Compose file from a pull
 * request must not make the converter read `/etc/passwd` or `../../secrets.env`. `..` and symbolic links that
 * lead out of the directory are both caught. Files the user names (`-f`, `--env-file`) are theirs to choose.
 */
import { posix } from 'node:path';
import { isWithin, type FileHost } from '../host.js';

export const OUTSIDE_PROJECT = 'compose/outside-project';

export const OUTSIDE_PROJECT_HINT = 'move the file into the project directory, or pass --allow-outside-project to read it anyway';

/** Where reads are confined: the project directory (set once it is known). */
export interface Confinement {
  dir: string;
  /** `dir` with symbolic links resolved, found on first use. */
  real?: Promise<string>;
}

/** Why `path` may not be read (a phrase after its name), or undefined when it is inside the project. */
export async function outsideReason(host: FileHost, confinement: Confinement, path: string): Promise<string | undefined> {
  const dir = posix.normalize(confinement.dir);
  if (!isWithin(dir, posix.normalize(path))) return 'is outside the project directory';
  const real = await host.realPath(path);
  if (real === undefined) return undefined; // missing: reported as such by the reader
  confinement.real ??= host.realPath(dir).then((r) => r ?? dir);
  return isWithin(await confinement.real, real) ? undefined : 'is a symbolic link to a path outside the project directory';
}
