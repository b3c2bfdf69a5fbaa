import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { interpolateTree } from '../../src/compose/interpolate-tree.js';
import { plainOf } from '../../src/compose/located-nodes.js';
import { LineIndex, parseLocatedStream, type Located } from '../../src/source/index.js';

const env: Record<string, string> = { TAG: '1.0', N: '3', YES: 'yes', PORT: '80', BAD: 'many', EMPTY: '' };

function run(text: string) {
  const stream = parseLocatedStream({ path: 'c.yaml', text });
  const diagnostics: Diagnostic[] = [];
  const tree = interpolateTree(stream.documents[0] as Located, {
    lookup: (n) => (Object.prototype.hasOwnProperty.call(env, n) ? env[n] : undefined),
    report: (d) => diagnostics.push(d),
    texts: new Map([['c.yaml', new LineIndex(text)]]),
  });
  return { value: plainOf(tree), diagnostics };
}

describe('interpolateTree: positions of ${…} inside scalars', () => {
  const cases = [
    { name: 'plain scalar', text: 'services:\n  a:\n    image: x:${NOPE}\n', at: [3, 14, 21] },
    { name: 'double-quoted scalar', text: 'services:\n  a:\n    image: "x:${NOPE}"\n', at: [3, 15, 22] },
    { name: 'single-quoted scalar', text: "services:\n  a:\n    image: 'x:${NOPE}'\n", at: [3, 15, 22] },
    { name: 'the second of two', text: 'x: "${TAG}-${NOPE}"\n', at: [1, 12, 19] },
    { name: 'block scalar', text: 'x: |\n  first\n  then $NOPE here\n', at: [3, 8, 13] },
    { name: 'flow sequence item', text: 'x: [a, "${NOPE}"]\n', at: [1, 9, 16] },
  ];
  test.each(cases)('$name', ({ text, at }) => {
    const { diagnostics } = run(text);
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.endColumn])).toEqual([['compose/unset-variable', ...at]]);
  });

  test('keys are never interpolated', () => {
    expect(run('x:\n  ${TAG}: ${TAG}\n').value).toEqual({ x: { '${TAG}': '1.0' } });
  });

  test('a diagnostic about a service names it', () => {
    const { diagnostics } = run('services:\n  web:\n    image: ${X:?set X}\n');
    expect(diagnostics[0]).toMatchObject({ code: 'compose/missing-variable', object: { kind: 'ComposeService', name: 'web' }, path: ['services', 'web', 'image'] });
  });
});

describe('interpolateTree: typed fields are cast', () => {
  const rows = [
    { name: 'deploy.replicas', text: 'services: {a: {deploy: {replicas: "${N}"}}}', path: ['services', 'a', 'deploy', 'replicas'], value: 3 },
    { name: 'a quoted literal number', text: 'services: {a: {scale: "2"}}', path: ['services', 'a', 'scale'], value: 2 },
    { name: 'yes as a boolean', text: 'services: {a: {privileged: "${YES}"}}', path: ['services', 'a', 'privileged'], value: true },
    { name: 'off as a boolean', text: 'services: {a: {tty: off}}', path: ['services', 'a', 'tty'], value: false },
    { name: 'port target', text: 'services: {a: {ports: [{target: "${PORT}"}]}}', path: ['services', 'a', 'ports', 0, 'target'], value: 80 },
    { name: 'cpus as a number', text: 'services: {a: {cpus: "0.5"}}', path: ['services', 'a', 'cpus'], value: 0.5 },
    { name: 'ulimit as an integer', text: 'services: {a: {ulimits: {nofile: "1024"}}}', path: ['services', 'a', 'ulimits', 'nofile'], value: 1024 },
    { name: 'depends_on required', text: 'services: {a: {depends_on: {b: {condition: service_started, required: "false"}}}}', path: ['services', 'a', 'depends_on', 'b', 'required'], value: false },
    { name: 'external volume', text: 'volumes: {v: {external: "true"}}', path: ['volumes', 'v', 'external'], value: true },
    { name: 'an untyped field stays a string', text: 'services: {a: {image: "${N}"}}', path: ['services', 'a', 'image'], value: '3' },
    { name: 'published stays a string (ranges)', text: 'services: {a: {ports: [{target: 80, published: "${PORT}"}]}}', path: ['services', 'a', 'ports', 0, 'published'], value: '80' },
  ];
  test.each(rows)('$name', ({ text, path, value }) => {
    const r = run(text);
    expect(r.diagnostics).toEqual([]);
    let v: unknown = r.value;
    for (const p of path) v = (v as Record<string | number, unknown>)[p];
    expect(v).toBe(value);
  });

  test('a value that cannot be cast is an error at the value, without echoing an interpolated value', () => {
    const { diagnostics } = run('services:\n  a:\n    deploy:\n      replicas: ${BAD}\n    init: maybe\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['compose/invalid-type', 4, 17, 'services.a.deploy.replicas must be an integer, not the interpolated value'],
      ['compose/invalid-type', 5, 11, 'services.a.init must be a boolean (true or false), not "maybe"'],
    ]);
  });
});
