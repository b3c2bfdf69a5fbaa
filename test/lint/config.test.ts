import { describe, expect, test } from 'vitest';
import { memoryHost } from '../../src/host.js';
import { findConfigFile, parseConfig } from '../../src/lint/config.js';
import { rules } from '../../src/lint/rules/index.js';

const parse = (text: string) => parseConfig({ path: '.shipshape.yaml', text }, rules);
const problems = (text: string) => parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);

describe('parseConfig', () => {
  test('a full configuration', () => {
    const { value, diagnostics } = parse(`
namespace: shop
kubeVersion: v1.30
rules:
  missing-replicas: {severity: warn, options: {min: 2}}
  image-tag: off
  service-target-port: error
ignore: ['charts/**', '*.tmpl.yaml']
excludes:
  - {kind: Secret, namespace: 'kube-*', reason: managed by the platform}
  - {name: 'legacy-*', rules: [missing-probes]}
`);
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      file: '.shipshape.yaml',
      namespace: 'shop',
      kubeVersion: '1.30',
      rules: {
        'missing-replicas': { severity: 'warning', options: { min: 2 } },
        'image-tag': { severity: 'off' },
        'service-target-port': { severity: 'error' },
      },
      ignore: ['charts/**', '*.tmpl.yaml'],
      excludes: [{ kind: 'Secret', namespace: 'kube-*' }, { name: 'legacy-*', rules: ['missing-probes'] }],
    });
  });

  test.each([
    ['1.99', "2:14 kubeVersion '1.99' is outside the releases shipshape knows deprecations for (1.8 to 1.39)"],
    ['v1.7', "2:14 kubeVersion 'v1.7' is outside the releases shipshape knows deprecations for (1.8 to 1.39)"],
  ])('kubeVersion %s outside the known releases is a positioned error', (version, expected) => {
    expect(problems(`namespace: shop\nkubeVersion: "${version}"\n`)).toEqual([expected]);
  });

  test('an empty file is an empty configuration', () => {
    expect(parse('# nothing yet\n').value).toMatchObject({ rules: {}, ignore: [], excludes: [] });
  });

  test.each([
    ['an unknown top-level key, with a suggestion', 'namespce: x\n', ["1:1 'namespce': unknown property 'namespce' (did you mean 'namespace'?)"]],
    ['a bad severity', 'rules:\n  image-tag: loud\n', ["2:14 'rules.image-tag': must be one of \"off\", \"info\", \"warn\", \"warning\", \"error\""]],
    ['an unknown rule, with a suggestion', 'rules:\n  image-tags: warn\n', ["2:3 unknown rule 'image-tags' (did you mean 'image-tag'?)"]],
    ['an unknown rule in an exclude', 'excludes:\n  - {kind: Pod, rules: [nope]}\n', ["2:25 unknown rule 'nope'"]],
    ['options that fail the rule schema', 'rules:\n  missing-replicas:\n    options: {min: -1}\n', ["3:20 options of rule 'missing-replicas' at 'min': must be >= 0"]],
    ['an unknown option', 'rules:\n  missing-replicas:\n    options: {minimum: 2}\n', ["3:15 options of rule 'missing-replicas' at 'minimum': unknown property 'minimum'"]],
    ['a bad namespace', 'namespace: Not_OK\n', ['1:12 \'namespace\': must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"']],
    ['an empty exclude', 'excludes: [{}]\n', ["1:12 'excludes.0': must NOT have fewer than 1 properties"]],
    ['a list instead of a mapping', '- a\n', ['1:1 must be object']],
    ['two documents', 'rules: {}\n---\nrules: {}\n', ['3:1 a configuration file holds one YAML document; remove the others']],
  ])('%s', (_name, text, expected) => {
    expect(parse(text).value).toBeUndefined();
    expect(problems(text)).toEqual(expected);
  });

  test('YAML errors are reported with their position', () => {
    const { value, diagnostics } = parse('rules: [\n');
    expect(value).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 2 });
  });
});

describe('findConfigFile', () => {
  const host = memoryHost({
    '/repo/.shipshape.yaml': 'rules: {}\n',
    '/repo/apps/web/deploy.yaml': 'kind: x\n',
    '/repo/apps/.shipshape.yml': 'rules: {}\n',
    '/other/a.yaml': 'x: 1\n',
  });
  test.each([
    ['/repo/apps/web', '/repo/apps/.shipshape.yml'],
    ['/repo', '/repo/.shipshape.yaml'],
    ['/other', undefined],
  ])('from %s', async (dir, expected) => {
    expect(await findConfigFile(host, dir)).toBe(expected);
  });
});
