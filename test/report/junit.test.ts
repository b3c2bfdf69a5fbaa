import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { FILE_TESTCASE_NAME, junit } from '../../src/report/formatters/junit.js';
import { escapeXmlAttribute, escapeXmlText } from '../../src/report/xml-text.js';
import { hostileMessage, reportInput, sample, samples } from './samples.js';
import { parseXml, type XmlElement } from './xml-check.js';

const render = (input = sample('multi-file')) => parseXml(junit(input, { color: false }));
const cases = (root: XmlElement) => root.children.flatMap((suite) => suite.children.map((c) => ({ suite: suite.attributes.name, ...c })));

describe('xml escaping', () => {
  const table: [string, string, string, string][] = [
    ['markup', `a<b>&"c"'d'`, 'a&lt;b&gt;&amp;"c"\'d\'', 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;'],
    ['CDATA end', ']]>', ']]&gt;', ']]&gt;'],
    ['line breaks and tabs', 'a\r\nb\tc', 'a&#13;\nb\tc', 'a&#13;&#10;b&#9;c'],
    ['characters XML 1.0 forbids', 'x\u0000\u001b\u000b\uFFFE', 'x\\x00\\x1B\\x0B\\uFFFE', 'x\\x00\\x1B\\x0B\\uFFFE'],
    ['lone surrogates', 'a\uD800b\uDC00', 'a\uFFFDb\uFFFD', 'a\uFFFDb\uFFFD'],
    ['astral characters stay', '😀', '😀', '😀'],
  ];
  test.each(table)('%s', (_name, input, asText, asAttribute) => {
    expect(escapeXmlText(input)).toBe(asText);
    expect(escapeXmlAttribute(input)).toBe(asAttribute);
  });
});

describe('junit', () => {
  test.each(samples.map((s) => [s.name, s.input] as const))('%s is well-formed XML with consistent counts', (_name, input) => {
    const root = render(input);
    expect(root.name).toBe('testsuites');
    let tests = 0;
    let failures = 0;
    for (const suite of root.children) {
      const failed = suite.children.filter((c) => c.children.some((x) => x.name === 'failure')).length;
      expect(Number(suite.attributes.tests)).toBe(suite.children.length);
      expect(Number(suite.attributes.failures)).toBe(failed);
      tests += suite.children.length;
      failures += failed;
    }
    expect([Number(root.attributes.tests), Number(root.attributes.failures)]).toEqual([tests, failures]);
  });

  test('one suite per file (sorted), one testcase per checked object', () => {
    const root = render();
    expect(root.children.map((s) => s.attributes.name)).toEqual([
      'compose.yaml',
      'k8s/broken.yaml',
      'k8s/deploy/web.yaml',
      'k8s/namespace.yaml',
      'k8s/service.yaml',
    ]);
    expect(cases(root).map((c) => [c.suite, c.attributes.name])).toEqual([
      ['compose.yaml', 'ComposeService api'],
      ['k8s/broken.yaml', FILE_TESTCASE_NAME],
      ['k8s/deploy/web.yaml', 'Deployment default/web-frontend'],
      ['k8s/namespace.yaml', 'Namespace prod'],
      ['k8s/service.yaml', 'Service default/web'],
    ]);
  });

  test('errors fail a testcase; warnings and infos go to system-out', () => {
    const web = cases(render()).find((c) => c.attributes.name === 'Deployment default/web-frontend')!;
    expect(web.children.map((c) => c.name)).toEqual(['failure', 'system-out']);
    expect(web.children[0]!.text).toContain('error schema');
    expect(web.children[1]!.text).toContain('warning image-tag');
    expect(web.children[1]!.text).toContain('info missing-probes');
    const compose = cases(render()).find((c) => c.attributes.name === 'ComposeService api')!;
    expect(compose.children.map((c) => c.name)).toEqual(['system-out']);
  });

  test('several errors: one failure listing them all', () => {
    const failure = cases(render(sample('secrets')))[0]!.children[0]!;
    expect(failure.attributes).toEqual({ message: '2 errors', type: 'schema' });
    expect(failure.text.split('\n')).toHaveLength(2);
  });

  test('objects with the same identity in one file: a finding goes to the object it lies in', () => {
    const object = { kind: 'Service', name: 'web', namespace: 'default' };
    const dup: Diagnostic = { code: 'duplicate-object', severity: 'error', message: 'duplicate', file: 'a.yaml', line: 12, column: 3, object };
    const root = render(
      reportInput({
        objects: [
          { file: 'a.yaml', line: 10, column: 1, object },
          { file: 'a.yaml', line: 1, column: 1, object },
        ],
        diagnostics: [dup],
      }),
    );
    const [first, second] = root.children[0]!.children;
    expect([first!.attributes.line, first!.children.length]).toEqual(['1', 0]);
    expect([second!.attributes.line, second!.children.length]).toEqual(['10', 1]);
  });

  test('text survives escaping: attributes and content decode to the original (with forbidden characters made visible)', () => {
    const root = render(sample('hostile-text'));
    const failing = cases(root).find((c) => c.children.some((x) => x.name === 'failure'))!;
    const visible = hostileMessage.replace('\u0000', '\\x00').replace(/\u001b/g, '\\x1B').replace('\uD800', '\uFFFD');
    expect(failing.attributes.name).toBe('ConfigMap n,s:1/a<b>&"c"');
    expect(failing.children[0]!.attributes.message).toBe(visible);
    expect(failing.children[0]!.text).toContain(visible);
  });

  test('the well-formedness check can fail', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a>\u001b</a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
  });
});
