import { describe, expect, test } from 'vitest';
import { TYPED_SERVICE_KEYS } from '../../../src/compose/normalize/service.js';
import { WORKING_DIR, describeTable, normalizeService, normalizeText, rowCodes } from './harness.js';

describeTable('labels and annotations', (s) => [s.labels, s.annotations], [
  { name: 'list', yaml: 'labels: ["com.example.a=1", "flag"]', expected: [[{ key: 'com.example.a', value: '1' }, { key: 'flag', value: '' }], []] },
  { name: 'map', yaml: 'annotations:\n  com.example.b: two\n  n: 3\n  empty:', expected: [[], [{ key: 'com.example.b', value: 'two' }, { key: 'n', value: '3' }, { key: 'empty', value: '' }]] },
  { name: 'value with =', yaml: 'labels: ["q=a=b"]', expected: [[{ key: 'q', value: 'a=b' }], []] },
  { name: 'a string', yaml: 'labels: a=b', expected: [[], []], diagnostics: ['compose/invalid-type@1:9'] },
]);

describeTable('sysctls', (s) => s.sysctls, [
  { name: 'list', yaml: 'sysctls: ["net.core.somaxconn=1024", "net.ipv4.tcp_syncookies=0"]', expected: [{ key: 'net.core.somaxconn', value: '1024' }, { key: 'net.ipv4.tcp_syncookies', value: '0' }] },
  { name: 'map', yaml: 'sysctls:\n  net.core.somaxconn: 1024', expected: [{ key: 'net.core.somaxconn', value: '1024' }] },
]);

describeTable('extra_hosts', (s) => s.extraHosts, [
  { name: "list 'host:ip'", yaml: 'extra_hosts: ["somehost:162.242.195.82"]', expected: [{ host: 'somehost', ips: ['162.242.195.82'] }] },
  { name: "list 'host=ip'", yaml: 'extra_hosts: ["somehost=162.242.195.82"]', expected: [{ host: 'somehost', ips: ['162.242.195.82'] }] },
  { name: 'list IPv6 after :', yaml: 'extra_hosts: ["myhostv6:::1"]', expected: [{ host: 'myhostv6', ips: ['::1'] }] },
  { name: 'list IPv6 in brackets', yaml: 'extra_hosts: ["myhostv6=[::1]"]', expected: [{ host: 'myhostv6', ips: ['::1'] }] },
  { name: 'list multiple ips', yaml: 'extra_hosts: ["multi=10.0.0.1,10.0.0.2"]', expected: [{ host: 'multi', ips: ['10.0.0.1', '10.0.0.2'] }] },
  { name: 'list host twice', yaml: 'extra_hosts: ["h=10.0.0.1", "h=10.0.0.2"]', expected: [{ host: 'h', ips: ['10.0.0.1', '10.0.0.2'] }] },
  { name: 'map', yaml: 'extra_hosts:\n  somehost: 162.242.195.82\n  v6: "[::1]"', expected: [{ host: 'somehost', ips: ['162.242.195.82'] }, { host: 'v6', ips: ['::1'] }] },
  { name: 'map with a list of ips', yaml: 'extra_hosts:\n  h: [10.0.0.1, 10.0.0.2]', expected: [{ host: 'h', ips: ['10.0.0.1', '10.0.0.2'] }] },
  { name: 'no ip', yaml: 'extra_hosts: ["lonely"]', expected: [], diagnostics: ['compose/invalid-value@1:15'] },
  { name: 'map without a value', yaml: 'extra_hosts:\n  h:', expected: [], diagnostics: ['compose/invalid-value@2:3'] },
]);

