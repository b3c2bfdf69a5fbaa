import kleur from 'kleur';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic, Severity } from '../../src/diagnostics.js';
import { stylish } from '../../src/report/formatters/stylish.js';
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
