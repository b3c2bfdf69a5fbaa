import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { plainOf } from '../../src/compose/located-nodes.js';
import { mergeNode } from '../../src/compose/merge.js';
import { parseLocatedStream, type Located, type LocatedMap } from '../../src/source/index.js';

function tree(file: string, text: string): LocatedMap {
  return parseLocatedStream({ path: file, text }, { tags: ['!reset', '!override'] }).documents[0] as LocatedMap;
}

function merge(base: string, over: string) {
  const diagnostics: Diagnostic[] = [];
  const merged = mergeNode(tree('base.yaml', base), tree('over.yaml', over), [], (d) => diagnostics.push(d)) as Located;
  return { merged, value: plainOf(merged) as { services: Record<string, Record<string, unknown>> }, diagnostics };
}

const svc = (body: string) => `services:\n  s:\n${body.replace(/^/gm, '    ')}\n`;

interface Row {
  name: string;
  base: string;
  over: string;
  expected: Record<string, unknown>;
}

/** One row per merge rule: the service `s` of base merged with the one of over. */
const rows: Row[] = [
  { name: 'scalars are replaced', base: 'image: a', over: 'image: b', expected: { image: 'b' } },
  { name: 'a null override keeps the value', base: 'image: a', over: 'image:', expected: { image: 'a' } },
  { name: 'mappings merge recursively', base: 'deploy: {replicas: 1, resources: {limits: {cpus: "1"}}}', over: 'deploy: {resources: {limits: {memory: 1G}}}', expected: { deploy: { replicas: 1, resources: { limits: { cpus: '1', memory: '1G' } } } } },
  { name: 'command is replaced', base: 'command: [a, b]', over: 'command: [c]', expected: { command: ['c'] } },
  { name: 'entrypoint is replaced', base: 'entrypoint: [a]', over: 'entrypoint: b c', expected: { entrypoint: 'b c' } },
  { name: 'healthcheck.test is replaced, the rest merged', base: 'healthcheck: {test: [CMD, a], interval: 5s}', over: 'healthcheck: {test: [CMD, b]}', expected: { healthcheck: { test: ['CMD', 'b'], interval: '5s' } } },
  { name: 'environment maps merge by key', base: 'environment: {A: "1", B: "2"}', over: 'environment: {B: "3", C: "4"}', expected: { environment: { A: '1', B: '3', C: '4' } } },
  { name: 'environment list and map merge by key', base: 'environment: {A: "1", B: "2"}', over: 'environment: [B=3, C]', expected: { environment: ['A=1', 'B=3', 'C'] } },
  { name: 'labels lists merge by key', base: 'labels: [a=1, b=2]', over: 'labels: [a=9]', expected: { labels: ['a=9', 'b=2'] } },
  { name: 'build.args merge by key', base: 'build: {context: ., args: {A: "1"}}', over: 'build: {args: {B: "2"}}', expected: { build: { context: '.', args: { A: '1', B: '2' } } } },
  { name: 'build string and mapping merge', base: 'build: ./dir', over: 'build: {dockerfile: Dev}', expected: { build: { context: './dir', dockerfile: 'Dev' } } },
  { name: 'ports: same spec replaced, others appended', base: 'ports: ["80:80", "443:443"]', over: 'ports: ["80:80", "9000:9000"]', expected: { ports: ['80:80', '443:443', '9000:9000'] } },
  { name: 'ports: one port in short and long syntax is one entry (the later one)', base: 'ports: ["8080:80", "9000:9000/udp"]', over: 'ports: [{target: 80, published: "8080"}, "0.0.0.0:9000:9000/UDP"]', expected: { ports: [{ target: 80, published: '8080' }, '0.0.0.0:9000:9000/UDP'] } },
  { name: 'ports: "80", "80/tcp" and {target: 80} are one port', base: 'ports: ["80"]', over: 'ports: ["80/tcp", {target: 80}]', expected: { ports: [{ target: 80 }] } },
  { name: 'links, network aliases and link_local_ips are unique', base: 'links: [db]\nnetworks: {n: {aliases: [x], link_local_ips: [169.254.0.1]}}', over: 'links: [db, cache]\nnetworks: {n: {aliases: [x, y], link_local_ips: [169.254.0.1]}}', expected: { links: ['db', 'cache'], networks: { n: { aliases: ['x', 'y'], link_local_ips: ['169.254.0.1'] } } } },
  { name: 'devices merge by container path; build.tags are unique', base: 'devices: ["/dev/a:/dev/x", "/dev/b"]\nbuild: {context: ., tags: [t1, t2]}', over: 'devices: ["/dev/c:/dev/x:r", {source: /dev/d, target: /dev/y}]\nbuild: {tags: [t1, t3]}', expected: { devices: ['/dev/c:/dev/x:r', '/dev/b', { source: '/dev/d', target: '/dev/y' }], build: { context: '.', tags: ['t1', 't2', 't3'] } } },
  { name: 'volumes: same target replaced in place', base: 'volumes: ["a:/data", "b:/logs"]', over: 'volumes: ["./x:/data:ro", {type: volume, source: c, target: /cache}]', expected: { volumes: ['./x:/data:ro', 'b:/logs', { type: 'volume', source: 'c', target: '/cache' }] } },
  { name: 'secrets: same target replaced', base: 'secrets: [db, {source: api, target: /run/secrets/key}]', over: 'secrets: [{source: db, mode: 0400}, key]', expected: { secrets: [{ source: 'db', mode: 400 }, 'key'] } },
  { name: 'configs: by default target /<source>', base: 'configs: [a]', over: 'configs: [{source: a, target: /a, mode: 0444}]', expected: { configs: [{ source: 'a', target: '/a', mode: 444 }] } },
  { name: 'expose without duplicates', base: 'expose: ["80", "81"]', over: 'expose: ["81", "82"]', expected: { expose: ['80', '81', '82'] } },
  { name: 'cap_add without duplicates', base: 'cap_add: [NET_ADMIN]', over: 'cap_add: [NET_ADMIN, SYS_TIME]', expected: { cap_add: ['NET_ADMIN', 'SYS_TIME'] } },
  { name: 'cap_drop without duplicates', base: 'cap_drop: [ALL]', over: 'cap_drop: [ALL]', expected: { cap_drop: ['ALL'] } },
  { name: 'dns string and list', base: 'dns: 1.1.1.1', over: 'dns: [8.8.8.8, 1.1.1.1]', expected: { dns: ['1.1.1.1', '8.8.8.8'] } },
  { name: 'profiles without duplicates', base: 'profiles: [a]', over: 'profiles: [a, b]', expected: { profiles: ['a', 'b'] } },
  { name: 'other lists are appended', base: 'device_cgroup_rules: ["c 1:3 mr"]', over: 'device_cgroup_rules: ["c 1:3 mr"]', expected: { device_cgroup_rules: ['c 1:3 mr', 'c 1:3 mr'] } },
  { name: 'depends_on list and mapping', base: 'depends_on: [db, cache]', over: 'depends_on: {db: {condition: service_healthy}}', expected: { depends_on: { db: { condition: 'service_healthy', required: true }, cache: { condition: 'service_started', required: true } } } },
  { name: 'networks list and mapping', base: 'networks: [front]', over: 'networks: {back: {aliases: [x]}}', expected: { networks: { front: null, back: { aliases: ['x'] } } } },
  { name: 'logging with another driver is replaced', base: 'logging: {driver: syslog, options: {a: "1"}}', over: 'logging: {driver: json-file}', expected: { logging: { driver: 'json-file' } } },
  { name: 'logging with the same driver is merged', base: 'logging: {driver: syslog, options: {a: "1"}}', over: 'logging: {options: {b: "2"}}', expected: { logging: { driver: 'syslog', options: { a: '1', b: '2' } } } },
  { name: 'ulimits: a number replaces a mapping', base: 'ulimits: {nofile: {soft: 1, hard: 2}}', over: 'ulimits: {nofile: 5}', expected: { ulimits: { nofile: 5 } } },
  { name: '!reset removes a value', base: 'image: a\nports: ["80:80"]', over: 'ports: !reset []', expected: { image: 'a' } },
  { name: '!reset removes one key of a mapping', base: 'environment: {A: "1", B: "2"}', over: 'environment: {A: !reset null}', expected: { environment: { B: '2' } } },
  { name: '!override replaces instead of merging', base: 'ports: ["80:80"]\nenvironment: {A: "1"}', over: 'ports: !override ["81:81"]\nenvironment: !override {B: "2"}', expected: { ports: ['81:81'], environment: { B: '2' } } },
  { name: '!reset on a new key leaves nothing', base: 'image: a', over: 'command: !reset []', expected: { image: 'a' } },
];