describeTable('ulimits', (s) => s.ulimits, [
  { name: 'a number', yaml: 'ulimits:\n  nproc: 65535', expected: [{ name: 'nproc', soft: 65535, hard: 65535 }] },
  { name: 'soft and hard', yaml: 'ulimits:\n  nofile:\n    soft: 20000\n    hard: 40000', expected: [{ name: 'nofile', soft: 20000, hard: 40000 }] },
  { name: 'strings (interpolated)', yaml: 'ulimits:\n  nofile:\n    soft: "1"\n    hard: "2"', expected: [{ name: 'nofile', soft: 1, hard: 2 }] },
  { name: 'unlimited (-1)', yaml: 'ulimits:\n  memlock: -1', expected: [{ name: 'memlock', soft: -1, hard: -1 }] },
  { name: 'soft only', yaml: 'ulimits:\n  nofile:\n    soft: 1', expected: [], diagnostics: ['compose/invalid-value@3:5'] },
  { name: 'soft above hard', yaml: 'ulimits:\n  nofile:\n    soft: 2\n    hard: 1', expected: [], diagnostics: ['compose/invalid-value@3:5'] },
]);

describeTable('restart', (s) => s.restart, [
  { name: "'no'", yaml: 'restart: "no"', expected: { policy: 'no' } },
  { name: 'no (plain YAML 1.2 string)', yaml: 'restart: no', expected: { policy: 'no' } },
  { name: 'always', yaml: 'restart: always', expected: { policy: 'always' } },
  { name: 'on-failure', yaml: 'restart: on-failure', expected: { policy: 'on-failure' } },
  { name: 'on-failure:3', yaml: 'restart: on-failure:3', expected: { policy: 'on-failure', maxRetries: 3 } },
  { name: 'unless-stopped', yaml: 'restart: unless-stopped', expected: { policy: 'unless-stopped' } },
  { name: 'always:3', yaml: 'restart: always:3', diagnostics: ['compose/invalid-value@1:10'] },
  { name: 'sometimes', yaml: 'restart: sometimes', diagnostics: ['compose/invalid-value@1:10'] },
]);

describeTable('scalar keys', (s) => ({ pull: s.pullPolicy, user: s.user, ro: s.readOnly, init: s.init, tty: s.tty, scale: s.scale, wd: s.workingDir }), [
  { name: 'pull_policy always', yaml: 'pull_policy: always', expected: { pull: 'always' } },
  { name: 'pull_policy every_12h', yaml: 'pull_policy: every_12h', expected: { pull: 'every_12h' } },
  { name: 'pull_policy unknown', yaml: 'pull_policy: sometimes', expected: {}, diagnostics: ['compose/invalid-value@1:14'] },
  { name: "user 'uid:gid'", yaml: 'user: "1000:1000"', expected: { user: '1000:1000' } },
  { name: 'user as a number', yaml: 'user: 1000', expected: { user: '1000' } },
  { name: 'booleans, also as strings', yaml: 'read_only: true\ninit: "yes"\ntty: "false"', expected: { ro: true, init: true, tty: false } },
  { name: 'bad boolean', yaml: 'read_only: maybe', expected: {}, diagnostics: ['compose/invalid-value@1:12'] },
  { name: 'scale', yaml: 'scale: 2', expected: { scale: 2 } },
  { name: 'working_dir', yaml: 'working_dir: /app', expected: { wd: '/app' } },
  { name: 'hostname as a list', yaml: 'hostname: [a]', expected: {}, diagnostics: ['compose/invalid-type@1:11'] },
]);

describeTable('string lists', (s) => [s.dns, s.dnsSearch, s.dnsOpt, s.capAdd, s.capDrop, s.securityOpt, s.profiles], [
  { name: 'dns as a string', yaml: 'dns: 8.8.8.8', expected: [['8.8.8.8'], [], [], [], [], [], []] },
  { name: 'dns_search as a list', yaml: 'dns_search: [a.example, b.example]', expected: [[], ['a.example', 'b.example'], [], [], [], [], []] },
  { name: 'every list key', yaml: 'dns_opt: [use-vc]\ncap_add: [NET_ADMIN]\ncap_drop: [ALL]\nsecurity_opt: [no-new-privileges:true]\nprofiles: [debug]', expected: [[], [], ['use-vc'], ['NET_ADMIN'], ['ALL'], ['no-new-privileges:true'], ['debug']] },
]);

