import { describe, expect, test } from 'vitest';
import type { Dependency } from '../../src/compose/model.js';
import { DEPENDS_ON_ANNOTATION, WAIT_IMAGE } from '../../src/translate/dependencies.js';
import { convert, find, podSpecOf, port, project, service, span } from './model-builder.js';

const dep = (name: string, condition: Dependency['condition'] = 'service_started', required = true): Dependency => ({ span: span(), keys: { condition: span() }, service: name, condition, restart: false, required });

describe('depends_on', () => {
  test('an annotation on the workload and a note', async () => {
    const web = service('web', { image: 'x:1', dependsOn: [dep('db'), dep('cache')] });
    const result = await convert(project([web, service('db', { image: 'pg:1', ports: [port('5432')] }), service('cache', { image: 'r:1', ports: [port('6379')] })]));
    expect(find(result.objects, 'Deployment', 'web').metadata.annotations).toEqual({ [DEPENDS_ON_ANNOTATION]: 'db,cache' });
    expect(result.diagnostics).toMatchObject([{ code: 'convert/depends-on', severity: 'info', line: web.keys.depends_on!.line }]);
  });
  test('a dependency without ports: a warning at the dependency', async () => {
    const d = dep('worker');
    const result = await convert(project([service('web', { image: 'x:1', dependsOn: [d] }), service('worker', { image: 'w:1' })]));
    expect(result.diagnostics.find((x) => x.code === 'convert/unreachable-dependency')).toMatchObject({ severity: 'warning', line: d.span.line });
  });
  test('--wait-for-deps: an init container per dependency waiting for its Service port', async () => {
    const result = await convert(project([service('web', { image: 'x:1', dependsOn: [dep('db', 'service_healthy')] }), service('db', { image: 'pg:1', ports: [port('15432:5432')] })]), { waitForDeps: true });
    const init = podSpecOf(find(result.objects, 'Deployment', 'web')).initContainers;
    expect(init).toHaveLength(1);
    expect(init[0]).toMatchObject({ name: 'wait-for-db', image: WAIT_IMAGE });
    expect(init[0].command.join(' ')).toContain('nc -z -w 2 db 15432');
    expect(result.diagnostics).toEqual([]);
  });
  test.each([
    ['with --wait-for-deps', true, []],
    ['without --wait-for-deps', false, ['convert/depends-on']],
  ])('service_completed_successfully cannot be awaited, %s: one warning at the condition', async (_name, waitForDeps, others) => {
    const d = dep('migrate', 'service_completed_successfully');
    const result = await convert(project([service('web', { image: 'x:1', dependsOn: [d] }), service('migrate', { image: 'm:1', ports: [port('1')] })]), { waitForDeps });
    expect(podSpecOf(find(result.objects, 'Deployment', 'web')).initContainers).toBeUndefined();
    expect(find(result.objects, 'Deployment', 'web').metadata.annotations).toEqual({ [DEPENDS_ON_ANNOTATION]: 'migrate' });
    const conditions = result.diagnostics.filter((x) => x.code === 'convert/dependency-condition');
    expect(conditions).toMatchObject([{ severity: 'warning', line: d.keys.condition!.line, column: d.keys.condition!.column }]);
    expect(result.diagnostics.filter((x) => x.code !== 'convert/dependency-condition').map((x) => x.code)).toEqual(others);
  });
  test('service_completed_successfully of a dependency without ports: no unreachable warning (nothing waits for it by name)', async () => {
    const d = dep('migrate', 'service_completed_successfully');
    const result = await convert(project([service('web', { image: 'x:1', dependsOn: [d] }), service('migrate', { image: 'm:1' })]));
    expect(result.diagnostics.map((x) => x.code).sort()).toEqual(['convert/dependency-condition', 'convert/depends-on']);
  });
  test('an optional dependency that is not enabled is skipped silently', async () => {
    const result = await convert(project([service('web', { image: 'x:1', dependsOn: [dep('debug', 'service_started', false)] })]));
    expect(result.diagnostics).toEqual([]);
    expect(find(result.objects, 'Deployment', 'web').metadata.annotations).toBeUndefined();
  });
});
