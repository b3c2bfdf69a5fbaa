import { createRequire } from 'node:module';

/**
 * The `yaml` package, loaded on first use: its import costs ~20–45 ms of cold start (docs/performance.md) that
 * linting plain manifests and most conversions never need. Under Node, `import 'yaml'` resolves to this same
 * CommonJS build; every module that needs `yaml` at run time takes it from here (one copy, outside the CLI
 * bundle), and imports only its types statically.
 */
export type YamlModule = typeof import('yaml');

let loaded: YamlModule | undefined;

export function yamlModule(): YamlModule {
  return (loaded ??= createRequire(import.meta.url)('yaml') as YamlModule);
}