describeTable('build', (s) => s.build, [
  { name: 'a string', yaml: 'build: ./web', expected: { context: `${WORKING_DIR}/web`, args: [] } },
  { name: 'a git URL stays as written', yaml: 'build: https://github.com/docker/rootfs.git#main', expected: { context: 'https://github.com/docker/rootfs.git#main', args: [] } },
  {
    name: 'long syntax',
    yaml: 'build:\n  context: backend\n  dockerfile: Dockerfile.dev\n  target: builder\n  args:\n    - VERSION=1\n    - GIT_SHA\n  cache_from: [a]',
    env: { GIT_SHA: 'abc' },
    expected: {
      context: `${WORKING_DIR}/backend`,
      dockerfile: 'Dockerfile.dev',
      target: 'builder',
      args: [{ name: 'VERSION', value: '1' }, { name: 'GIT_SHA', value: 'abc', keyOnly: true }],
      other: { cache_from: { value: ['a'] } },
    },
  },
  { name: 'long syntax without context', yaml: 'build:\n  dockerfile: x', expected: { context: WORKING_DIR, dockerfile: 'x', args: [] } },
]);

describe('every other key is kept', () => {
  test('untyped spec keys go to other, x- keys to extensions, extends is dropped', () => {
    const { service, diagnostics } = normalizeService('devices: ["/dev/ttyUSB0:/dev/ttyUSB0"]\ncgroup: host\nextends: base\nx-shipshape:\n  serviceType: LoadBalancer\nlogging:\n  driver: json-file');
    expect(diagnostics).toEqual([]);
    expect(Object.keys(service.other)).toEqual(['devices', 'cgroup']);
    expect(service.other.devices!.value).toEqual(['/dev/ttyUSB0:/dev/ttyUSB0']);
    expect(service.extensions['x-shipshape']!.value).toEqual({ serviceType: 'LoadBalancer' });
    expect(service.logging!.value).toEqual({ driver: 'json-file' });
    expect(Object.keys(service.keys)).toEqual(['image', 'devices', 'cgroup', 'extends', 'x-shipshape', 'logging']);
  });

  test('the typed keys are keys of the specification', async () => {
    const { readFileSync } = await import('node:fs');
    const { vendoredComposeSpec } = await import('../../helpers/corpus.js');
    const schema = JSON.parse(readFileSync(vendoredComposeSpec, 'utf8')) as { $defs: { service: { properties: object } } };
    const specKeys = Object.keys(schema.$defs.service.properties);
    expect(TYPED_SERVICE_KEYS.filter((k) => !specKeys.includes(k))).toEqual([]);
  });

  test('a service with neither image nor build is reported at its name', () => {
    const { diagnostics } = normalizeText('services:\n  lonely:\n    command: x\n');
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['compose/invalid-value@2:3']);
  });

  test('a service written as null is kept (and reported)', () => {
    const { project, diagnostics } = normalizeText('services:\n  empty:\n');
    expect(project.services.map((s) => s.name)).toEqual(['empty']);
    expect(diagnostics).toHaveLength(1);
  });

  test('row positions helper counts within the row', () => {
    expect(rowCodes([{ code: 'c', severity: 'error', message: '', file: 'f', line: 4, column: 5 }])).toEqual(['c@1:1']);
  });
});

describeTable('gpus', (s) => s.gpus, [
  { name: 'all', yaml: 'gpus: all', expected: 'all' },
  { name: 'device requests', yaml: 'gpus:\n  - driver: nvidia\n    count: 2', expected: [{ capabilities: [], deviceIds: [], driver: 'nvidia', count: 2 }] },
  { name: 'a bad string', yaml: 'gpus: some', diagnostics: ['compose/invalid-value@1:7'] },
]);

describe('services of the wrong shape', () => {
  test('a service written as a string is reported once and left out', () => {
    const { project, diagnostics } = normalizeText('services:\n  web: nginx\n');
    expect(project.services).toEqual([]);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['compose/invalid-type@2:8']);
  });
});
