/**
 * Cross-key checks of the loaded project (src/compose/consistency.ts), through the real loader so positions are
 * those of the YAML: `compose/duplicate-mount-target` over volumes, tmpfs, and the files of secrets and configs.
 */
import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/compose/index.js';
import { fileReferenceTarget } from '../../src/compose/consistency.js';
import { memoryHost } from '../../src/host.js';

const DIR = '/p';
const DEFINITIONS = 'secrets:\n  db: {file: ./db.txt}\n  tls: {file: ./tls.txt}\nconfigs:\n  app: {file: ./app.conf}\n  nginx: {file: ./nginx.conf}\n';

async function mountDiagnostics(serviceLines: string) {
  const yaml = `services:\n  web:\n    image: nginx:1\n${serviceLines.replace(/^/gm, '    ')}\n${DEFINITIONS}`;
  const files = { [`${DIR}/compose.yaml`]: yaml, [`${DIR}/db.txt`]: 'x', [`${DIR}/tls.txt`]: 'x', [`${DIR}/app.conf`]: 'x', [`${DIR}/nginx.conf`]: 'x' };
  const result = await loadProject({ files: [`${DIR}/compose.yaml`], envFiles: [], profiles: [], cwd: DIR, env: {}, host: memoryHost(files) });
  return result.diagnostics
    .filter((d) => d.code === 'compose/duplicate-mount-target')
    .map((d) => ({ at: `${d.line}:${d.column}`, related: (d.related ?? []).map((r) => `${r.line}:${r.column}`), message: d.message }));
}

describe('compose/duplicate-mount-target: two mounts on one container path, at the second, the first related', () => {
  // Service lines start at line 4, column 5; a flow list's first item at column 15; a key under a block item at column 9.
  const cases: { name: string; lines: string; expected: { at: string; related: string[]; on: string }[] }[] = [
    { name: 'two volumes', lines: 'volumes: [a:/data, b:/data]', expected: [{ at: '4:24', related: ['4:15'], on: '/data' }] },
    { name: 'a volume and a tmpfs', lines: 'volumes: [a:/cache]\ntmpfs: [/cache]', expected: [{ at: '5:13', related: ['4:15'], on: '/cache' }] },
    {
      name: 'a secret at its default target and a volume there',
      lines: 'volumes: ["./x:/run/secrets/db"]\nsecrets: [db]',
      expected: [{ at: '5:15', related: ['4:15'], on: '/run/secrets/db' }],
    },
    {
      name: 'a secret with an absolute target on a tmpfs',
      lines: 'tmpfs: [/etc/tls]\nsecrets:\n  - source: tls\n    target: /etc/tls',
      expected: [{ at: '7:9', related: ['4:13'], on: '/etc/tls' }],
    },
    {
      name: 'a relative secret target is under /run/secrets',
      lines: 'volumes: ["./pw:/run/secrets/pw"]\nsecrets:\n  - source: db\n    target: pw',
      expected: [{ at: '7:9', related: ['4:15'], on: '/run/secrets/pw' }],
    },
    { name: 'a config at its default target (/<name>) and a volume there', lines: 'volumes: ["./a:/app"]\nconfigs: [app]', expected: [{ at: '5:15', related: ['4:15'], on: '/app' }] },
    {
      name: 'a config target and a bind mount of the same path, written differently',
      lines: 'volumes: ["./n.conf:/etc/nginx/nginx.conf/"]\nconfigs:\n  - source: nginx\n    target: /etc/nginx/./nginx.conf',
      expected: [{ at: '7:9', related: ['4:15'], on: '/etc/nginx/nginx.conf' }],
    },
    {
      name: 'a secret and a config on one path',
      lines: 'secrets:\n  - source: db\n    target: /conf/db\nconfigs:\n  - source: app\n    target: /conf/db',
      expected: [{ at: '9:9', related: ['6:9'], on: '/conf/db' }],
    },
    { name: 'secrets and configs at their own paths', lines: 'volumes: [a:/data]\ntmpfs: [/tmp]\nsecrets: [db, tls]\nconfigs: [app, nginx]', expected: [] },
    { name: 'a config named like a secret: different default directories', lines: 'secrets: [db]\nconfigs:\n  - source: app\n    target: /db', expected: [] },
  ];

  test.each(cases)('$name', async ({ lines, expected }) => {
    const found = await mountDiagnostics(lines);
    expect(found.map(({ at, related }) => ({ at, related }))).toEqual(expected.map(({ at, related }) => ({ at, related })));
    found.forEach((d, i) => expect(d.message).toContain(expected[i]!.on));
  });
});

describe('fileReferenceTarget', () => {
  test.each([
    ['secret', { source: 'db' }, '/run/secrets/db'],
    ['secret', { source: 'db', target: 'pw' }, '/run/secrets/pw'],
    ['secret', { source: 'db', target: '/etc/pw' }, '/etc/pw'],
    ['config', { source: 'app' }, '/app'],
    ['config', { source: 'app', target: 'etc/app.conf' }, '/etc/app.conf'],
    ['config', { source: 'app', target: '/etc/app.conf' }, '/etc/app.conf'],
  ] as const)('%s %j → %s', (kind, ref, expected) => {
    expect(fileReferenceTarget(kind, { ...ref, span: { file: 'c', line: 1, column: 1, endLine: 1, endColumn: 2 }, keys: {} })).toBe(expected);
  });
});
