import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Tests need the validators that `npm run build` generates; build them once if they are missing. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (!existsSync(`${root}/generated/.complete`)) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--schemas-only'], { cwd: root, stdio: 'inherit' });
  }
}
