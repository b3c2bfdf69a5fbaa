import { describe, expect, test } from 'vitest';
import { parseImageReference, type ImageReference } from '../../../src/lint/checks/image-reference.js';

const sha = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  const table: [input: string, expected: ImageReference][] = [
    ['nginx', { path: 'nginx' }],
    ['nginx:1.27', { path: 'nginx', tag: '1.27' }],
    ['nginx:latest', { path: 'nginx', tag: 'latest' }],
    ['library/nginx:1.27-alpine', { path: 'library/nginx', tag: '1.27-alpine' }],
    ['docker.io/library/nginx', { registry: 'docker.io', path: 'library/nginx' }],
    ['localhost:5000/app', { registry: 'localhost:5000', path: 'app' }],
    ['localhost/app:v2', { registry: 'localhost', path: 'app', tag: 'v2' }],
    ['registry.example.com:5000/team/app:1.2.3', { registry: 'registry.example.com:5000', path: 'team/app', tag: '1.2.3' }],
    ['10.0.0.5:5000/app', { registry: '10.0.0.5:5000', path: 'app' }],
    ['[fd00::5]:5000/app:1', { registry: '[fd00::5]:5000', path: 'app', tag: '1' }],
    [`app@${sha}`, { path: 'app', digest: sha }],
    [`gcr.io/p/app:1.0@${sha}`, { registry: 'gcr.io', path: 'p/app', tag: '1.0', digest: sha }],
    ['my_org/my-app__x:1', { path: 'my_org/my-app__x', tag: '1' }],
    ['Registry/app', { registry: 'Registry', path: 'app' }],
  ];
  test.each(table)('%s', (input, expected) => {
    expect(parseImageReference(input)).toEqual({ ok: true, reference: expected });
  });

  test.each([
    ['', 'empty'],
    ['nginx 1.2', 'whitespace'],
    ['Nginx', 'component'],
    ['app:', 'tag'],
    ['app:-1', 'tag'],
    ['app@sha256:123', 'digest'],
    ['team//app', 'empty component'],
    ['reg.io:port/app', 'port'],
    ['-reg.io/app', 'registry host'],
    ['${IMAGE}', 'component'],
    ['{{ .Values.image }}', 'whitespace'],
  ])('refuses %j (%s)', (input, reason) => {
    const r = parseImageReference(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});
