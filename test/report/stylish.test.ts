import kleur from 'kleur';
import { afterEach, describe, expect, test } from 'vitest';
import { formatDiagnosticLine, type Diagnostic, type Severity } from '../../src/diagnostics.js';
import { json } from '../../src/report/formatters/json.js';
import { stylish } from '../../src/report/formatters/stylish.js';
import { shortForReading } from '../../src/text/short-for-reading.js';
import { plantedSecret, reportInput, sample, samples } from './samples.js';

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('stylish: colour', () => {
  const previous = kleur.enabled;
  afterEach(() => {
    kleur.enabled = previous;
  });

  test.each(samples.filter((s) => s.input.diagnostics.length > 0).map((s) => [s.name, s.input] as const))(
    '%s: colour adds escape codes and nothing else',
    (_name, input) => {
      const coloured = stylish(input, { color: true });
      expect(coloured).toMatch(/\u001b\[\d+m/);
      expect(stripAnsi(coloured)).toBe(stylish(input, { color: false }));
    },
  );

  test("colour follows the option, not kleur's own detection, and leaves kleur as it was", () => {
    kleur.enabled = false;
    expect(stylish(sample('single-error'), { color: true })).toMatch(/\u001b\[/);
    expect(kleur.enabled).toBe(false);
    kleur.enabled = true;
    expect(stylish(sample('single-error'), { color: false })).not.toMatch(/\u001b/);
    expect(kleur.enabled).toBe(true);
  });

  test('escape sequences inside messages and source are shown, not obeyed', () => {
    const out = stylish(sample('hostile-text'), { color: false });
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
    expect(out).toContain('ESC[\\x1B[31mred\\x1B[0m]');
    expect(out).toContain('bidi[\\u202Eevil]');
  });
});

describe('stylish: layout', () => {
  const lines = stylish(sample('multi-file'), { color: false }).split('\n');

  test('files in sorted order, each once, separated by a blank line', () => {
    const headings = lines.filter((l) => l !== '' && !l.startsWith(' ') && !l.startsWith('✖'));
    expect(headings).toEqual(['compose.yaml', 'k8s/broken.yaml', 'k8s/deploy/web.yaml', 'k8s/service.yaml']);
    for (const h of headings.slice(1)) expect(lines[lines.indexOf(h) - 1]).toBe('');
  });

  test('rows align severity, message and rule id within a file', () => {
    const group = lines.slice(lines.indexOf('k8s/deploy/web.yaml') + 1).filter((l) => /^ {2}\d+:\d+ /.test(l)).slice(0, 3);
    expect(group).toHaveLength(3);
    const columnOf = (pattern: RegExp) => group.map((l) => l.search(pattern));
    expect(new Set(columnOf(/(error|warning|info) /)).size).toBe(1);
    expect(new Set(columnOf(/(schema|image-tag|missing-probes)$/)).size).toBe(1);
  });

  test('a code frame under errors only, when the source is known', () => {
    const frameAfter = (row: string) => lines[lines.findIndex((l) => l.includes(row)) + 1]!;
    expect(frameAfter('portz')).toMatch(/^ {6}13 \| {7}- name: web$/);
    expect(frameAfter("Image 'nginx:latest'")).toMatch(/^ {4}hint: /);
    // k8s/broken.yaml has no source: the row is followed by the next file.
    expect(frameAfter('Nested mappings')).toBe('');
  });

  test('hints and related locations under their finding', () => {
    const at = lines.findIndex((l) => l.includes('service-selector-mismatch'));
    expect(lines.slice(at + 1)).toEqual(
      expect.arrayContaining([
        '    hint: Change the selector or the Deployment labels so that they match.',
        "    related: k8s/deploy/web.yaml:10:15  labels of Deployment 'web-frontend'",
      ]),
    );
  });

  test('secret regions are masked in code frames (and would show without them)', () => {
    const masked = stylish(sample('secrets'), { color: false });
    expect(masked).toContain('password: ***');
    expect(masked).not.toContain(plantedSecret);
    const unmasked = stylish({ ...sample('secrets'), secretRegions: undefined }, { color: false });
    expect(unmasked).toContain(plantedSecret);
  });
});

describe('stylish: summary', () => {
  const diagnostic = (severity: Severity, n: number): Diagnostic => ({
    code: 'r',
    severity,
    message: `m${n}`,
    file: 'a.yaml',
    line: n,
    column: 1,
  });
  const summaryOf = (severities: Severity[]) =>
    stylish(reportInput({ diagnostics: severities.map((s, i) => diagnostic(s, i + 1)) }), { color: false }).trimEnd().split('\n').at(-1);

  const table: [Severity[], string | undefined][] = [
    [['error'], '✖ 1 problem (1 error, 0 warnings)'],
    [['warning', 'warning'], '✖ 2 problems (0 errors, 2 warnings)'],
    [['error', 'warning', 'info', 'info'], '✖ 4 problems (1 error, 1 warning, 2 info)'],
    [['info'], 'ℹ 1 problem (0 errors, 0 warnings, 1 info)'],
  ];
  test.each(table)('%j', (severities, expected) => {
    expect(summaryOf(severities)).toBe(expected);
  });

  test('nothing at all when clean', () => {
    expect(stylish(sample('clean'), { color: false })).toBe('');
  });
});

describe('stylish: scale', () => {
  test('a file with more findings than a function call takes arguments', () => {
    const diagnostics: Diagnostic[] = Array.from({ length: 200_000 }, (_, i) => ({
      code: 'r',
      severity: 'warning',
      message: 'm',
      file: 'big.yaml',
      line: i + 1,
      column: 1,
    }));
    const out = stylish(reportInput({ diagnostics }), { color: false });
    expect(out.endsWith('✖ 200000 problems (0 errors, 200000 warnings)\n')).toBe(true);
  });
});

describe('stylish: long user text in messages', () => {
  const k = (n: number) => 'k'.repeat(n);
  const head = (text: string) => text.slice(0, 96);
  const tail = (text: string) => text.slice(-24);
  const long = `${'a'.repeat(100)}${'z'.repeat(100)}`;
  test.each([
    ['a short message', "unknown field 'spec' at the top level", "unknown field 'spec' at the top level"],
    ['a quoted segment at the limit (128)', `unknown field '${k(128)}'`, `unknown field '${k(128)}'`],
    ['a 63-character Kubernetes name is shown whole', `service 'x' is named '${k(63)}'`, `service 'x' is named '${k(63)}'`],
    ['a long single-quoted key: head … tail', `unknown field '${long}' at the top level`, `unknown field '${head(long)}…${tail(long)}' at the top level`],
    ['double quotes', `must be a string ("${long}")`, `must be a string ("${head(long)}…${tail(long)}")`],
    ['back quotes', `use \`${long}\` instead`, `use \`${head(long)}…${tail(long)}\` instead`],
    ['two long segments, each cut', `'${long}' and '${long}'`, `'${head(long)}…${tail(long)}' and '${head(long)}…${tail(long)}'`],
    [
      "an apostrophe is not a quote (the service's … 'x')",
      `the service's ${'words '.repeat(20)}and 'x' is dropped`,
      `the service's ${'words '.repeat(20)}and 'x' is dropped`,
    ],
    ['astral characters are not split', `key '${'😀'.repeat(140)}'`, `key '${'😀'.repeat(96)}…${'😀'.repeat(24)}'`],
    ['an unquoted line beyond 400 characters ends in …', `value ${'v'.repeat(1000)}`, `value ${'v'.repeat(393)}…`],
  ])('%s', (_name, message, shown) => {
    expect(shortForReading(message)).toBe(shown);
  });

  test('rows, hints and related locations are cut; the JSON report keeps the whole message', () => {
    const key = k(100_000);
    const diagnostics: Diagnostic[] = [
      {
        code: 'schema',
        severity: 'error',
        message: `unknown field '${key}' at the top level`,
        file: 'long.yaml',
        line: 1,
        column: 1,
        hint: `rename '${key}'`,
        related: [{ message: `first '${key}' here`, file: 'other.yaml', line: 2, column: 3 }],
      },
    ];
    const input = reportInput({ diagnostics });
    const out = stylish(input, { color: false });
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThan(300);
    expect(out).toContain(`unknown field '${k(96)}…${k(24)}' at the top level`);
    expect(out).toContain(`hint: rename '${k(96)}…${k(24)}'`);
    expect(out).toContain(`related: other.yaml:2:3  first '${k(96)}…${k(24)}' here`);
    expect(json(input, { color: false })).toContain(key);
  });

  test('the one-line stderr form (convert, diff, config) is cut the same way', () => {
    const line = formatDiagnosticLine({ code: 'compose/unknown-key', severity: 'warning', message: `unknown key '${k(100_000)}'`, file: 'compose.yaml', line: 3, column: 5 });
    expect(line).toBe(`compose.yaml:3:5 warning compose/unknown-key unknown key '${k(96)}…${k(24)}'`);
  });
});
