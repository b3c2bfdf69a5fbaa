/**
 * `junit`: JUnit XML for CI test-report views.
 *
 * - One `<testsuite>` per file (sorted), one `<testcase>` per checked object, named `Kind namespace/name`
 *   (classname: the file), in the order the objects appear in the file.
 * - An object's errors make its testcase fail: one `<failure>` listing all of them (JUnit consumers
 *   show at most one failure per testcase). Warnings and infos do not fail it (they do not fail
 *   `shipshape lint` either): they are listed in the testcase's `<system-out>`.
 * - Findings that belong to no checked object (YAML syntax errors, objects that were not checked) go
 *   to a testcase named `(file)` at the top of the file's suite.
 */
import { sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import type { CheckedObject, Formatter, ReportInput } from '../formatter.js';
import { objectLabel } from '../object-label.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../xml-text.js';

export const FILE_TESTCASE_NAME = '(file)';

interface TestCase {
  name: string;
  line: number;
  diagnostics: Diagnostic[];
}

const identity = (file: string, kind: string, name: string, namespace: string | undefined) =>
  JSON.stringify([file, kind, name, namespace ?? '']);

/** Testcases per file: a `(file)` case when needed, then one per checked object. */
function testCases(input: ReportInput, diagnostics: readonly Diagnostic[]): Map<string, TestCase[]> {
  const objects = [...input.objects].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
  const cases = new Map<string, TestCase[]>();
  const fileCases = new Map<string, TestCase>();
  const byIdentity = new Map<string, { object: CheckedObject; testCase: TestCase }[]>();
  const suite = (file: string) => {
    let list = cases.get(file);
    if (!list) cases.set(file, (list = []));
    return list;
  };
  for (const file of input.files) suite(file);
  for (const object of objects) {
    const testCase: TestCase = { name: objectLabel(object.object), line: object.line, diagnostics: [] };
    suite(object.file).push(testCase);
    const key = identity(object.file, object.object.kind, object.object.name, object.object.namespace);
    const list = byIdentity.get(key);
    if (list) list.push({ object, testCase });
    else byIdentity.set(key, [{ object, testCase }]);
  }
  for (const d of diagnostics) {
    const candidates = d.object && byIdentity.get(identity(d.file, d.object.kind, d.object.name, d.object.namespace));
    if (candidates) {
      // Same identity twice in a file (duplicate objects): the last one starting at or before the finding.
      const match = candidates.filter((c) => c.object.line <= d.line).at(-1) ?? candidates[0]!;
      match.testCase.diagnostics.push(d);
      continue;
    }
    let fileCase = fileCases.get(d.file);
    if (!fileCase) {
      fileCase = { name: FILE_TESTCASE_NAME, line: 1, diagnostics: [] };
      fileCases.set(d.file, fileCase);
      suite(d.file).unshift(fileCase);
    }
    fileCase.diagnostics.push(d);
  }
  return new Map([...cases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `file:line:column severity rule-id message`, then the hint and related locations indented. */
function describe(d: Diagnostic): string {
  const lines = [`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`];
  if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  for (const r of d.related ?? []) lines.push(`  related: ${r.file}:${r.line}:${r.column} ${r.message}`);
  return lines.join('\n');
}

function renderCase(file: string, testCase: TestCase): string[] {
  const errors = testCase.diagnostics.filter((d) => d.severity === 'error');
  const others = testCase.diagnostics.filter((d) => d.severity !== 'error');
  const open = `    <testcase classname="${attr(file)}" name="${attr(testCase.name)}" file="${attr(file)}" line="${testCase.line}"`;
  if (errors.length === 0 && others.length === 0) return [`${open}/>`];
  const out = [`${open}>`];
  if (errors.length > 0) {
    const message = errors.length === 1 ? errors[0]!.message : `${errors.length} errors`;
    const type = [...new Set(errors.map((d) => d.code))].join(', ');
    out.push(`      <failure message="${attr(message)}" type="${attr(type)}">${text(errors.map(describe).join('\n'))}</failure>`);
  }
  if (others.length > 0) out.push(`      <system-out>${text(others.map(describe).join('\n'))}</system-out>`);
  out.push('    </testcase>');
  return out;
}

export const junit: Formatter = (input) => {
  const suites = testCases(input, sortDiagnostics(input.diagnostics));
  const failed = (c: TestCase) => c.diagnostics.some((d) => d.severity === 'error');
  const body: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, cases] of suites) {
    const suiteFailures = cases.filter(failed).length;
    tests += cases.length;
    failures += suiteFailures;
    const open = `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0"`;
    if (cases.length === 0) {
      body.push(`${open}/>`);
      continue;
    }
    body.push(`${open}>`, ...cases.flatMap((c) => renderCase(file, c)), '  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(input.tool.name)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
};
