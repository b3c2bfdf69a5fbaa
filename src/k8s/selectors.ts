/**
 * Kubernetes label selectors: the plain map form (Service, ReplicationController) and the
 * `LabelSelector` object (matchLabels + matchExpressions with In, NotIn, Exists, DoesNotExist).
 */
import type { FieldPath } from '../diagnostics.js';
import type { ObjectGraph } from '../lint/rule.js';
import { isObject, type PodTemplate } from './object.js';

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values: readonly string[];
  /** Path of the requirement inside the selector (`['matchExpressions', 0]`). */
  path: FieldPath;
}

export interface LabelSelector {
  matchLabels: Readonly<Record<string, string>>;
  matchExpressions: readonly SelectorRequirement[];
}

const operators: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * Read a `LabelSelector` object. Malformed parts (unknown operators, non-string values) are left out:
 * the schema rule reports them. `undefined` when the value is not an object.
 */
export function readLabelSelector(value: unknown): LabelSelector | undefined {
  if (!isObject(value)) return undefined;
  const matchLabels: Record<string, string> = {};
  if (isObject(value.matchLabels)) {
    for (const [k, v] of Object.entries(value.matchLabels)) if (typeof v === 'string') matchLabels[k] = v;
  }
  const matchExpressions: SelectorRequirement[] = [];
  if (Array.isArray(value.matchExpressions)) {
    value.matchExpressions.forEach((e, i) => {
      if (!isObject(e) || typeof e.key !== 'string' || typeof e.operator !== 'string' || !operators.has(e.operator)) return;
      const values = Array.isArray(e.values) ? e.values.filter((v): v is string => typeof v === 'string') : [];
      matchExpressions.push({ key: e.key, operator: e.operator as SelectorOperator, values, path: ['matchExpressions', i] });
    });
  }
  return { matchLabels, matchExpressions };
}

/** Whether a selector has no requirement at all (it selects everything). */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** Whether one requirement holds for a label set. */
export function requirementMatches(r: SelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'In':
      return has && r.values.includes(labels[r.key]!);
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key]!);
  }
}

/** Whether every pair of a map selector is among the labels. */
export function mapSelectorMatches(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}

/** Whether a `LabelSelector` selects a label set. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  if (!mapSelectorMatches(selector.matchLabels, labels)) return false;
  for (const r of selector.matchExpressions) if (!requirementMatches(r, labels)) return false;
  return true;
}

/** `app=web,tier in (a, b)`: a selector as kubectl prints it. */
export function formatSelector(selector: LabelSelector): string {
  const parts = [formatLabels(selector.matchLabels)].filter((p) => p !== '');
  for (const r of selector.matchExpressions) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(', ')})`);
  }
  return parts.join(',');
}

/** `app=web,tier=db`: a label map (or map selector) as kubectl prints it. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/**
 * Pod templates in a namespace that a `LabelSelector` selects, through the graph's label index:
 * matchLabels (and single-value `In` requirements) narrow the candidates, the rest is checked on them.
 */
export function podTemplatesSelectedBy(graph: ObjectGraph, namespace: string | undefined, selector: LabelSelector): readonly PodTemplate[] {
  const indexed: Record<string, string> = { ...selector.matchLabels };
  for (const r of selector.matchExpressions) {
    if (r.operator === 'In' && r.values.length === 1 && indexed[r.key] === undefined) indexed[r.key] = r.values[0]!;
  }
  const candidates = graph.podTemplatesMatching(namespace, indexed);
  if (selector.matchExpressions.length === 0) return candidates;
  return candidates.filter((t) => selector.matchExpressions.every((r) => requirementMatches(r, t.labels)));
}
