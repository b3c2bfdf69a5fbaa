/**
 * shipshape's public API. Re-exports only: each stage is usable on its own, with no file system access
 * (pass a FileHost — `memoryHost` for tests — where files are read) and nothing printed.
 *
 *   decodeSource → parseDocuments / parseLocatedStream      source/: YAML with positions
 *   loadProject → ComposeProject                            compose/: the Compose loader
 *   translateProject → Kubernetes objects + diagnostics     translate/: the converter
 *   lint(files) → diagnostics                               lint/: rules over one object graph
 *   diffManifests(left, right) → object-by-object changes   diff/
 *   formatters[name](report) / renderers[name](diff)        report/ and diff/render/
 */
export * from './diagnostics.js';
export { memoryHost, type FileHost, type FileRead, type FileKind, type FileStat } from './host.js';
export { decodeSource, parseDocuments, parseLocatedStream, type SourceFile, type ParsedDocument, type Located } from './source/index.js';

export { loadProject, type LoadOptions, type LoadResult } from './compose/index.js';
export type { ComposeProject, Service } from './compose/model.js';

export { translateProject, type TranslateOptions, type TranslateResult, type KubeObject } from './translate/index.js';
export { toYamlStream, toJsonList, toYamlDocument } from './translate/serialize.js';

export {
  lint,
  rules,
  ruleDescriptors,
  parseConfig,
  findConfigFile,
  DEFAULT_KUBE_VERSION,
  type LintOptions,
  type LintResult,
  type LintConfig,
  type RuleSeverity,
} from './lint/index.js';
export type { RuleModule, RuleContext, RuleMeta, Finding } from './lint/rule.js';

export { formatters, formatNames, isFormatName, type FormatName } from './report/index.js';
export type * from './report/formatter.js';

export { diffManifests, diffObjectsOfManifests, diffObjectsOfValues, type DiffResult, type DiffOptions, type DiffObject, type ObjectDiff } from './diff/index.js';
export { renderers, DIFF_OUTPUTS, type DiffOutput, type RenderOptions } from './diff/render/index.js';

export { main as runCli } from './cli/main.js';
export type { Io } from './cli/io.js';
