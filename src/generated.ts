import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * Load a module that `npm run build` generated into `generated/` (precompiled ajv validators, tables).
 * Both src/ and dist/ sit one level below the package root, so the same relative path works for both.
 * Call it lazily, from the code that needs the module, never at import time.
 */
export function loadGenerated<T>(name: string): T {
  return load(`../generated/${name}`) as T;
}
