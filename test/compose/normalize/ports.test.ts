import { describe, expect, test } from 'vitest';
import type { ServicePort } from '../../../src/compose/model.js';
import { parsePortSpec } from '../../../src/compose/normalize/ports.js';
import { describeTable, normalizeService, rowPosition } from './harness.js';

const tcp = (target: number, published?: number, extra: Partial<ServicePort> = {}) => ({
  target: { start: target, end: target },
  ...(published === undefined ? {} : { published: { start: published, end: published } }),
  protocol: 'tcp',
  mode: 'ingress',
  syntax: 'short',
  ...extra,
});

describeTable('ports: short syntax', (s) => s.ports, [
  { name: "'80'", yaml: 'ports: ["80"]', expected: [tcp(80)] },
  { name: '80 (a number)', yaml: 'ports: [80]', expected: [tcp(80)] },
  { name: "'8080:80'", yaml: 'ports: ["8080:80"]', expected: [tcp(80, 8080)] },
  { name: '8080:80 (plain YAML)', yaml: 'ports:\n  - 8080:80', expected: [tcp(80, 8080)] },
  { name: "'127.0.0.1:8080:80/udp'", yaml: 'ports: ["127.0.0.1:8080:80/udp"]', expected: [tcp(80, 8080, { hostIp: '127.0.0.1', protocol: 'udp' })] },
  { name: "'3000-3002'", yaml: 'ports: ["3000-3002"]', expected: [tcp(0, undefined, { target: { start: 3000, end: 3002 } })] },
  {
    name: "'9090-9091:8080-8081'",
    yaml: 'ports: ["9090-9091:8080-8081"]',
    expected: [tcp(0, undefined, { target: { start: 8080, end: 8081 }, published: { start: 9090, end: 9091 } })],
  },
  { name: "'8000-8010:80' (a host range for one port)", yaml: 'ports: ["8000-8010:80"]', expected: [tcp(80, undefined, { published: { start: 8000, end: 8010 } })] },
  { name: "'127.0.0.1::80'", yaml: 'ports: ["127.0.0.1::80"]', expected: [tcp(80, undefined, { hostIp: '127.0.0.1' })] },
  { name: "'[::1]:8080:80'", yaml: 'ports: ["[::1]:8080:80"]', expected: [tcp(80, 8080, { hostIp: '::1' })] },
  { name: "'::1:8080:80' (IPv6 without brackets)", yaml: 'ports: ["::1:8080:80"]', expected: [tcp(80, 8080, { hostIp: '::1' })] },
  { name: "'6060:6060/sctp'", yaml: 'ports: ["6060:6060/sctp"]', expected: [tcp(6060, 6060, { protocol: 'sctp' })] },
  { name: "'53:53/UDP' (protocol case)", yaml: 'ports: ["53:53/UDP"]', expected: [tcp(53, 53, { protocol: 'udp' })] },
  { name: "bad protocol '80/http'", yaml: 'ports: ["80/http"]', diagnostics: ['compose/invalid-value@1:9'] },
  { name: "bad IP '127.0.1:8080:80'", yaml: 'ports: ["127.0.1:8080:80"]', diagnostics: ['compose/invalid-value@1:9'] },
  { name: "port out of range '70000'", yaml: 'ports: ["70000"]', diagnostics: ['compose/invalid-value@1:9'] },
  { name: "backwards range '3002-3000'", yaml: 'ports: ["3002-3000"]', diagnostics: ['compose/invalid-value@1:9'] },
  { name: "ranges of different sizes '9090-9092:8080-8081'", yaml: 'ports: ["9090-9092:8080-8081"]', diagnostics: ['compose/invalid-value@1:9'] },
  { name: "empty container port '8080:'", yaml: 'ports: ["8080:"]', diagnostics: ['compose/invalid-value@1:9'] },
  { name: 'a boolean', yaml: 'ports: [true]', diagnostics: ['compose/invalid-type@1:9'] },
  { name: 'bad entry skipped, good ones kept', yaml: 'ports:\n  - "x"\n  - 80', expected: [tcp(80)], diagnostics: ['compose/invalid-value@2:5'] },
  { name: 'not a list', yaml: 'ports: "80"', diagnostics: ['compose/invalid-type@1:8'] },
]);

const long = (extra: Partial<ServicePort>) => ({ target: { start: 80, end: 80 }, protocol: 'tcp', mode: 'ingress', syntax: 'long', ...extra });

