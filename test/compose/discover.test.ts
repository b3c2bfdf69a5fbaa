import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { discoverFiles } from '../../src/compose/discover.js';
import type { LoaderContext } from '../../src/compose/loader-context.js';
import { memoryHost } from '../../src/host.js';

async function discover(files: Record<string, string>, given: string[] = [], env: Record<string, string> = {}, cwd = '/p/app') {
  const diagnostics: Diagnostic[] = [];
  const ctx: LoaderContext = { host: memoryHost(files), cwd, report: (d) => diagnostics.push(d), texts: new Map(), parsed: new Map(), unreadable: false };
  const found = await discoverFiles(given, env, ctx);
  return { names: found.map((f) => f.name), refs: found.map((f) => f.ref), diagnostics, unreadable: ctx.unreadable };
}

describe('discoverFiles', () => {
  test('-f files as given, relative to the working directory; - is standard input', async () => {
    const r = await discover({}, ['a.yaml', '-', '/abs/b.yaml']);
    expect(r.refs).toEqual([{ kind: 'file', path: '/p/app/a.yaml' }, { kind: 'stdin' }, { kind: 'file', path: '/abs/b.yaml' }]);
    expect(r.names).toEqual(['a.yaml', '-', '/abs/b.yaml']);
  });

  test('compose.yaml and its override', async () => {
    const r = await discover({ '/p/app/compose.yaml': '', '/p/app/compose.override.yaml': '' });
    expect(r.names).toEqual(['compose.yaml', 'compose.override.yaml']);
  });

  test('each default name is found', async () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']) {
      expect((await discover({ [`/p/app/${name}`]: '' })).names).toEqual([name]);
    }
  });

  test('several default names: the first wins, with a warning', async () => {
    const r = await discover({ '/p/app/docker-compose.yml': '', '/p/app/compose.yaml': '' });
    expect(r.names).toEqual(['compose.yaml']);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['compose/several-files', 'warning']]);
  });

  test('the nearest parent directory holding a file', async () => {
    const r = await discover({ '/p/compose.yaml': '', '/p/docker-compose.override.yml': '' }, [], {}, '/p/app/sub');
    expect(r.refs).toEqual([{ kind: 'file', path: '/p/compose.yaml' }, { kind: 'file', path: '/p/docker-compose.override.yml' }]);
    expect(r.names).toEqual(['../../compose.yaml', '../../docker-compose.override.yml']);
  });

  test('COMPOSE_FILE, split on ":" by default', async () => {
    const r = await discover({ '/p/app/compose.yaml': '' }, [], { COMPOSE_FILE: 'a.yaml:b/c.yaml' });
    expect(r.refs).toEqual([{ kind: 'file', path: '/p/app/a.yaml' }, { kind: 'file', path: '/p/app/b/c.yaml' }]);
  });

  test('COMPOSE_FILE with COMPOSE_PATH_SEPARATOR', async () => {
    const r = await discover({}, [], { COMPOSE_FILE: 'a.yaml;b.yaml', COMPOSE_PATH_SEPARATOR: ';' });
    expect(r.names).toEqual(['a.yaml', 'b.yaml']);
  });

  test('-f wins over COMPOSE_FILE', async () => {
    expect((await discover({}, ['x.yaml'], { COMPOSE_FILE: 'a.yaml' })).names).toEqual(['x.yaml']);
  });

  test('nothing found: one error, unreadable', async () => {
    const r = await discover({ '/p/app/README.md': '' });
    expect(r.names).toEqual([]);
    expect(r.unreadable).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['compose/no-file']);
  });
});
