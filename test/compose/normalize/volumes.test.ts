import { describe, expect, test } from 'vitest';
import { splitVolumeSpec } from '../../../src/compose/normalize/volumes.js';
import { HOME, WORKING_DIR, describeTable, normalizeService, rowPosition } from './harness.js';

const short = { syntax: 'short', readOnly: false };
const bind = (source: string, resolved: string, target: string, extra: object = {}) => ({ type: 'bind', target, ...short, source, resolved, createHostPath: true, ...extra });
const volume = (target: string, extra: object = {}) => ({ type: 'volume', target, ...short, nocopy: false, ...extra });

describeTable('volumes: short syntax', (s) => s.volumes, [
  { name: "'./a:/b:ro'", yaml: 'volumes: ["./a:/b:ro"]', expected: [bind('./a', `${WORKING_DIR}/a`, '/b', { readOnly: true })] },
  { name: "'/abs:/x:rw,z'", yaml: 'volumes: ["/abs:/x:rw,z"]', expected: [bind('/abs', '/abs', '/x', { selinux: 'z' })] },
  { name: "'/abs:/x:Z,rshared'", yaml: 'volumes: ["/abs:/x:Z,rshared"]', expected: [bind('/abs', '/abs', '/x', { selinux: 'Z', propagation: 'rshared' })] },
  { name: "'named:/data:nocopy'", yaml: 'volumes: ["named:/data:nocopy"]', expected: [volume('/data', { source: 'named', nocopy: true })] },
  { name: "'named:/data'", yaml: 'volumes: ["named:/data"]', expected: [volume('/data', { source: 'named' })] },
  { name: "'/anonymous'", yaml: 'volumes: ["/anonymous"]', expected: [volume('/anonymous')] },
  { name: "'~/x:/y'", yaml: 'volumes: ["~/x:/y"]', expected: [bind('~/x', `${HOME}/x`, '/y')] },
  { name: "'../up:/y' (outside the project)", yaml: 'volumes: ["../up:/y"]', expected: [bind('../up', '/up', '/y')] },
  { name: "'.:/app' (the project directory)", yaml: 'volumes: [".:/app"]', expected: [bind('.', WORKING_DIR, '/app')] },
  { name: "'/etc/x/:/etc/x/' (trailing slashes)", yaml: 'volumes: ["/etc/x/:/etc/x/"]', expected: [bind('/etc/x/', '/etc/x', '/etc/x')] },
  { name: "'/a:/b:ro,nocopy' (nocopy on a bind)", yaml: 'volumes: ["/a:/b:ro,nocopy"]', expected: [bind('/a', '/a', '/b', { readOnly: true })], diagnostics: ['compose/ignored-value@1:11'] },
  { name: "'v:/b:cached' (unknown option)", yaml: 'volumes: ["v:/b:cached"]', expected: [volume('/b', { source: 'v' })], diagnostics: ['compose/ignored-value@1:11'] },
  { name: "'a:b:c:d' (too many colons)", yaml: 'volumes: ["/a:/b:ro:x"]', diagnostics: ['compose/invalid-value@1:11'] },
  { name: "'/a::/b' (empty section)", yaml: 'volumes: ["/a::/b"]', diagnostics: ['compose/invalid-value@1:11'] },
  { name: "'/a:relative' (target not absolute)", yaml: 'volumes: ["/a:relative"]', diagnostics: ['compose/invalid-value@1:11'] },
  { name: 'a number', yaml: 'volumes: [1]', diagnostics: ['compose/invalid-type@1:11'] },
]);

const long = { syntax: 'long', readOnly: false };

