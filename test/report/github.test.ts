import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { escapeWorkflowData, escapeWorkflowProperty, github } from '../../src/report/formatters/github.js';
import { reportInput, sample } from './samples.js';

/** How the Actions runner reads a workflow command back (its documented unescaping). */
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

interface Command {
  command: string;
  properties: Record<string, string>;
  data: string;
}
function parseCommand(line: string): Command {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries(
    m[2]!.split(',').map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq), unescapeProperty(p.slice(eq + 1))];
    }),
  );
  return { command: m[1]!, properties, data: unescapeData(m[3]!) };
}
const commands = (text: string) => text.split('\n').filter((l) => l !== '').map(parseCommand);

describe('escaping', () => {
  const table: [string, string, string, string][] = [
    ['percent', '100%', '100%25', '100%25'],
    ['already escaped stays distinct', '%0A', '%250A', '%250A'],
    ['line breaks', 'a\r\nb\nc\rd', 'a%0Ab%0Ac%0Ad', 'a%0Ab%0Ac%0Ad'],
    ['separators', 'a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
    ['a command inside a message', 'x\n::error::y', 'x%0A::error::y', 'x%0A%3A%3Aerror%3A%3Ay'],
    ['escape sequences made visible', 'a\u001b[31mb', 'a\\x1B[31mb', 'a\\x1B[31mb'],
  ];
  test.each(table)('%s', (_name, input, data, property) => {
    expect(escapeWorkflowData(input)).toBe(data);
    expect(escapeWorkflowProperty(input)).toBe(property);
  });
});

describe('github', () => {
  test('one command per finding, sorted; info is a notice', () => {
    expect(commands(github(sample('multi-file'), { color: false })).map((c) => [c.command, c.properties.file, c.properties.title])).toEqual([
      ['warning', 'compose.yaml', 'compose/unknown-key'],
      ['error', 'k8s/broken.yaml', 'yaml-syntax'],
      ['notice', 'k8s/deploy/web.yaml', 'missing-probes'],
      ['warning', 'k8s/deploy/web.yaml', 'image-tag'],
      ['error', 'k8s/deploy/web.yaml', 'schema'],
      ['error', 'k8s/service.yaml', 'service-selector-mismatch'],
    ]);
  });

  test('positions; the hint and related locations follow the message', () => {
    const [c] = commands(github(sample('single-error'), { color: false }));
    expect(c!.properties).toEqual({
      file: 'k8s/service.yaml',
      line: '7',
      col: '10',
      endLine: '7',
      endColumn: '21',
      title: 'service-selector-mismatch',
    });
    expect(c!.data.split('\n')).toEqual([
      "Service 'web' selects no Pod: did you mean app: web-frontend (labels of Deployment 'web-frontend')?",
      'Hint: Change the selector or the Deployment labels so that they match.',
    ]);
    const related = commands(github(sample('multi-file'), { color: false })).at(-1)!;
    expect(related.data).toContain("\nRelated: k8s/deploy/web.yaml:10:15 labels of Deployment 'web-frontend'");
  });

  test('a finding spanning lines is annotated at its start only (GitHub ignores columns across lines)', () => {
    const d: Diagnostic = { code: 'x', severity: 'error', message: 'm', file: 'a.yaml', line: 2, column: 3, endLine: 4, endColumn: 2 };
    expect(github(reportInput({ diagnostics: [d] }), { color: false })).toBe('::error file=a.yaml,line=2,col=3,title=x::m\n');
  });

  test('hostile text cannot start a second command and reads back intact', () => {
    const out = github(sample('hostile-text'), { color: false });
    const lines = out.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    const [first] = commands(out);
    expect(first!.properties.file).toBe('k8s/odd dir/ä:b,c%#.yaml');
    expect(first!.data.startsWith('Value 100% "bad" <tag> & \'q\' ]]> a:b,c\n::error::injected\n')).toBe(true);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\r');
  });

  test('nothing at all when there are no findings', () => {
    expect(github(sample('clean'), { color: false })).toBe('');
  });
});
