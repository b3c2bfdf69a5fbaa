import { createRequire } from 'node:module';
import type { PackageInfo } from './lint/rule-docs.js';

let cached: (PackageInfo & { version: string }) | undefined;

/**
 * shipshape's own package.json. Like `generated/` (src/generated.ts), it is found one level above this module:
 * src/, dist/ and the bundled CLI in dist/ all sit one level below the package root. Read on first use.
 */
export function packageInfo(): PackageInfo & { version: string } {
  cached ??= createRequire(import.meta.url)('../package.json') as PackageInfo & { version: string };
  return cached;
}
