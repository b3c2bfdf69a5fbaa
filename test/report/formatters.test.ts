import kleur from 'kleur';
import { afterEach, describe, expect, test } from 'vitest';
import { formatNames, formatters, isFormatName } from '../../src/report/index.js';
import type { ReportInput } from '../../src/report/formatter.js';
import { plantedSecret, sample, samples } from './samples.js';

/** The same report with every list in reverse order. */
const reversed = (input: ReportInput): ReportInput => ({
  ...input,
  diagnostics: [...input.diagnostics].reverse(),
  objects: [...input.objects].reverse(),
  files: [...input.files].reverse(),
});

const table = formatNames.flatMap((format) => samples.map((s) => [format, s.name, s.input] as const));

describe('registry', () => {
  test('every format name has a formatter, and nothing else is registered', () => {
    expect([...formatNames].sort()).toEqual(['github', 'json', 'junit', 'sarif', 'stylish']);
    expect(Object.keys(formatters).sort()).toEqual([...formatNames].sort());
    expect(formatNames.every(isFormatName)).toBe(true);
    expect(isFormatName('toString')).toBe(false);
    expect(isFormatName('checkstyle')).toBe(false);
  });
});

describe('every formatter, every sample', () => {
  const previous = kleur.enabled;
  afterEach(() => {
    kleur.enabled = previous;
  });

  test.each(table)('%s / %s: deterministic and independent of input order', (format, _name, input) => {
    const out = formatters[format](input, { color: false });
    expect(formatters[format](input, { color: false })).toBe(out);
    expect(formatters[format](reversed(input), { color: false })).toBe(out);
  });

  test.each(table)('%s / %s: no escape codes without colour, even when kleur thinks it may colour', (format, _name, input) => {
    kleur.enabled = true;
    expect(formatters[format](input, { color: false })).not.toMatch(/\u001b/);
  });

  test.each(formatNames)('%s: a planted secret next to findings is never printed', (format) => {
    for (const color of [false, true]) {
      const out = formatters[format](sample('secrets'), { color });
      expect(out).not.toContain(plantedSecret);
      expect(out).not.toContain(plantedSecret.slice(0, 10));
    }
  });

  test.each(['json', 'sarif'] as const)('%s parses as JSON for every sample', (format) => {
    for (const s of samples) expect(() => JSON.parse(formatters[format](s.input, { color: false }))).not.toThrow();
  });

  test('no findings: stylish and github print nothing, the structured formats an empty report', () => {
    const empty = sample('empty');
    expect(formatters.stylish(empty, { color: true })).toBe('');
    expect(formatters.github(empty, { color: false })).toBe('');
    expect(JSON.parse(formatters.json(empty, { color: false })).diagnostics).toEqual([]);
    expect(JSON.parse(formatters.sarif(empty, { color: false })).runs[0].results).toEqual([]);
    expect(formatters.junit(empty, { color: false })).toContain('<testsuites name="shipshape" tests="0" failures="0" errors="0">');
  });

  test('the machine-readable formats ignore the colour option', () => {
    for (const format of ['json', 'sarif', 'github', 'junit'] as const) {
      expect(formatters[format](sample('multi-file'), { color: true })).toBe(formatters[format](sample('multi-file'), { color: false }));
    }
  });
});
