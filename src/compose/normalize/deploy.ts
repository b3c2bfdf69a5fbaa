/**
 * `deploy`: mode, replicas, labels, resources, restart_policy, update_config, rollback_config, placement
 * (constraints parsed into field, operator and value), endpoint_mode.
 */
import type { Deploy, DeployRestartPolicy, Placement, PlacementConstraint, UpdateConfig } from '../model.js';
import type { Located } from '../../source/located.js';
import { report, within, type Scope } from './context.js';
import { fieldName, readInteger, readNumber, readString } from './scalars.js';
import { asMap, asSeq, assign, keysOf, optionalExtensions, raw } from './shapes.js';
import { readDuration } from './durations.js';
import { readKeyValues } from './key-values.js';
import { readResources } from './resources.js';

const MODES = ['replicated', 'global', 'replicated-job', 'global-job'] as const;

export function readDeploy(node: Located, scope: Scope): Deploy | undefined {
  const map = asMap(node, scope);
  if (!map) return undefined;
  const deploy: Deploy = { mode: 'replicated', labels: [], span: map.span, keys: keysOf(map), ...optionalExtensions(map) };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    switch (e.key) {
      case 'mode': {
        const mode = readChoice(e.value, s, MODES);
        if (mode) deploy.mode = mode;
        break;
      }
      case 'replicas':
        assign(deploy, 'replicas', readInteger(e.value, s, { min: 0 }));
        break;
      case 'labels':
        deploy.labels = readKeyValues(e.value, s);
        break;
      case 'resources':
        assign(deploy, 'resources', readResources(e.value, s));
        break;
      case 'restart_policy':
        assign(deploy, 'restartPolicy', readRestartPolicy(e.value, s));
        break;
      case 'update_config':
        assign(deploy, 'updateConfig', readUpdateConfig(e.value, s));
        break;
      case 'rollback_config':
        assign(deploy, 'rollbackConfig', readUpdateConfig(e.value, s));
        break;
      case 'placement':
        assign(deploy, 'placement', readPlacement(e.value, s));
        break;
      case 'endpoint_mode':
        assign(deploy, 'endpointMode', readChoice(e.value, s, ['vip', 'dnsrr'] as const));
        break;
    }
  }
  return deploy;
}

/** A string that must be one of `choices`. */
export function readChoice<T extends string>(node: Located, scope: Scope, choices: readonly T[]): T | undefined {
  const v = readString(node, scope);
  if (v === undefined) return undefined;
  if ((choices as readonly string[]).includes(v)) return v as T;
  report(scope, node.span, { message: `${fieldName(scope)} must be ${choices.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not ${JSON.stringify(v)}` });
  return undefined;
}

function readRestartPolicy(node: Located, scope: Scope): DeployRestartPolicy | undefined {
  const map = asMap(node, scope);
  if (!map) return undefined;
  const policy: DeployRestartPolicy = { span: map.span, keys: keysOf(map), ...optionalExtensions(map) };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    if (e.key === 'condition') assign(policy, 'condition', readChoice(e.value, s, ['none', 'on-failure', 'any'] as const));
    else if (e.key === 'delay') assign(policy, 'delay', readDuration(e.value, s));
    else if (e.key === 'window') assign(policy, 'window', readDuration(e.value, s));
    else if (e.key === 'max_attempts') assign(policy, 'maxAttempts', readInteger(e.value, s, { min: 0 }));
  }
  return policy;
}

function readUpdateConfig(node: Located, scope: Scope): UpdateConfig | undefined {
  const map = asMap(node, scope);
  if (!map) return undefined;
  const config: UpdateConfig = { span: map.span, keys: keysOf(map), ...optionalExtensions(map) };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    switch (e.key) {
      case 'parallelism':
        assign(config, 'parallelism', readInteger(e.value, s, { min: 0 }));
        break;
      case 'delay':
        assign(config, 'delay', readDuration(e.value, s));
        break;
      case 'monitor':
        assign(config, 'monitor', readDuration(e.value, s));
        break;
      case 'failure_action':
        assign(config, 'failureAction', readChoice(e.value, s, ['continue', 'rollback', 'pause'] as const));
        break;
      case 'max_failure_ratio': {
        const n = readNumber(e.value, s);
        if (n !== undefined && (n < 0 || n > 1)) report(s, e.value.span, { message: `${fieldName(s)} must be between 0 and 1, not ${n}` });
        else assign(config, 'maxFailureRatio', n);
        break;
      }
      case 'order':
        assign(config, 'order', readChoice(e.value, s, ['start-first', 'stop-first'] as const));
        break;
    }
  }
  return config;
}

function readPlacement(node: Located, scope: Scope): Placement | undefined {
  const map = asMap(node, scope);
  if (!map) return undefined;
  const placement: Placement = { constraints: [], preferences: [], span: map.span, keys: keysOf(map), ...optionalExtensions(map) };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    if (e.key === 'constraints') {
      asSeq(e.value, s)?.items.forEach((item, i) => {
        const c = readConstraint(item, within(s, i));
        if (c) placement.constraints.push(c);
      });
    } else if (e.key === 'preferences') {
      placement.preferences = asSeq(e.value, s)?.items.map(raw) ?? [];
    } else if (e.key === 'max_replicas_per_node') {
      assign(placement, 'maxReplicasPerNode', readInteger(e.value, s, { min: 0 }));
    }
  }
  return placement;
}

/** `node.labels.zone == east`, `node.role!=manager`. */
export function parseConstraint(text: string): Omit<PlacementConstraint, 'span'> | undefined {
  const m = /^\s*([^=!\s]+)\s*(==|!=)\s*(.*?)\s*$/.exec(text);
  if (!m || m[3] === '') return undefined;
  return { field: m[1]!, operator: m[2] as '==' | '!=', value: m[3]! };
}

function readConstraint(node: Located, scope: Scope): PlacementConstraint | undefined {
  const text = readString(node, scope);
  if (text === undefined) return undefined;
  const c = parseConstraint(text);
  if (!c) {
    report(scope, node.span, {
      message: `${fieldName(scope)} is not a placement constraint: ${JSON.stringify(text)}`,
      hint: 'Write FIELD==VALUE or FIELD!=VALUE, e.g. node.labels.zone==east.',
    });
    return undefined;
  }
  return { ...c, span: node.span };
}
