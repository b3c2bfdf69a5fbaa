import { describe, expect, test } from 'vitest';
import { assignServiceNames, derivedName, isDnsLabel, toDnsLabel } from '../../src/translate/names.js';
import { service } from './model-builder.js';

describe('toDnsLabel', () => {
  test.each([
    ['web', {}, 'web'],
    ['front_end', {}, 'front-end'],
    ['Front.End', {}, 'front-end'],
    ['-web-', {}, 'web'],
    ['1password', { startWithLetter: true }, 'x1password'],
    ['1password', {}, '1password'],
  ] as const)('%s → %s', (raw, options, expected) => {
    expect(toDnsLabel(raw, options)).toBe(expected);
  });

  test('a long name is cut to 63 characters with a stable hash, and two long names stay distinct', () => {
    const a = toDnsLabel(`${'a'.repeat(70)}-one`);
    const b = toDnsLabel(`${'a'.repeat(70)}-two`);
    expect(a).toHaveLength(63);
    expect(b).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(toDnsLabel(`${'a'.repeat(70)}-one`)).toBe(a);
    expect(isDnsLabel(a)).toBe(true);
  });

  test('a name of only invalid characters still gives a valid label', () => {
    expect(isDnsLabel(toDnsLabel('___', { startWithLetter: true }), true)).toBe(true);
  });
});

describe('derivedName', () => {
  test('short names are joined', () => expect(derivedName('web', 'env')).toBe('web-env'));
  test('a long base is cut, the suffix kept', () => {
    const name = derivedName('w'.repeat(60), 'config-file');
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name.endsWith('-config-file')).toBe(true);
    expect(isDnsLabel(name)).toBe(true);
  });
});

describe('assignServiceNames', () => {
  test('two services with the same Kubernetes name: an error naming both positions', () => {
    const a = service('front_end');
    const b = service('front-end');
    const errors: { at: { line: number }; related?: { line: number }[] }[] = [];
    const names = assignServiceNames([a, b], {
      error: (_code, at, _m, extras) => errors.push({ at, related: extras?.related }),
      info: () => undefined,
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.at.line).toBe(b.span.line);
    expect(errors[0]!.related![0]!.line).toBe(a.span.line);
    expect(names.get('front_end')).toBe('front-end');
    expect(names.get('front-end')).not.toBe('front-end');
    expect(isDnsLabel(names.get('front-end')!, true)).toBe(true);
  });

  test('a renamed service gets an info', () => {
    const infos: string[] = [];
    assignServiceNames([service('front_end'), service('api')], { error: () => undefined, info: (code) => infos.push(code) });
    expect(infos).toEqual(['convert/renamed']);
  });
});