describe('mergeNode: the specification merge rules', () => {
  test('table has no duplicate names', () => {
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  test.each(rows)('$name', ({ base, over, expected }) => {
    const r = merge(svc(base), svc(over));
    expect(r.diagnostics).toEqual([]);
    expect(r.value.services.s).toEqual(expected);
  });

  test('a mapping merged with a list is an error at the later value', () => {
    const r = merge(svc('extra: {a: 1}'), svc('extra: [a]'));
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['compose/merge-conflict', 'over.yaml', 3, 12]]);
  });

  test('merged values keep the position of the file that supplied them', () => {
    const r = merge(svc('image: a\nenvironment: {A: "1"}'), svc('environment: {B: "2"}'));
    const s = (r.merged as LocatedMap).entries[0]!.value as LocatedMap;
    const service = s.entries[0]!.value as LocatedMap;
    const env = service.entries.find((e) => e.key === 'environment')!.value as LocatedMap;
    expect(env.entries.map((e) => [e.key, e.value.span.file, e.value.span.line])).toEqual([
      ['A', 'base.yaml', 4],
      ['B', 'over.yaml', 3],
    ]);
    expect(service.entries.find((e) => e.key === 'image')!.value.span.file).toBe('base.yaml');
  });

  test('the inputs are not changed', () => {
    const base = tree('base.yaml', svc('ports: ["80:80"]'));
    const before = JSON.stringify(base);
    mergeNode(base, tree('over.yaml', svc('ports: ["81:81"]')), [], () => undefined);
    expect(JSON.stringify(base)).toBe(before);
  });
});
