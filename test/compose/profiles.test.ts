import { describe, expect, test } from 'vitest';
import { plainOf } from '../../src/compose/located-nodes.js';
import { activeProfiles, applyProfiles } from '../../src/compose/profiles.js';
import { isValidProjectName, normalizeProjectName, projectName } from '../../src/compose/project-name.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseLocatedStream, type LocatedMap, type LocatedScalar } from '../../src/source/index.js';

const project = parseLocatedStream({
  path: 'c.yaml',
  text: 'services:\n  always: {image: a}\n  debug: {image: b, profiles: [debug]}\n  ops: {image: c, profiles: [ops, metrics]}\n',
}).documents[0] as LocatedMap;

const enabled = (active: string[]) => {
  const { root, disabled } = applyProfiles(project, active);
  return { services: Object.keys((plainOf(root) as { services: object }).services), disabled: Object.fromEntries(disabled) };
};

describe('profiles', () => {
  test('--profile values win over COMPOSE_PROFILES', () => {
    expect(activeProfiles(['a', 'b'], { COMPOSE_PROFILES: 'c' })).toEqual(['a', 'b']);
  });
  test('COMPOSE_PROFILES is comma-separated, blanks ignored', () => {
    expect(activeProfiles([], { COMPOSE_PROFILES: 'a, b,,a' })).toEqual(['a', 'b']);
  });
  test('no active profile: only services without profiles', () => {
    expect(enabled([])).toEqual({ services: ['always'], disabled: { debug: ['debug'], ops: ['ops', 'metrics'] } });
  });
  test('one of a service’s profiles enables it', () => {
    expect(enabled(['metrics']).services).toEqual(['always', 'ops']);
  });
  test('* enables every profile', () => {
    expect(enabled(['*']).services).toEqual(['always', 'debug', 'ops']);
  });
});

describe('project name', () => {
  const declared = (value: string): LocatedScalar => ({ kind: 'scalar', value, style: 'plain', span: { file: 'c.yaml', line: 1, column: 7, endLine: 1, endColumn: 7 + value.length } });
  const pick = (sources: Parameters<typeof projectName>[0]) => {
    const diagnostics: Diagnostic[] = [];
    return { name: projectName(sources, (d) => diagnostics.push(d)), codes: diagnostics.map((d) => d.code) };
  };

  test('-p, then COMPOSE_PROJECT_NAME, then the top-level name, then the directory', () => {
    expect(pick({ option: 'opt', environment: 'env', fromFiles: declared('file'), workingDir: '/x/dir' }).name).toBe('opt');
    expect(pick({ environment: 'env', fromFiles: declared('file'), workingDir: '/x/dir' }).name).toBe('env');
    expect(pick({ fromFiles: declared('file'), workingDir: '/x/dir' }).name).toBe('file');
    expect(pick({ workingDir: '/x/My.Project_1' }).name).toBe('myproject_1');
  });
  test('a declared name must already be valid', () => {
    expect(pick({ fromFiles: declared('My App'), workingDir: '/x/dir' })).toEqual({ name: 'myapp', codes: ['compose/invalid-project-name'] });
  });
  test('names', () => {
    expect(isValidProjectName('shop-1_a')).toBe(true);
    expect(isValidProjectName('-shop')).toBe(false);
    expect(normalizeProjectName('__Awesome Compose!')).toBe('awesomecompose');
  });
});
