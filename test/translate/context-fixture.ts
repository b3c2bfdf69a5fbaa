/** A TranslateContext for testing one part on its own. */
import { memoryHost } from '../../src/host.js';
import { resolveOptions } from '../../src/translate/index.js';
import type { ResolvedOptions, TranslateOptions } from '../../src/translate/context.js';
export { createContext } from '../../src/translate/context.js';

export function resolveOptionsForTest(options: Partial<TranslateOptions> = {}): ResolvedOptions {
  return resolveOptions({ host: memoryHost({}), ...options });
}
