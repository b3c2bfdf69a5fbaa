/**
 * A meta-test over the rule registry: every rule is listed, tested, documented, has messages and a
 * valid options schema whose defaults it accepts, and visits only what it declares.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildObjectGraph } from '../../src/k8s/graph.js';
import { rules } from '../../src/lint/rules/index.js';
import type { RuleContext } from '../../src/lint/rule.js';
import { lint } from '../../src/lint/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const Ajv = createRequire(import.meta.url)('ajv') as { default: new (o: object) => { validateSchema(s: object): boolean; compile(s: object): (d: unknown) => boolean; errors?: unknown } };

/** The public rule ids of the issue: they are part of the interface and must not disappear. */
const publicIds = [
  'yaml-syntax',
  'schema',
  'deprecated-api',
  'duplicate-object',
  'service-selector-mismatch',
  'workload-selector-mismatch',
  'service-target-port',
  'hardcoded-pod-ip',
  'missing-replicas',
  'dangling-reference',
  'image-tag',
  'missing-probes',
  'missing-resources',
  'privileged-container',
  'run-as-root',
  'host-namespaces',
];

describe('rule registry', () => {
  test('lists every public rule id once', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of publicIds) expect(ids).toContain(id);
  });

  test("docs/lint.md's rule table lists exactly the registered rules, each with its default severity and page", () => {
    const text = readFileSync(`${root}docs/lint.md`, 'utf8');
    const rows = [...text.matchAll(/^\| \[`([a-z0-9-]+)`\]\(rules\/([a-z0-9-]+)\.md\) \| ([^|]+) \|/gm)];
    expect(rows.map((m) => m[1])).toEqual(rules.map((r) => r.id));
    for (const [, id, page, severity] of rows) {
      expect(page, id).toBe(id);
      expect(severity!.trim().split(' ')[0], id).toBe(rules.find((r) => r.id === id)!.meta.severity);
    }
  });

  test('docs/lint.md links to the output formats (docs/formats.md)', () => {
    expect(readFileSync(`${root}docs/lint.md`, 'utf8')).toMatch(/\]\(formats\.md(#[\w-]+)?\)/);
  });

  test('every module in src/lint/rules/ is registered (and named after its id)', () => {
    const files = readdirSync(`${root}src/lint/rules`)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3))
      .sort();
    expect(files).toEqual(rules.map((r) => r.id).sort());
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  test('has an id, a description and a default severity', () => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
  });

  test('has help text for reports (SARIF help), distinct from its description', () => {
    expect(rule.meta.help?.trim().length ?? 0).toBeGreaterThan(40);
    expect(rule.meta.help).not.toBe(rule.meta.description);
  });

  test('its documentation names its default severity first', () => {
    const file = `${root}docs/rules/${id}.md`;
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^Default severity: \\*\\*${rule.meta.severity}\\*\\*`, 'm'));
  });

  test('has messages, each non-empty', () => {
    const messages = Object.entries(rule.meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [messageId, text] of messages) {
      expect(messageId).toMatch(/^[A-Za-z_][\w]*$/);
      expect(text.trim().length).toBeGreaterThan(0);
    }
  });

  test('has a valid options schema that accepts its defaults (or takes no options)', () => {
    const defaults = rule.meta.defaults as unknown;
    if (!rule.meta.options) {
      expect(defaults).toEqual({});
      return;
    }
    const ajv = new Ajv.default({ allErrors: true, strict: true });
    expect(ajv.validateSchema(rule.meta.options), JSON.stringify(ajv.errors)).toBe(true);
    expect(rule.meta.options.type).toBe('object');
    expect(ajv.compile(rule.meta.options)(defaults)).toBe(true);
  });

  test('visits only the kinds and groups it declares', () => {
    const context: RuleContext = {
      graph: buildObjectGraph([]),
      settings: { defaultNamespace: 'default', kubeVersion: '1.36' },
      get current(): never {
        throw new Error('no current object outside a visitor');
      },
      report: () => undefined,
    };
    const visitors = rule.create(context, rule.meta.defaults);
    for (const key of Object.keys(visitors)) expect(rule.meta.appliesTo).toContain(key);
  });

  test('has a RuleTester table', () => {
    const file = `${root}test/lint/rules/${id}.test.ts`;
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('ruleTester(');
  });

  test('has documentation with what it finds, why, a failing and a passing example, and options', () => {
    const file = `${root}docs/rules/${id}.md`;
    expect(existsSync(file), file).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(new RegExp(`^# ${id}\\b`, 'm'));
    for (const section of ['## What it finds', '## Why it matters', '## Failing example', '## Passing example', '## Options']) {
      expect(text, `${file} needs a '${section}' section`).toContain(section);
    }
    expect((text.match(/```yaml/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  test.runIf(existsSync(`${root}docs/rules/${id}.md`))('its documented examples fail and pass', () => {
    const text = readFileSync(`${root}docs/rules/${id}.md`, 'utf8');
    const example = (section: string) => {
      const m = new RegExp(`## ${section}\\n[\\s\\S]*?\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(text);
      expect(m, `${id}: a yaml block under '## ${section}'`).not.toBeNull();
      return lint([{ path: `${id}.yaml`, text: m![1]! }], { rules: [rule] }).diagnostics.filter((d) => d.code === id);
    };
    expect(example('Failing example').length, `${id}: the failing example has a finding`).toBeGreaterThan(0);
    expect(example('Passing example').map((d) => d.message)).toEqual([]);
  });
});
