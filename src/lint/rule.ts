/**
 * The lint rule contract: a module with metadata and a `create` function returning visitors keyed by
 * kind (or kind group), as ESLint rules return visitors keyed by node type.
 */
import type { FieldPath, Severity } from '../diagnostics.js';
import type { ManifestObject, PodTemplate } from '../k8s/object.js';

/**
 * Kind groups a rule may visit instead of single kinds:
 * - `@all`: every object;
 * - `@pod-templates`: every object that holds a pod template (found generically, so CRD workloads too);
 * - `@workloads`: Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Pod.
 */
export type KindGroup = '@all' | '@pod-templates' | '@workloads';

/** A JSON Schema (draft-07) describing a rule's options object. */
export type OptionsSchema = Record<string, unknown>;

export interface RuleMeta<Options> {
  description: string;
  /**
   * Help for reports (SARIF `help`): how to fix a finding, in a sentence or two of Markdown. Every
   * built-in rule has it (the registry test checks); the full documentation is `docs/rules/<id>.md`.
   */
  help?: string;
  /** Default severity; configuration may change it or turn the rule off. */
  severity: Severity;
  /** Kinds (`Service`) or groups (`@pod-templates`) the rule visits; its visitors use the same keys. */
  appliesTo: readonly (string | KindGroup)[];
  /** Message templates by id; `{{name}}` placeholders are filled from a finding's `data`. */
  messages: Readonly<Record<string, string>>;
  /** JSON Schema of the options object, and the defaults merged under user options. */
  options?: OptionsSchema;
  defaults: Options;
  /** Whether the rule is enabled when no configuration mentions it (default true). */
  enabledByDefault?: boolean;
}

/** A place in another object (or the same one), for related locations. */
export interface RelatedFinding {
  object: ManifestObject;
  path: FieldPath;
  message: string;
  key?: boolean;
}

export interface Finding {
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  /** Field path inside the object; the engine turns it into file:line:column. */
  path: FieldPath;
  /** Point at the key of the field rather than its value (unknown fields, missing values). */
  key?: boolean;
  /** The object the finding is about; defaults to the object being visited. */
  object?: ManifestObject;
  /** Overrides the configured severity for this finding (a rule with error and warning cases). */
  severity?: Severity;
  hint?: string;
  related?: readonly RelatedFinding[];
}

export interface LintSettings {
  /** Namespace of objects that give none (`--namespace`, config, or `default`). */
  defaultNamespace: string;
  /** Target Kubernetes version, `1.36` by default. */
  kubeVersion: string;
}

/** Indexes over every object of the run, built once. Rules must use these, never scan all pairs. */
export interface ObjectGraph {
  readonly objects: readonly ManifestObject[];
  ofKind(kind: string): readonly ManifestObject[];
  hasKind(kind: string): boolean;
  /** Look up one object by identity; `group` defaults to any group. */
  find(query: { kind: string; name: string; namespace?: string; group?: string }): ManifestObject | undefined;
  /** Pod templates in a namespace. */
  podTemplates(namespace: string | undefined): readonly PodTemplate[];
  /** Pod templates in `namespace` whose labels contain every pair of `selector`, via a label index. */
  podTemplatesMatching(namespace: string | undefined, selector: Readonly<Record<string, string>>): readonly PodTemplate[];
}

export interface RuleContext {
  readonly graph: ObjectGraph;
  readonly settings: LintSettings;
  /** The object currently visited (set by the engine before each visitor call). */
  readonly current: ManifestObject;
  report(finding: Finding): void;
}

export type Visitor = (object: ManifestObject) => void;
export type RuleVisitors = Partial<Record<string, Visitor>>;

export interface RuleModule<Options = Record<string, never>> {
  id: string;
  meta: RuleMeta<Options>;
  create(context: RuleContext, options: Options): RuleVisitors;
}

/** Identity function that gives a rule module its types. */
export function defineRule<Options>(rule: RuleModule<Options>): RuleModule<Options> {
  return rule;
}
