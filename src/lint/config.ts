/**
 * The lint configuration file `.shipshape.yaml`: found upward from the working directory (or given),
 * validated with the precompiled validator of schemas/config.schema.json, with positioned errors.
 */
import type { Diagnostic, FieldPath, Severity } from '../diagnostics.js';
import { loadGenerated } from '../generated.js';
import type { FileHost } from '../host.js';
import { parseDocuments, type ParsedDocument } from '../source/documents.js';
import type { SourceFile } from '../source/file.js';
import { kubeVersionProblem } from '../k8s/deprecations.js';
import { closestName } from '../text/edit-distance.js';
import type { AnyRule } from './engine.js';
import { describeAjvError, pointerToPath, validateRuleOptions } from './options.js';

export const CONFIG_FILE_NAMES = ['.shipshape.yaml', '.shipshape.yml'] as const;
/** The code of configuration problems. */
export const CONFIG_CODE = 'config';

export type RuleSeverity = Severity | 'off';

export interface RuleConfig {
  severity?: RuleSeverity;
  options?: Record<string, unknown>;
}

/** Objects some or all rules skip; each field is a glob (`*`, `?`), absent fields match anything. */
export interface ObjectExclude {
  kind?: string;
  namespace?: string;
  name?: string;
  /** Rule ids; absent for every rule. */
  rules?: readonly string[];
}

export interface LintConfig {
  /** The file it was read from (absolute), if any. */
  file?: string;
  rules: Readonly<Record<string, RuleConfig>>;
  namespace?: string;
  kubeVersion?: string;
  /** Path globs relative to the config file's folder. */
  ignore: readonly string[];
  excludes: readonly ObjectExclude[];
}

export const emptyConfig: LintConfig = { rules: {}, ignore: [], excludes: [] };

/** `warn` → `warning`; the spellings a user may write for a severity. */
export function parseSeverity(text: string): RuleSeverity | undefined {
  switch (text) {
    case 'off':
    case 'info':
    case 'error':
    case 'warning':
      return text;
    case 'warn':
      return 'warning';
    default:
      return undefined;
  }
}

interface ConfigValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[] | null;
}

/** Read and validate a configuration file. `value` is undefined when it has errors. */
export function parseConfig(file: SourceFile, rules: readonly AnyRule[]): { value: LintConfig | undefined; diagnostics: Diagnostic[] } {
  const stream = parseDocuments(file);
  const diagnostics: Diagnostic[] = stream.diagnostics.filter((d) => d.severity === 'error');
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  if (stream.documents.length === 0) return { value: { ...emptyConfig, file: file.path }, diagnostics };
  const doc = stream.documents[0]!;
  if (stream.documents.length > 1) {
    const extra = stream.documents[1]!.start;
    diagnostics.push(problem(file.path, extra, 'a configuration file holds one YAML document; remove the others'));
    return { value: undefined, diagnostics };
  }
  const validate = loadGenerated<{ config: ConfigValidator }>('project-validators.cjs').config;
  if (!validate(doc.value)) {
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'if') continue; // its branch's own error says what is wrong
      const path = pointerToPath(e.instancePath);
      const key = e.keyword === 'additionalProperties';
      if (key) path.push(String(e.params.additionalProperty));
      const where = path.length > 0 ? `'${path.join('.')}': ` : '';
      let message = `${where}${describeAjvError(e)}`;
      if (key && path.length === 1) {
        const guess = closestName(String(e.params.additionalProperty), ['namespace', 'kubeVersion', 'rules', 'ignore', 'excludes']);
        if (guess) message += ` (did you mean '${guess}'?)`;
      }
      diagnostics.push(problem(file.path, doc.locate(path, { key }), message));
    }
    return { value: undefined, diagnostics };
  }
  const raw = doc.value as {
    namespace?: string;
    kubeVersion?: string;
    rules?: Record<string, string | { severity?: string; options?: Record<string, unknown> }>;
    ignore?: string[];
    excludes?: (ObjectExclude & { reason?: string })[];
  };
  const byId = new Map(rules.map((r) => [r.id, r]));
  const ruleConfigs: Record<string, RuleConfig> = {};
  for (const [id, entry] of Object.entries(raw.rules ?? {})) {
    const rule = byId.get(id);
    if (!rule) {
      diagnostics.push(unknownRule(doc, ['rules', id], id, byId.keys()));
      continue;
    }
    const conf: RuleConfig = {};
    const severity = typeof entry === 'string' ? entry : entry.severity;
    if (severity !== undefined) conf.severity = parseSeverity(severity)!;
    if (typeof entry === 'object' && entry.options !== undefined) {
      for (const p of validateRuleOptions(rule, entry.options)) {
        const path = ['rules', id, 'options', ...p.path];
        diagnostics.push(problem(file.path, doc.locate(path, { key: p.key === true }), `options of rule '${id}'${p.path.length ? ` at '${p.path.join('.')}'` : ''}: ${p.message}`));
      }
      conf.options = entry.options;
    }
    ruleConfigs[id] = conf;
  }
  const kubeVersionError = raw.kubeVersion === undefined ? undefined : kubeVersionProblem(raw.kubeVersion);
  if (kubeVersionError !== undefined) diagnostics.push(problem(file.path, doc.locate(['kubeVersion']), `kubeVersion ${kubeVersionError}`));
  (raw.excludes ?? []).forEach((ex, i) => {
    (ex.rules ?? []).forEach((id, j) => {
      if (!byId.has(id)) diagnostics.push(unknownRule(doc, ['excludes', i, 'rules', j], id, byId.keys()));
    });
  });
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  const config: LintConfig = {
    file: file.path,
    rules: ruleConfigs,
    ignore: raw.ignore ?? [],
    excludes: (raw.excludes ?? []).map(({ reason: _reason, ...rest }) => rest),
  };
  if (raw.namespace !== undefined) config.namespace = raw.namespace;
  if (raw.kubeVersion !== undefined) config.kubeVersion = raw.kubeVersion.replace(/^v/, '');
  return { value: config, diagnostics };
}

function unknownRule(doc: ParsedDocument, path: FieldPath, id: string, known: Iterable<string>): Diagnostic {
  const guess = closestName(id, known, 3);
  return problem(doc.file, doc.locate(path, { key: path[path.length - 2] === 'rules' && path[0] === 'rules' }), `unknown rule '${id}'${guess ? ` (did you mean '${guess}'?)` : ''}`);
}

function problem(file: string, at: { line: number; column: number; endLine?: number; endColumn?: number }, message: string): Diagnostic {
  const d: Diagnostic = { code: CONFIG_CODE, severity: 'error', message, file, line: at.line, column: at.column };
  if (at.endLine !== undefined) d.endLine = at.endLine;
  if (at.endColumn !== undefined) d.endColumn = at.endColumn;
  return d;
}

/** The nearest `.shipshape.yaml` in `dir` or a folder above it; undefined when there is none. */
export async function findConfigFile(host: FileHost, dir: string): Promise<string | undefined> {
  let current = dir.replace(/\/+$/, '') || '/';
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = current === '/' ? `/${name}` : `${current}/${name}`;
      const stat = await host.stat(candidate);
      if (stat?.kind === 'file') return candidate;
    }
    if (current === '/' || current === '') return undefined;
    const parent = current.slice(0, current.lastIndexOf('/')) || '/';
    if (parent === current) return undefined;
    current = parent;
  }
}
