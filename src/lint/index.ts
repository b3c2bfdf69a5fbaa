/**
 * The public lint API: source files in, diagnostics and the checked objects out. Pure: reads no
 * files (the CLI reads them), prints nothing, never throws on bad input.
 */
import { sortDiagnostics, type Diagnostic, type Severity } from '../diagnostics.js';
import { buildObjectGraph } from '../k8s/graph.js';
import type { ScopeResolver } from '../k8s/kinds.js';
import { chainScopes, crdScopes, readManifests, toManifestObject, type RawManifest } from '../k8s/manifests.js';
import type { ManifestObject } from '../k8s/object.js';
import { resourceScope } from '../k8s/schema/scope.js';
import type { CheckedObject, RuleDescriptor } from '../report/formatter.js';
import type { SourceFile } from '../source/file.js';
import { YAML_SYNTAX } from '../source/yaml-errors.js';
import { emptyConfig, type LintConfig, type RuleSeverity } from './config.js';
import { effectiveSeverity, INTERNAL_FAULT, locate, runRules, type AnyRule, type FaultReport, type ResolvedRuleSetting } from './engine.js';
import { globMatcher } from './glob.js';
import { mergeRuleOptions } from './options.js';
import { ruleDocsPath, ruleHelpUri } from './rule-docs.js';
import { rules as registry } from './rules/index.js';
import { secretRegionsOf, type SecretRegion } from './secret-regions.js';
import { Suppressions, UNUSED_DISABLE } from './suppress.js';

export { INTERNAL_FAULT } from './engine.js';
export { UNUSED_DISABLE, IGNORE_ANNOTATION } from './suppress.js';
export { parseConfig, findConfigFile, parseSeverity, type LintConfig, type RuleSeverity, type ObjectExclude } from './config.js';
export { rules } from './rules/index.js';
export type { SecretRegion } from './secret-regions.js';
export { ruleDocsBaseFromPackage, ruleDocsPath, ruleHelpUri, type PackageInfo } from './rule-docs.js';

export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_KUBE_VERSION = '1.36';

export interface LintOptions {
  /** The rules to run (default: every registered rule). */
  rules?: readonly AnyRule[];
  /** From `.shipshape.yaml`. */
  config?: LintConfig;
  /** `--rule ID=SEVERITY`: wins over the config file. */
  ruleOverrides?: Readonly<Record<string, RuleSeverity>>;
  /** Options per rule id, merged over the config file's (for library users and tests). */
  ruleOptions?: Readonly<Record<string, unknown>>;
  /** `--namespace`: wins over the config file; `default` otherwise. */
  namespace?: string;
  /** `--kube-version`: wins over the config file; 1.36 otherwise. */
  kubeVersion?: string;
  reportUnusedDisables?: boolean;
  /** Scope of kinds (default: the schema table); CRDs in the input and built-in knowledge complete it. */
  scope?: ScopeResolver;
  /** Diagnostics found before parsing (unreadable encodings): reported under their rule. */
  sourceDiagnostics?: readonly Diagnostic[];
  onFault?: (fault: FaultReport) => void;
}

export interface LintResult {
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
  objects: CheckedObject[];
  /** Number of internal faults (rules that threw): the CLI exits 2 when there is one. */
  faults: number;
  /** Regions of a file holding Secret values, which reports must never print (computed on demand). */
  secretRegions(file: string): SecretRegion[];
}

/** Codes that come from below the rules, and the rule that owns each. */
const ruleOfCode: Readonly<Record<string, string>> = {
  [YAML_SYNTAX]: 'yaml-syntax',
  'source/encoding': 'yaml-syntax',
  schema: 'schema',
};

