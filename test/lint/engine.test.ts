import { describe, expect, test } from 'vitest';
import { defineRule, type RuleModule } from '../../src/lint/rule.js';
import { INTERNAL_FAULT, formatMessage } from '../../src/lint/engine.js';
import { lint } from '../../src/lint/index.js';
import { emptyConfig } from '../../src/lint/config.js';
import yamlSyntax from '../../src/lint/rules/yaml-syntax.js';
import schema from '../../src/lint/rules/schema.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`;

/** A rule reporting every container image, with a per-finding severity for the ConfigMap. */
const probe = defineRule({
  id: 'probe',
  meta: {
    description: 'test rule',
    severity: 'error',
    appliesTo: ['@pod-templates', 'ConfigMap'],
    messages: { image: "image '{{image}}' of {{kind}}", config: 'config map {{name}}' },
    defaults: {},
  },
  create(context) {
    return {
      '@pod-templates'(o) {
        context.report({ messageId: 'image', path: ['spec', 'template', 'spec', 'containers', 0, 'image'], data: { image: 'nginx', kind: o.kind } });
      },
      ConfigMap(o) {
        context.report({ messageId: 'config', path: ['metadata', 'name'], key: true, data: { name: o.name }, severity: 'info' });
      },
    };
  },
});

const visitsGroups = (seen: string[]) =>
  defineRule({
    id: 'groups',
    meta: { description: 'test', severity: 'warning', appliesTo: ['@all', '@workloads'], messages: {}, defaults: {} },
    create: () => ({
      '@all': (o) => void seen.push(`all:${o.kind}`),
      '@workloads': (o) => void seen.push(`workload:${o.kind}`),
      Deployment: (o) => void seen.push(`kind:${o.kind}`),
    }),
  });

const thrower = (where: 'create' | 'visit' | 'badMessage'): RuleModule => ({
  id: `thrower-${where}`,
  meta: { description: 'test', severity: 'error', appliesTo: ['@all'], messages: { m: 'm' }, defaults: {} },
  create(context) {
    if (where === 'create') throw new Error('boom at create');
    return {
      '@all'() {
        if (where === 'visit') throw new TypeError('boom at visit');
        context.report({ messageId: 'nope', path: [] });
      },
    };
  },
});

const file = { path: 'app.yaml', text: deployment };

