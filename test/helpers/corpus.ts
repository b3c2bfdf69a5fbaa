import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';

/** The shared third-party corpus, used by reference (never copied into the project). */
export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
/** The official schemas kept beside the project (not vendored; tests that need them skip without them). */
export const sharedSchemasDir = fileURLToPath(new URL('../../../shared/schemas/', import.meta.url));
/** The Compose specification schema the product vendors and compiles (always present). */
export const vendoredComposeSpec = fileURLToPath(new URL('../../schemas/compose/compose-spec.json', import.meta.url));

export const hasCorpus = existsSync(corpusDir);

/**
 * `describe` that skips, with a message naming the missing folder, when the corpus is absent.
 * The body is not run at all then: it may read the corpus while collecting tests.
 */
export const describeCorpus = (name: string, fn: () => void): void => {
  if (hasCorpus) describe(name, fn);
  else describe(name, () => test.skip(`skipped: ${corpusDir} is absent`, () => {}));
};
