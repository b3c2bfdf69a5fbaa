/**
 * The report formatter a lint run asked for, imported on its own: one formatter and its helpers instead
 * of all five (cold start, docs/performance.md). `formatters` in src/report/index.ts stays the registry
 * library users import; test/cli/lint.test.ts checks that both give the same function for every name.
 */
import type { FormatName, Formatter } from '../report/index.js';

const loaders: Readonly<Record<FormatName, () => Promise<Formatter>>> = {
  stylish: async () => (await import('../report/formatters/stylish.js')).stylish,
  json: async () => (await import('../report/formatters/json.js')).json,
  sarif: async () => (await import('../report/formatters/sarif.js')).sarif,
  github: async () => (await import('../report/formatters/github.js')).github,
  junit: async () => (await import('../report/formatters/junit.js')).junit,
};

export function loadFormatter(name: FormatName): Promise<Formatter> {
  return loaders[name]();
}