export function lint(files: readonly SourceFile[], options: LintOptions = {}): LintResult {
  const rules = options.rules ?? registry;
  const config = options.config ?? emptyConfig;
  const defaultNamespace = options.namespace ?? config.namespace ?? DEFAULT_NAMESPACE;
  const kubeVersion = (options.kubeVersion ?? config.kubeVersion ?? DEFAULT_KUBE_VERSION).replace(/^v/, '');

  const raw: RawManifest[] = [];
  const early: Diagnostic[] = [...(options.sourceDiagnostics ?? [])];
  const suppressions = new Suppressions();
  for (const file of files) {
    suppressions.addFile(file.path, file.text);
    const read = readManifests(file);
    // Loops, not push(...spread): a file may hold a million documents (the argument list would overflow).
    for (const m of read.manifests) raw.push(m);
    for (const d of read.diagnostics) early.push(d);
  }
  const scope = chainScopes(crdScopes(raw), options.scope ?? resourceScope);
  const objects: ManifestObject[] = raw.map((r) => toManifestObject(r, { defaultNamespace, scope }));
  const graph = buildObjectGraph(objects);

  const settings = new Map<string, ResolvedRuleSetting>();
  const ruleSetting = (rule: AnyRule): ResolvedRuleSetting => {
    let s = settings.get(rule.id);
    if (!s) {
      s = resolveSetting(rule, config, options);
      settings.set(rule.id, s);
    }
    return s;
  };
  const excluded = excludeMatcher(config);
  let faults = 0;
  const diagnostics = runRules({
    graph,
    rules,
    settings: { defaultNamespace, kubeVersion },
    ruleSetting,
    excluded,
    suppressions,
    onFault: (f) => {
      faults++;
      options.onFault?.(f);
    },
  });

  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const d of early) {
    const rule = byId.get(ruleOfCode[d.code] ?? d.code);
    if (rule) {
      const setting = ruleSetting(rule);
      if (setting.severity === 'off') continue;
      if (suppressions.byComment(d.file, d.line, rule.id)) continue;
      const messageId = d.messageId ?? (d.code === 'source/encoding' ? 'encoding' : undefined);
      diagnostics.push({
        ...d,
        code: rule.id,
        ...(messageId !== undefined ? { messageId } : {}),
        severity: effectiveSeverity(rule, setting, d.severity),
      });
    } else if (!options.rules) {
      diagnostics.push(d);
    }
  }
  const known = new Set([...registry, ...rules].map((r) => r.id));
  for (const d of suppressions.problems(objects, known, options.reportUnusedDisables === true)) diagnostics.push(d);
  return {
    diagnostics: sortDiagnostics(diagnostics),
    objects: objects.map(checkedObject),
    faults,
    secretRegions: secretRegionsOf(objects, files),
  };
}

function resolveSetting(rule: AnyRule, config: LintConfig, options: LintOptions): ResolvedRuleSetting {
  const conf = config.rules[rule.id];
  const override = options.ruleOverrides?.[rule.id];
  const userOptions = options.ruleOptions?.[rule.id] ?? conf?.options;
  const merged = mergeRuleOptions(rule, userOptions);
  if (override !== undefined) return { severity: override, explicit: true, options: merged };
  if (conf?.severity !== undefined) return { severity: conf.severity, explicit: true, options: merged };
  const enabled = rule.meta.enabledByDefault ?? true;
  return { severity: enabled ? rule.meta.severity : 'off', explicit: false, options: merged };
}

function excludeMatcher(config: LintConfig): (object: ManifestObject, ruleId: string) => boolean {
  if (config.excludes.length === 0) return () => false;
  const compiled = config.excludes.map((ex) => ({
    kind: ex.kind === undefined ? undefined : globMatcher(ex.kind),
    namespace: ex.namespace === undefined ? undefined : globMatcher(ex.namespace),
    name: ex.name === undefined ? undefined : globMatcher(ex.name),
    rules: ex.rules === undefined ? undefined : new Set(ex.rules),
  }));
  return (object, ruleId) =>
    compiled.some(
      (ex) =>
        (!ex.rules || ex.rules.has(ruleId)) &&
        (!ex.kind || ex.kind(object.kind)) &&
        (!ex.namespace || ex.namespace(object.namespace ?? '')) &&
        (!ex.name || ex.name(object.name)),
    );
}

function checkedObject(object: ManifestObject): CheckedObject {
  const at = object.base.length === 0 ? object.doc.start : locate(object, []);
  return { file: at.file, line: at.line, column: at.column, object: object.ref };
}

export interface RuleDescriptorOptions {
  /** Base URI of the rule pages (`docs/rules/` as published); each rule's `helpUri` is `<base><id>.md`. */
  docsBaseUri?: string;
}

/**
 * Rule metadata for formatters (SARIF rule descriptors): description, help (the rule's `meta.help` and
 * where its documentation is) and, with a base URI, `helpUri`; plus the codes that are not rules.
 */
export function ruleDescriptors(rules: readonly AnyRule[] = registry, options: RuleDescriptorOptions = {}): RuleDescriptor[] {
  const describe = (id: string, description: string, defaultSeverity: Severity, help: string | undefined, isRule = true): RuleDescriptor => {
    const helpUri = ruleHelpUri(id, options.docsBaseUri, isRule);
    const docs = helpUri === undefined ? `\`${ruleDocsPath(id, isRule)}\`` : `[${ruleDocsPath(id, isRule)}](${helpUri})`;
    return { id, description, defaultSeverity, help: `${help ?? description}\n\nDocumentation: ${docs}`, ...(helpUri === undefined ? {} : { helpUri }) };
  };
  return [
    ...rules.map((r) => describe(r.id, r.meta.description, r.meta.severity, r.meta.help)),
    describe(
      INTERNAL_FAULT,
      'A rule failed: a bug in shipshape, not in the input',
      'error',
      'Report the bug with the input that caused it; turn the rule named in the message off to lint meanwhile.',
      false,
    ),
    describe(
      UNUSED_DISABLE,
      'A suppression that names an unknown rule, or (--report-unused-disables) suppressed nothing',
      'warning',
      'Remove the suppression comment or annotation entry, or correct the rule id it names.',
      false,
    ),
  ];
}
