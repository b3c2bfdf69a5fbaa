import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The shared third-party corpus, used by reference (never copied into the project). */
export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
/** The official schemas shipped beside the project. */
export const sharedSchemasDir = fileURLToPath(new URL('../../../shared/schemas/', import.meta.url));

export const hasCorpus = existsSync(corpusDir);

/** `describe` that skips, with a message naming the missing folder, when the corpus is absent. */
export const describeCorpus = (name: string, fn: () => void): void => {
  if (hasCorpus) describe(name, fn);
  else describe.skip(`${name} (skipped: ${corpusDir} is absent)`, fn);
};