describeTable('ports: long syntax', (s) => s.ports, [
  { name: 'target only', yaml: 'ports:\n  - target: 80', expected: [long({})] },
  { name: 'published as a number', yaml: 'ports:\n  - target: 80\n    published: 8080', expected: [long({ published: { start: 8080, end: 8080 } })] },
  { name: 'published as a string', yaml: 'ports:\n  - target: 80\n    published: "8080"', expected: [long({ published: { start: 8080, end: 8080 } })] },
  { name: 'published as a range', yaml: 'ports:\n  - target: 80\n    published: 8000-8010', expected: [long({ published: { start: 8000, end: 8010 } })] },
  { name: 'target as a string (interpolated)', yaml: 'ports:\n  - target: "80"', expected: [long({})] },
  {
    name: 'every key',
    yaml: 'ports:\n  - target: 80\n    published: 8080\n    host_ip: 127.0.0.1\n    protocol: udp\n    mode: host\n    name: web\n    app_protocol: http',
    expected: [long({ published: { start: 8080, end: 8080 }, hostIp: '127.0.0.1', protocol: 'udp', mode: 'host', name: 'web', appProtocol: 'http' })],
  },
  { name: 'host_ip in brackets', yaml: 'ports:\n  - target: 80\n    host_ip: "[::1]"', expected: [long({ hostIp: '::1' })] },
  { name: 'x- extension kept', yaml: 'ports:\n  - target: 80\n    x-note: hi', expected: [long({ extensions: { 'x-note': { value: 'hi' } } as never })] },
  { name: 'no target', yaml: 'ports:\n  - published: 8080', diagnostics: ['compose/invalid-value@2:5'] },
  { name: 'bad mode', yaml: 'ports:\n  - target: 80\n    mode: bridge', expected: [long({})], diagnostics: ['compose/invalid-value@3:11'] },
  { name: 'bad protocol', yaml: 'ports:\n  - target: 80\n    protocol: icmp', expected: [long({})], diagnostics: ['compose/invalid-value@3:15'] },
  { name: 'target out of range', yaml: 'ports:\n  - target: 99999', diagnostics: ['compose/invalid-value@2:13'] },
]);

describe('ports: positions', () => {
  test('a short entry spans its scalar; a long entry names every key', () => {
    const { service } = normalizeService('ports:\n  - "8080:80"\n  - target: 80\n    published: 8080');
    expect(rowPosition(service.ports[0]!.span)).toBe('2:5');
    expect(service.ports[0]!.span.endColumn - service.ports[0]!.span.column).toBe('"8080:80"'.length);
    expect(service.ports[0]!.keys).toEqual({});
    expect(Object.keys(service.ports[1]!.keys)).toEqual(['target', 'published']);
    expect(rowPosition(service.ports[1]!.keys.published!)).toBe('4:5');
  });

  test('diagnostics name the service and the field path', () => {
    const { diagnostics } = normalizeService('ports: ["80/http"]');
    expect(diagnostics[0]).toMatchObject({ object: { kind: 'ComposeService', name: 's' }, path: ['services', 's', 'ports', 0], severity: 'error' });
  });

  test('parsePortSpec is the one short-syntax parser', () => {
    expect(parsePortSpec('1.2.3.4:1-2:3-4/udp')).toEqual({ ok: true, spec: { target: { start: 3, end: 4 }, published: { start: 1, end: 2 }, hostIp: '1.2.3.4', protocol: 'udp' } });
  });
});

describeTable('expose', (s) => s.expose, [
  { name: "'3000'", yaml: 'expose: ["3000"]', expected: [{ port: { start: 3000, end: 3000 }, protocol: 'tcp' }] },
  { name: '3306 (a number)', yaml: 'expose: [3306]', expected: [{ port: { start: 3306, end: 3306 }, protocol: 'tcp' }] },
  { name: "'8000-8010'", yaml: 'expose: ["8000-8010"]', expected: [{ port: { start: 8000, end: 8010 }, protocol: 'tcp' }] },
  { name: "'5000/udp'", yaml: 'expose: ["5000/udp"]', expected: [{ port: { start: 5000, end: 5000 }, protocol: 'udp' }] },
  { name: "'80:80' (a mapping is not exposable)", yaml: 'expose: ["80:80"]', expected: [], diagnostics: ['compose/invalid-value@1:10'] },
  { name: "'70000'", yaml: 'expose: ["70000"]', expected: [], diagnostics: ['compose/invalid-value@1:10'] },
  { name: 'a mapping item', yaml: 'expose:\n  - {port: 1}', expected: [], diagnostics: ['compose/invalid-type@2:5'] },
]);
