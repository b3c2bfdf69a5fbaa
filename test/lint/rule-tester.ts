/**
 * RuleTester: a table of valid and invalid manifests per rule, run through the real engine.
 *
 *   ruleTester(rule, {
 *     valid: [{ name: 'a labelled Deployment', yaml: `...` }],
 *     invalid: [{ name: 'typo in the selector', yaml: `...`, errors: [{ messageId: 'noMatch', line: 7, column: 10 }] }],
 *   });
 *
 * `yaml` is dedented (the first line break and the common indentation are removed), so line 1 is the
 * first line of the manifest. `files` adds more files to the same run (cross-object cases); an
 * expected error names its `file` when it is not the main one (`manifest.yaml`).
 */
import { describe, expect, test } from 'vitest';
import type { Diagnostic, Severity } from '../../src/diagnostics.js';
import type { AnyRule } from '../../src/lint/engine.js';
import { lint } from '../../src/lint/index.js';
import { validateRuleOptions } from '../../src/lint/options.js';
import yamlSyntax from '../../src/lint/rules/yaml-syntax.js';

export const MAIN_FILE = 'manifest.yaml';

export interface ValidCase {
  name: string;
  yaml: string;
  options?: unknown;
  /** More files in the same run: path → YAML (dedented too). */
  files?: Readonly<Record<string, string>>;
  namespace?: string;
  kubeVersion?: string;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  severity?: Severity;
  file?: string;
  /** Text the formatted message must contain. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  errors: readonly ExpectedError[];
}

export interface RuleTests {
  valid: readonly ValidCase[];
  invalid: readonly InvalidCase[];
}

/** Remove the first line break and the indentation common to every non-blank line. */
export function dedent(text: string): string {
  const body = text.replace(/^[ \t]*\r?\n/, '').replace(/\n[ \t]*$/, '\n');
  const indents = body
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => /^[ ]*/.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return body
    .split('\n')
    .map((l) => l.slice(Math.min(common, /^[ ]*/.exec(l)![0].length)))
    .join('\n');
}

/** Run one case through the engine with only this rule (and yaml-syntax, to catch broken test YAML). */
export function runCase(rule: AnyRule, c: ValidCase): Diagnostic[] {
  if (c.options !== undefined) {
    const problems = validateRuleOptions(rule, c.options);
    if (problems.length > 0) throw new Error(`case '${c.name}': invalid options: ${problems.map((p) => p.message).join('; ')}`);
  }
  const files = [{ path: MAIN_FILE, text: dedent(c.yaml) }, ...Object.entries(c.files ?? {}).map(([path, text]) => ({ path, text: dedent(text) }))];
  const result = lint(files, {
    rules: rule.id === yamlSyntax.id ? [rule] : [rule, yamlSyntax],
    ruleOptions: c.options === undefined ? {} : { [rule.id]: c.options },
    ...(c.namespace !== undefined ? { namespace: c.namespace } : {}),
    ...(c.kubeVersion !== undefined ? { kubeVersion: c.kubeVersion } : {}),
    onFault: (f) => {
      throw f.error;
    },
  });
  if (rule.id !== yamlSyntax.id) {
    const broken = result.diagnostics.filter((d) => d.code === yamlSyntax.id);
    if (broken.length > 0) throw new Error(`case '${c.name}': the test YAML does not parse: ${broken.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  }
  return result.diagnostics;
}

function checkTable(rule: AnyRule, tests: RuleTests): void {
  const names = new Set<string>();
  for (const c of [...tests.valid, ...tests.invalid]) {
    if (names.has(c.name)) throw new Error(`ruleTester(${rule.id}): duplicate case name '${c.name}'`);
    names.add(c.name);
  }
  for (const c of tests.invalid) {
    if (!c.errors || c.errors.length === 0) throw new Error(`ruleTester(${rule.id}): invalid case '${c.name}' expects no error`);
    for (const e of c.errors) {
      if (!(e.messageId in rule.meta.messages)) {
        throw new Error(`ruleTester(${rule.id}): case '${c.name}' expects unknown message id '${e.messageId}'`);
      }
    }
  }
  if (tests.valid.length === 0 || tests.invalid.length === 0) {
    throw new Error(`ruleTester(${rule.id}): a table needs at least one valid and one invalid case`);
  }
}

type Comparable = { file: string; messageId: string | undefined; line: number; column: number; severity?: Severity };

function comparable(d: Diagnostic | ExpectedError, withSeverity: boolean): Comparable {
  const out: Comparable = { file: d.file ?? MAIN_FILE, messageId: d.messageId, line: d.line, column: d.column };
  if (withSeverity && d.severity) out.severity = d.severity;
  return out;
}

function order(a: Comparable, b: Comparable): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.messageId).localeCompare(String(b.messageId));
}

/** Define vitest tests for a rule's table. Refuses duplicate names and invalid cases without errors. */
export function ruleTester(rule: AnyRule, tests: RuleTests): void {
  checkTable(rule, tests);
  describe(`rule ${rule.id}`, () => {
    describe('valid', () => {
      for (const c of tests.valid) {
        test(c.name, () => {
          const found = runCase(rule, c);
          expect(found.map((d) => `${d.line}:${d.column} ${d.code}/${d.messageId} ${d.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of tests.invalid) {
        test(c.name, () => {
          const found = runCase(rule, c);
          for (const d of found) {
            expect(d.code, `rule id of '${d.message}'`).toBe(rule.id);
            expect(d.message, 'every placeholder is filled').not.toMatch(/\{\{/);
          }
          const withSeverity = c.errors.some((e) => e.severity !== undefined);
          const actual = found.map((d) => comparable(d, withSeverity)).sort(order);
          const expected = c.errors.map((e) => comparable(e, withSeverity)).sort(order);
          // Severity is compared only where the case states it.
          actual.forEach((a, i) => {
            if (expected[i]?.severity === undefined) delete a.severity;
          });
          expect(actual).toEqual(expected);
          for (const e of c.errors) {
            if (e.message === undefined) continue;
            const d = found.find((x) => x.messageId === e.messageId && x.line === e.line && x.column === e.column);
            expect(d?.message).toContain(e.message);
          }
        });
      }
    });
  });
}
