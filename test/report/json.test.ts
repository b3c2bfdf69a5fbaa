import { describe, expect, test } from 'vitest';
import { json, type JsonReport } from '../../src/report/formatters/json.js';
import { stringifyJson } from '../../src/report/json-text.js';
import { hostileMessage, sample } from './samples.js';

const parse = (name: string) => JSON.parse(json(sample(name), { color: false })) as JsonReport;

describe('json', () => {
  test('top-level keys and counts', () => {
    const report = parse('multi-file');
    expect(Object.keys(report)).toEqual(['formatVersion', 'tool', 'counts', 'diagnostics']);
    expect(report.formatVersion).toBe(1);
    expect(report.counts).toEqual({ error: 3, warning: 2, info: 1 });
  });

  test('every diagnostic has exactly the documented keys, in order', () => {
    for (const d of parse('multi-file').diagnostics) {
      expect(Object.keys(d)).toEqual([
        'ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'object', 'path', 'hint', 'related',
      ]);
      if (d.object) expect(Object.keys(d.object)).toEqual(['apiVersion', 'kind', 'name', 'namespace']);
      for (const r of d.related) expect(Object.keys(r)).toEqual(['message', 'file', 'line', 'column', 'endLine', 'endColumn']);
    }
  });

  test('unknown values are null, never missing; related is always an array', () => {
    const syntax = parse('multi-file').diagnostics.find((d) => d.ruleId === 'yaml-syntax')!;
    expect(syntax).toMatchObject({ object: null, path: null, hint: null, related: [] });
    const compose = parse('multi-file').diagnostics.find((d) => d.ruleId === 'compose/unknown-key')!;
    expect(compose).toMatchObject({ endLine: null, endColumn: null, object: { apiVersion: null, kind: 'ComposeService', namespace: null } });
  });

  test('the field path is an array of segments', () => {
    const tag = parse('multi-file').diagnostics.find((d) => d.ruleId === 'image-tag')!;
    expect(tag.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
  });

  test('diagnostics are sorted by file, line, column', () => {
    const ds = parse('multi-file').diagnostics;
    expect(ds.map((d) => `${d.file}:${d.line}`)).toEqual([
      'compose.yaml:4',
      'k8s/broken.yaml:2',
      'k8s/deploy/web.yaml:13',
      'k8s/deploy/web.yaml:14',
      'k8s/deploy/web.yaml:15',
      'k8s/service.yaml:7',
    ]);
  });

  test('strings round-trip exactly, control characters and lone surrogates included', () => {
    const d = parse('hostile-text').diagnostics[0]!;
    expect(d.message).toBe(hostileMessage);
    expect(d.hint).toBe('hint 50% \r\nsecond line');
    expect(d.object!.name).toBe('a<b>&"c"');
    expect(d.file).toBe('k8s/odd dir/ä:b,c%#.yaml');
  });

  test('characters that can hide or reorder text are written as escapes', () => {
    const text = stringifyJson({ s: 'a\u202Eb\u2028c\u007fd\u0085e\u001bf' });
    expect(text).toBe('{\n  "s": "a\\u202Eb\\u2028c\\u007Fd\\u0085e\\u001bf"\n}\n');
    expect(JSON.parse(text)).toEqual({ s: 'a\u202Eb\u2028c\u007fd\u0085e\u001bf' });
  });
});