describeTable('volumes: long syntax', (s) => s.volumes, [
  {
    name: 'bind with create_host_path, propagation, selinux, recursive',
    yaml: 'volumes:\n  - type: bind\n    source: ./conf\n    target: /etc/conf\n    read_only: true\n    bind:\n      create_host_path: true\n      propagation: rslave\n      selinux: z\n      recursive: readonly',
    expected: [{ type: 'bind', target: '/etc/conf', ...long, readOnly: true, source: './conf', resolved: `${WORKING_DIR}/conf`, createHostPath: true, propagation: 'rslave', selinux: 'z', recursive: 'readonly' }],
  },
  {
    name: 'bind without create_host_path (docker compose creates the path)',
    yaml: 'volumes:\n  - type: bind\n    source: /srv\n    target: /srv',
    expected: [{ type: 'bind', target: '/srv', ...long, source: '/srv', resolved: '/srv', createHostPath: true }],
  },
  {
    name: 'bind with create_host_path: false',
    yaml: 'volumes:\n  - type: bind\n    source: /srv\n    target: /srv\n    bind:\n      create_host_path: false',
    expected: [{ type: 'bind', target: '/srv', ...long, source: '/srv', resolved: '/srv', createHostPath: false }],
  },
  {
    name: 'volume with nocopy and subpath',
    yaml: 'volumes:\n  - type: volume\n    source: data\n    target: /data\n    volume:\n      nocopy: true\n      subpath: sub/dir',
    expected: [{ type: 'volume', target: '/data', ...long, source: 'data', nocopy: true, subpath: 'sub/dir' }],
  },
  { name: 'anonymous volume', yaml: 'volumes:\n  - type: volume\n    target: /cache', expected: [{ type: 'volume', target: '/cache', ...long, nocopy: false }] },
  {
    name: 'tmpfs with size and mode',
    yaml: 'volumes:\n  - type: tmpfs\n    target: /tmp\n    tmpfs:\n      size: 64m\n      mode: 01777',
    expected: [{ type: 'tmpfs', target: '/tmp', ...long, size: 64 * 1024 ** 2, mode: 0o1777 }],
  },
  { name: 'tmpfs size as a number', yaml: 'volumes:\n  - type: tmpfs\n    target: /tmp\n    tmpfs:\n      size: 1000', expected: [{ type: 'tmpfs', target: '/tmp', ...long, size: 1000 }] },
  { name: 'npipe', yaml: 'volumes:\n  - type: npipe\n    source: \\\\.\\pipe\\docker_engine\n    target: /pipe', expected: [{ type: 'npipe', target: '/pipe', ...long, source: '\\\\.\\pipe\\docker_engine' }] },
  { name: 'cluster', yaml: 'volumes:\n  - type: cluster\n    source: vol\n    target: /c', expected: [{ type: 'cluster', target: '/c', ...long, source: 'vol' }] },
  { name: 'image with subpath', yaml: 'volumes:\n  - type: image\n    source: alpine\n    target: /img\n    image:\n      subpath: etc', expected: [{ type: 'image', target: '/img', ...long, source: 'alpine', subpath: 'etc' }] },
  { name: 'read_only as a string (interpolated)', yaml: 'volumes:\n  - type: volume\n    source: v\n    target: /v\n    read_only: "true"', expected: [{ type: 'volume', target: '/v', ...long, readOnly: true, source: 'v', nocopy: false }] },
  { name: 'unknown type', yaml: 'volumes:\n  - type: nfs\n    target: /x', diagnostics: ['compose/invalid-value@2:11'] },
  { name: 'no type', yaml: 'volumes:\n  - target: /x', diagnostics: ['compose/invalid-value@2:5'] },
  { name: 'no target', yaml: 'volumes:\n  - type: volume\n    source: v', diagnostics: ['compose/invalid-value@2:5'] },
  { name: 'bind without source', yaml: 'volumes:\n  - type: bind\n    target: /x', diagnostics: ['compose/invalid-value@2:5'] },
  { name: 'bad selinux', yaml: 'volumes:\n  - type: bind\n    source: /a\n    target: /x\n    bind:\n      selinux: q', expected: [{ type: 'bind', target: '/x', ...long, source: '/a', resolved: '/a', createHostPath: true }], diagnostics: ['compose/invalid-value@6:16'] },
  { name: 'bad tmpfs size', yaml: 'volumes:\n  - type: tmpfs\n    target: /t\n    tmpfs:\n      size: lots', expected: [{ type: 'tmpfs', target: '/t', ...long }], diagnostics: ['compose/invalid-value@5:13'] },
]);

describeTable('tmpfs key', (s) => s.tmpfs, [
  { name: 'a string', yaml: 'tmpfs: /run', expected: [{ type: 'tmpfs', target: '/run', readOnly: false, syntax: 'short' }] },
  { name: 'a list', yaml: 'tmpfs:\n  - /run\n  - /tmp', expected: [{ type: 'tmpfs', target: '/run', readOnly: false, syntax: 'short' }, { type: 'tmpfs', target: '/tmp', readOnly: false, syntax: 'short' }] },
  { name: 'size= and mode=', yaml: 'tmpfs: ["/run:size=64m,mode=1777"]', expected: [{ type: 'tmpfs', target: '/run', readOnly: false, syntax: 'short', size: 64 * 1024 ** 2, mode: 0o1777 }] },
  { name: 'other options kept', yaml: 'tmpfs: ["/run:rw,noexec,nosuid,size=65536k,uid=1000"]', expected: [{ type: 'tmpfs', target: '/run', readOnly: false, syntax: 'short', size: 65536 * 1024, options: ['noexec', 'nosuid', 'uid=1000'] }] },
  { name: 'ro', yaml: 'tmpfs: ["/run:ro"]', expected: [{ type: 'tmpfs', target: '/run', readOnly: true, syntax: 'short' }] },
  { name: 'unreadable size kept as an option', yaml: 'tmpfs: ["/run:size=50%"]', expected: [{ type: 'tmpfs', target: '/run', readOnly: false, syntax: 'short', options: ['size=50%'] }], diagnostics: ['compose/invalid-value@1:9'] },
  { name: 'relative path', yaml: 'tmpfs: run', diagnostics: ['compose/invalid-value@1:8'] },
]);

describe('volumes: spans, keys, splitting', () => {
  test('long syntax keys include the nested option keys under dotted names', () => {
    const { service } = normalizeService('volumes:\n  - type: bind\n    source: /a\n    target: /b\n    bind:\n      propagation: shared');
    expect(Object.keys(service.volumes[0]!.keys)).toEqual(['type', 'source', 'target', 'bind', 'bind.propagation']);
    expect(rowPosition(service.volumes[0]!.keys['bind.propagation']!)).toBe('6:7');
  });

  test('HOME unset: ~ is reported and resolved against the project directory', () => {
    const { service, diagnostics } = normalizeService('volumes: ["~/x:/y"]', { HOME: undefined });
    expect(service.volumes[0]).toMatchObject({ type: 'bind', resolved: `${WORKING_DIR}/x` });
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  test.each([
    ['/a:/b:ro', { source: '/a', target: '/b', options: ['ro'] }],
    ['/x', { target: '/x', options: [] }],
    ['ab', { target: 'ab', options: [] }],
    ['', { reason: 'it is empty' }],
  ])('splitVolumeSpec(%j)', (spec, expected) => {
    expect(splitVolumeSpec(spec)).toEqual(expected);
  });
});