describe('lint engine', () => {
  test('a finding is positioned at its field, with object, path and formatted message', () => {
    const { diagnostics } = lint([file], { rules: [probe] });
    expect(diagnostics[0]).toMatchObject({
      code: 'probe',
      messageId: 'image',
      severity: 'error',
      message: "image 'nginx' of Deployment",
      file: 'app.yaml',
      line: 13,
      column: 18,
      endLine: 13,
      endColumn: 23,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' },
      path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
    });
  });

  test('key: true points at the key; a finding may lower its own severity', () => {
    const { diagnostics } = lint([file], { rules: [probe] });
    expect(diagnostics[1]).toMatchObject({ messageId: 'config', severity: 'info', line: 18, column: 3 });
  });

  test('a severity set by the user replaces the default severity only; off disables the rule', () => {
    // probe reports an error (its default) and an info: only the error follows the user's setting.
    const warned = lint([file], { rules: [probe], ruleOverrides: { probe: 'warning' } }).diagnostics;
    expect(warned.map((d) => d.severity)).toEqual(['warning', 'info']);
    const viaConfig = lint([file], { rules: [probe], config: { ...emptyConfig, rules: { probe: { severity: 'info' } } } }).diagnostics;
    expect(viaConfig.map((d) => d.severity)).toEqual(['info', 'info']);
    expect(lint([file], { rules: [probe], ruleOverrides: { probe: 'off' } }).diagnostics).toEqual([]);
  });

  test.each([
    ['--rule', { ruleOverrides: { schema: 'error' as const } }],
    ['the config file', { config: { ...emptyConfig, rules: { schema: { severity: 'error' as const } } } }],
    ['--rule warn', { ruleOverrides: { schema: 'warning' as const } }],
  ])('schema set by %s: the info notes (an unknown kind, a file that is no manifest) stay info', (_how, options) => {
    const crd = { path: 'crd.yaml', text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n' };
    const other = { path: 'values.yaml', text: 'replicaCount: 2\n' };
    const broken = { path: 'broken.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbogus: 1\n' };
    const diagnostics = lint([crd, other, broken], { rules: [schema], ...options }).diagnostics;
    const expected = 'ruleOverrides' in options && options.ruleOverrides.schema === 'warning' ? 'warning' : 'error';
    expect(diagnostics.map((d) => `${d.file}:${d.severity}`)).toEqual(['broken.yaml:' + expected, 'crd.yaml:info', 'values.yaml:info']);
  });

  test('--rule wins over the config file', () => {
    const config = { ...emptyConfig, rules: { probe: { severity: 'off' as const } } };
    expect(lint([file], { rules: [probe], config, ruleOverrides: { probe: 'error' } }).diagnostics).toHaveLength(2);
  });

  test('visitors are dispatched by kind and by group', () => {
    const seen: string[] = [];
    lint([file], { rules: [visitsGroups(seen)] });
    expect(seen.sort()).toEqual(['all:ConfigMap', 'all:Deployment', 'kind:Deployment', 'workload:Deployment']);
  });

  test.each(['create', 'visit', 'badMessage'] as const)('a rule that fails (%s) is an internal fault; the run goes on', (where) => {
    const faults: string[] = [];
    const result = lint([file], { rules: [thrower(where), probe], onFault: (f) => faults.push(f.ruleId) });
    expect(result.faults).toBeGreaterThan(0);
    expect(faults[0]).toBe(`thrower-${where}`);
    const fault = result.diagnostics.find((d) => d.code === INTERNAL_FAULT);
    expect(fault?.message).toContain(`rule 'thrower-${where}'`);
    expect(fault?.severity).toBe('error');
    expect(result.diagnostics.filter((d) => d.code === 'probe')).toHaveLength(2);
  });

  test('faults of one rule are reported at most ten times', () => {
    const many = Array.from({ length: 30 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('---\n');
    const result = lint([{ path: 'many.yaml', text: many }], { rules: [thrower('visit')] });
    expect(result.faults).toBe(30);
    expect(result.diagnostics.filter((d) => d.code === INTERNAL_FAULT)).toHaveLength(10);
  });

  test('YAML errors become yaml-syntax findings; the other files are still linted', () => {
    const bad = { path: 'bad.yaml', text: 'a: [1,\nb: 2\n' };
    const result = lint([bad, file], { rules: [yamlSyntax, probe] });
    expect(result.diagnostics.map((d) => `${d.file}:${d.code}`)).toEqual(['app.yaml:probe', 'app.yaml:probe', 'bad.yaml:yaml-syntax']);
    expect(lint([bad], { rules: [yamlSyntax], ruleOverrides: { 'yaml-syntax': 'off' } }).diagnostics).toEqual([]);
  });

  test('encoding problems passed in are yaml-syntax findings', () => {
    const encoding = { code: 'source/encoding', severity: 'error' as const, message: 'not UTF-8', file: 'x.yaml', line: 1, column: 3 };
    const result = lint([], { rules: [yamlSyntax], sourceDiagnostics: [encoding] });
    expect(result.diagnostics).toMatchObject([{ code: 'yaml-syntax', messageId: 'encoding', line: 1, column: 3 }]);
  });

  test('config excludes skip objects by kind, namespace and name globs, for some or all rules', () => {
    const exclude = (ex: object) => lint([file], { rules: [probe], config: { ...emptyConfig, excludes: [ex] } }).diagnostics.length;
    expect(exclude({ kind: 'Config*' })).toBe(1);
    expect(exclude({ name: 'w?b' })).toBe(1);
    expect(exclude({ namespace: 'def*' })).toBe(0);
    expect(exclude({ namespace: 'prod' })).toBe(2);
    expect(exclude({ kind: 'Deployment', rules: ['other'] })).toBe(2);
    expect(exclude({ kind: 'Deployment', rules: ['probe'] })).toBe(1);
  });

  test('the checked objects are listed with their start', () => {
    const { objects } = lint([file], { rules: [] });
    expect(objects).toEqual([
      { file: 'app.yaml', line: 1, column: 1, object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' } },
      { file: 'app.yaml', line: 15, column: 1, object: { apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'default' } },
    ]);
  });

  test('--namespace and the config namespace default objects', () => {
    expect(lint([file], { rules: [], namespace: 'shop' }).objects[0]!.object.namespace).toBe('shop');
    expect(lint([file], { rules: [], config: { ...emptyConfig, namespace: 'cfg' } }).objects[0]!.object.namespace).toBe('cfg');
  });
});

describe('formatMessage', () => {
  test.each([
    ['{{a}} and {{ b }}', { a: 1, b: 'x' }, '1 and x'],
    ['{{missing}} stays', {}, '{{missing}} stays'],
    ['no data', undefined, 'no data'],
    ['{{a}}{{a}}', { a: '$&' }, '$&$&'],
  ])('%s', (template, data, expected) => {
    expect(formatMessage(template, data)).toBe(expected);
  });
});
