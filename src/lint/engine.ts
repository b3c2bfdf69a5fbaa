/**
 * The lint engine: runs every enabled rule's visitors over the objects of a run, turns findings
 * (a field path) into positioned diagnostics, applies severities, excludes and suppressions, and
 * reports a rule that throws as an internal fault instead of crashing the run.
 */
import type { Diagnostic, FieldPath, RelatedLocation, Severity } from '../diagnostics.js';
import type { IndexedObjectGraph } from '../k8s/graph.js';
import { isKindGroup, workloadKinds } from '../k8s/kinds.js';
import type { ManifestObject } from '../k8s/object.js';
import type { Finding, LintSettings, RuleContext, RuleModule, Visitor } from './rule.js';
import type { Suppressions } from './suppress.js';

/** The code of a diagnostic for a rule that threw (a bug in shipshape, not in the input). */
export const INTERNAL_FAULT = 'internal-fault';
/** At most this many fault diagnostics per rule. */
const MAX_FAULTS_PER_RULE = 10;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleModule<any>;

/** A rule's effective configuration for a run. */
export interface ResolvedRuleSetting {
  severity: Severity | 'off';
  /**
   * Set by the user (config or --rule): then it replaces the severity of the findings reported at the
   * rule's default severity. Findings a rule reports at another severity (an `info` note, the warning
   * case of a rule whose default is error) keep theirs.
   */
  explicit: boolean;
  /** Defaults merged with the user's options. */
  options: unknown;
}

export interface FaultReport {
  ruleId: string;
  object: ManifestObject | undefined;
  error: unknown;
}

export interface EngineInput {
  graph: IndexedObjectGraph;
  rules: readonly AnyRule[];
  settings: LintSettings;
  ruleSetting(rule: AnyRule): ResolvedRuleSetting;
  /** Whether configuration excludes an object from a rule. */
  excluded(object: ManifestObject, ruleId: string): boolean;
  suppressions: Suppressions;
  /** Told about every internal fault (the CLI prints stacks under --debug). */
  onFault?: (fault: FaultReport) => void;
}

interface ActiveRule {
  rule: AnyRule;
  setting: ResolvedRuleSetting;
  faults: number;
}

interface Dispatch {
  active: ActiveRule;
  visit: Visitor;
}

/** Run the rules; returns their diagnostics (unsorted). */
export function runRules(input: EngineInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  let current: ManifestObject | undefined;
  const byKind = new Map<string, Dispatch[]>();
  const all: Dispatch[] = [];
  const workloads: Dispatch[] = [];
  const podTemplates: Dispatch[] = [];

  for (const rule of input.rules) {
    const setting = input.ruleSetting(rule);
    if (setting.severity === 'off') continue;
    const active: ActiveRule = { rule, setting, faults: 0 };
    const context: RuleContext = {
      graph: input.graph,
      settings: input.settings,
      get current(): ManifestObject {
        if (!current) throw new Error(`rule '${rule.id}' read context.current outside a visitor`);
        return current;
      },
      report(finding: Finding): void {
        const target = finding.object ?? current;
        if (!target) throw new Error(`rule '${rule.id}' reported outside a visitor without naming an object`);
        const d = toDiagnostic(active, finding, target, input);
        if (d) out.push(d);
      },
    };
    let visitors;
    try {
      visitors = rule.create(context, setting.options);
    } catch (error) {
      fault(active, undefined, error, input, out);
      continue;
    }
    for (const [key, visit] of Object.entries(visitors)) {
      if (!visit) continue;
      const entry = { active, visit };
      if (!isKindGroup(key)) push(byKind, key, entry);
      else if (key === '@all') all.push(entry);
      else if (key === '@workloads') workloads.push(entry);
      else podTemplates.push(entry);
    }
  }

  // The visitors of an object depend only on its kind and on whether it holds pod templates: listed once per pair.
  const dispatchCache = new Map<string, Dispatch[]>();
  const dispatchOf = (object: ManifestObject): Dispatch[] => {
    const withTemplates = podTemplates.length > 0 && input.graph.podTemplatesOf(object).length > 0;
    const key = `${withTemplates ? 1 : 0}${object.kind}`;
    let entries = dispatchCache.get(key);
    if (!entries) {
      entries = [
        ...(byKind.get(object.kind) ?? []),
        ...all,
        ...(workloads.length > 0 && workloadKinds.has(object.kind) ? workloads : []),
        ...(withTemplates ? podTemplates : []),
      ];
      dispatchCache.set(key, entries);
    }
    return entries;
  };
  for (const object of input.graph.objects) {
    for (const { active, visit } of dispatchOf(object)) {
      current = object;
      try {
        visit(object);
      } catch (error) {
        fault(active, object, error, input, out);
      }
    }
  }
  current = undefined;
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toDiagnostic(active: ActiveRule, finding: Finding, target: ManifestObject, input: EngineInput): Diagnostic | undefined {
  const { rule, setting } = active;
  const template = rule.meta.messages[finding.messageId];
  if (template === undefined) throw new Error(`rule '${rule.id}' reported unknown message id '${finding.messageId}'`);
  if (input.excluded(target, rule.id) || input.suppressions.byAnnotation(target, rule.id)) return undefined;
  const at = locate(target, finding.path, finding.key);
  if (input.suppressions.byComment(at.file, at.line, rule.id)) return undefined;
  const severity = effectiveSeverity(rule, setting, finding.severity ?? rule.meta.severity);
  const d: Diagnostic = {
    code: rule.id,
    messageId: finding.messageId,
    severity,
    message: formatMessage(template, finding.data),
    ...at,
    object: target.ref,
    path: finding.path,
  };
  if (finding.hint !== undefined) d.hint = formatMessage(finding.hint, finding.data);
  if (finding.related && finding.related.length > 0) {
    d.related = finding.related.map((r): RelatedLocation => ({ message: r.message, ...locate(r.object, r.path, r.key) }));
  }
  return d;
}

/** The severity of a finding reported at `reported`: the user's setting replaces the default severity only. */
export function effectiveSeverity(rule: AnyRule, setting: ResolvedRuleSetting, reported: Severity): Severity {
  return setting.explicit && setting.severity !== 'off' && reported === rule.meta.severity ? setting.severity : reported;
}

/** The span of a field of an object (nearest existing ancestor when the field is missing). */
export function locate(object: ManifestObject, path: FieldPath, key?: boolean) {
  const span = object.doc.locate([...object.base, ...path], key ? { key: true } : undefined);
  return { file: span.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** Fill `{{name}}` placeholders; unknown ones are left as they are (the RuleTester catches them). */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (all, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : all,
  );
}

function fault(active: ActiveRule, object: ManifestObject | undefined, error: unknown, input: EngineInput, out: Diagnostic[]): void {
  input.onFault?.({ ruleId: active.rule.id, object, error });
  active.faults++;
  if (active.faults > MAX_FAULTS_PER_RULE) return;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = object ? `on ${object.kind} '${object.name}'` : 'while starting';
  const first = input.graph.objects[0];
  const anchor = object ?? first;
  const at = anchor ? locate(anchor, []) : { file: '<input>', line: 1, column: 1 };
  out.push({
    code: INTERNAL_FAULT,
    severity: 'error',
    message:
      `internal fault: rule '${active.rule.id}' failed ${where} (${reason})` +
      (active.faults === MAX_FAULTS_PER_RULE ? '; further faults of this rule are not reported' : ''),
    ...at,
    ...(object ? { object: object.ref } : {}),
    hint: 'This is a bug in shipshape, not in your manifests; please report it with the input that caused it. Turn the rule off to lint meanwhile.',
  });
}
