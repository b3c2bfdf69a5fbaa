import { describe, expect, test } from 'vitest';
import { ruleDocsBaseFromPackage, ruleHelpUri } from '../../src/lint/rule-docs.js';
import { INTERNAL_FAULT, ruleDescriptors, rules } from '../../src/lint/index.js';
import { formatters } from '../../src/report/index.js';

describe('ruleDocsBaseFromPackage', () => {
  const base = 'https://github.com/acme/shipshape/blob/v1.2.0/docs/rules/';
  test.each([
    ['github:acme/shipshape', base],
    ['acme/shipshape', base],
    ['https://github.com/acme/shipshape', base],
    ['git+https://github.com/acme/shipshape.git', base],
    ['git@github.com:acme/shipshape.git', base],
    ['git+ssh://git@github.com/acme/shipshape.git', base],
    [{ type: 'git', url: 'https://github.com/acme/shipshape.git' }, base],
    [{ type: 'git', url: 'https://github.com/acme/mono.git', directory: 'packages/shipshape' }, 'https://github.com/acme/mono/blob/v1.2.0/packages/shipshape/docs/rules/'],
    ['https://gitlab.com/acme/shipshape.git', undefined],
    [undefined, undefined],
  ] as const)('%j', (repository, expected) => {
    expect(ruleDocsBaseFromPackage({ version: '1.2.0', ...(repository === undefined ? {} : { repository }) })).toBe(expected);
  });
});

describe('ruleHelpUri', () => {
  test.each([
    ['image-tag', 'https://example.com/docs/rules/', true, 'https://example.com/docs/rules/image-tag.md'],
    ['image-tag', 'https://example.com/docs/rules', true, 'https://example.com/docs/rules/image-tag.md'],
    [INTERNAL_FAULT, 'https://example.com/docs/rules/', false, 'https://example.com/docs/lint.md#rules'],
    ['image-tag', 'not a url', true, undefined],
    ['image-tag', undefined, true, undefined],
  ] as const)('%s under %s', (id, base, isRule, expected) => {
    expect(ruleHelpUri(id, base, isRule)).toBe(expected);
  });
});

describe('ruleDescriptors', () => {
  const base = 'https://github.com/acme/shipshape/blob/v1.2.0/docs/rules/';

  test('every rule: its help text, and with a base its page as helpUri', () => {
    const descriptors = ruleDescriptors(rules, { docsBaseUri: base });
    for (const rule of rules) {
      const d = descriptors.find((x) => x.id === rule.id)!;
      expect(d.help).toContain(rule.meta.help!);
      expect(d.helpUri).toBe(`${base}${rule.id}.md`);
      expect(d.help).toContain(`[docs/rules/${rule.id}.md](${base}${rule.id}.md)`);
    }
    expect(descriptors.find((x) => x.id === INTERNAL_FAULT)?.helpUri).toBe('https://github.com/acme/shipshape/blob/v1.2.0/docs/lint.md#rules');
  });

  test('without a base: no helpUri, the help names the documentation file', () => {
    for (const d of ruleDescriptors()) {
      expect(d.helpUri).toBeUndefined();
      expect(d.help).toMatch(/Documentation: `docs\/(rules\/[a-z-]+|lint)\.md`$/);
    }
  });

  test('SARIF carries them: help text and markdown, helpUri', () => {
    const log = JSON.parse(
      formatters.sarif(
        { diagnostics: [], rules: ruleDescriptors(rules, { docsBaseUri: base }), objects: [], files: [], source: () => undefined, tool: { name: 'shipshape', version: '1.2.0' } },
        { color: false },
      ),
    );
    const descriptor = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'image-tag');
    expect(descriptor.helpUri).toBe(`${base}image-tag.md`);
    expect(descriptor.help.markdown).toContain(rules.find((r) => r.id === 'image-tag')!.meta.help);
    expect(descriptor.help.text).toBe(descriptor.help.markdown);
  });
});
