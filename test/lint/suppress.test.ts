import { describe, expect, test } from 'vitest';
import { lint } from '../../src/lint/index.js';
import { scanDirectives } from '../../src/lint/suppress.js';
import missingReplicas from '../../src/lint/rules/missing-replicas.js';
import duplicateObject from '../../src/lint/rules/duplicate-object.js';

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${extra}
spec:
  template: {}
`;

const run = (text: string, reportUnusedDisables = false) =>
  lint([{ path: 'm.yaml', text }], { rules: [missingReplicas, duplicateObject], reportUnusedDisables }).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.code}`,
  );

describe('scanDirectives', () => {
  test('reads kinds, rule lists, reasons and targets', () => {
    const text = [
      '# shipshape-disable image-tag -- vendored chart',
      'a: 1',
      '  # shipshape-disable-next-line a, b -- why',
      '',
      '  # shipshape-disable-next-line c',
      '  b: 2',
      'c: 3 # shipshape-disable-next-line not-a-directive (trailing)',
      '# shipshape-disable-nextline typo',
    ].join('\n');
    const found = scanDirectives('f', text).map(({ kind, line, column, target, rules }) => ({ kind, line, column, target, rules }));
    expect(found).toEqual([
      { kind: 'disable', line: 1, column: 1, target: 0, rules: ['image-tag'] },
      { kind: 'disable-next-line', line: 3, column: 3, target: 6, rules: ['a', 'b'] },
      { kind: 'disable-next-line', line: 5, column: 3, target: 6, rules: ['c'] },
      { kind: 'misplaced', line: 7, column: 6, target: -1, rules: [] },
    ]);
  });

  test.each<[string, string[]]>([
    ['a mapping value', ['data:', '  run.sh: |', '    #!/bin/sh', '    # shipshape-disable', '    echo hi', '# shipshape-disable x']],
    ['a sequence entry', ['args:', '  - >-', '    # shipshape-disable', '  - b', '# shipshape-disable x']],
    ['a key after sequence markers, with chomping, indentation indicator and a comment', ['- - k: |-2 # note', '      # shipshape-disable', '', '      # shipshape-disable', '# shipshape-disable x']],
  ])('comment-like lines inside a block scalar (%s) are text, not directives', (_name, lines) => {
    const found = scanDirectives('f', lines.join('\n')).map(({ kind, line, rules }) => ({ kind, line, rules }));
    expect(found).toEqual([{ kind: 'disable', line: lines.length, rules: ['x'] }]);
  });

  test('a block scalar ends at the first line indented no deeper than its key', () => {
    const text = ['a:', '  s: |', '    text', '  # shipshape-disable-next-line r', '  b: 1'].join('\n');
    expect(scanDirectives('f', text).map(({ kind, target }) => ({ kind, target }))).toEqual([{ kind: 'disable-next-line', target: 5 }]);
  });

  test('a directive-like text in a quoted string is not a misplaced directive', () => {
    expect(scanDirectives('f', 'a: "x # shipshape-disable"\nb: \'y # shipshape-disable-next-line\'\n')).toEqual([]);
  });

  test('a directive at the end of the file has no target and is dropped', () => {
    expect(scanDirectives('f', 'a: 1\n# shipshape-disable-next-line x\n')).toEqual([]);
  });
});

describe('suppression', () => {
  test('without suppression the rule reports', () => {
    expect(run(deployment('web'))).toEqual(['5:1 missing-replicas']);
  });

  test('disable-next-line suppresses the named rule on the next content line only', () => {
    const text = deployment('web').replace('spec:', '# shipshape-disable-next-line missing-replicas -- HPA elsewhere\nspec:');
    expect(run(text)).toEqual([]);
    const other = deployment('web').replace('spec:', '# shipshape-disable-next-line image-tag\nspec:');
    expect(run(other)).toEqual(['6:1 missing-replicas']);
  });

  test('disable-next-line without rule ids suppresses every rule', () => {
    expect(run(deployment('web').replace('spec:', '# shipshape-disable-next-line\nspec:'))).toEqual([]);
  });

  test('a file-wide disable suppresses the rule anywhere in the file', () => {
    expect(run(`# shipshape-disable missing-replicas\n${deployment('a')}---\n${deployment('b')}`)).toEqual([]);
  });

  test('the shipshape.io/ignore annotation suppresses rules on its object', () => {
    const annotated = deployment('web', '\n  annotations:\n    shipshape.io/ignore: "duplicate-object, missing-replicas"');
    expect(run(annotated)).toEqual([]);
    expect(run(deployment('web', '\n  annotations:\n    shipshape.io/ignore: "*"'))).toEqual([]);
    expect(run(deployment('web', '\n  annotations:\n    shipshape.io/ignore: image-tag'))).toEqual(['7:1 missing-replicas']);
  });

  test('the annotation on the duplicate (reported) object suppresses the duplicate finding', () => {
    const text = `${deployment('web')}---\n${deployment('web', '\n  annotations: {shipshape.io/ignore: duplicate-object}')}`;
    expect(run(text)).toEqual(['5:1 missing-replicas', '13:1 missing-replicas']);
  });

  test('--report-unused-disables reports directives and annotation entries that suppressed nothing', () => {
    const text =
      '# shipshape-disable image-tag\n' +
      deployment('web', '\n  annotations: {shipshape.io/ignore: "missing-replicas,schema,bogus-rule"}').replace(
        'spec:',
        '# shipshape-disable-next-line missing-replicas\nspec:',
      );
    // The annotation is checked first, so the comment directive (line 7) suppressed nothing.
    expect(run(text, true)).toEqual(['1:1 unused-disable', '6:38 unused-disable', '6:38 unused-disable', '7:1 unused-disable']);
    const messages = lint([{ path: 'm.yaml', text }], { rules: [missingReplicas], reportUnusedDisables: true }).diagnostics.map((d) => d.message);
    expect(messages).toContain("unknown rule 'bogus-rule' in the shipshape.io/ignore annotation");
    // Without the option, only the unknown rule id is reported.
    expect(run(text)).toEqual(['6:38 unused-disable']);
  });

  test('a directive after content on its line is always reported as ignored, and suppresses nothing', () => {
    const text = deployment('web').replace('spec:', 'spec:  # shipshape-disable-next-line missing-replicas');
    expect(run(text)).toEqual(['5:1 missing-replicas', '5:8 unused-disable']);
    const [, note] = lint([{ path: 'm.yaml', text }], { rules: [missingReplicas] }).diagnostics;
    expect(note?.message).toBe('a shipshape-disable-next-line directive after content on its line is ignored: directives are comment lines of their own');
  });

  test('a disable comment inside a ConfigMap script does not switch the linter off for the file', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\ndata:\n  run.sh: |\n    #!/bin/sh\n    # shipshape-disable\n    echo hi\n---\n${deployment('web')}`;
    expect(run(text)).toEqual(['14:1 missing-replicas']);
  });

  test('unknown rule ids in directives are always reported', () => {
    const text = `# shipshape-disable missing-replica\n${deployment('web')}`;
    expect(run(text)).toEqual(['1:1 unused-disable', '6:1 missing-replicas']);
  });
});
