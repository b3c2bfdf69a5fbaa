import { describe, expect, test } from 'vitest';
import { parseUser } from '../../src/translate/security.js';
import { validateObject } from '../../src/k8s/schema/index.js';
import { at, containerOf, convert, find, project, service } from './model-builder.js';

describe('parseUser', () => {
  test.each([
    ['1000', { uid: 1000 }],
    ['1000:1001', { uid: 1000, gid: 1001 }],
    ['root', { uid: 0 }],
    ['postgres', { unresolved: 'postgres' }],
    ['1000:staff', { uid: 1000, unresolved: 'staff' }],
  ])('%s', (user, expected) => {
    expect(parseUser(user)).toEqual(expected);
  });
});

describe('user and group ids beyond what Kubernetes accepts (0…2^31 - 1): an error at user, the id left out', () => {
  test.each([
    ['2147483647:2147483647', { runAsUser: 2147483647, runAsGroup: 2147483647 }, []],
    ['2147483648', undefined, ['runAsUser']],
    ['99999999999999999999', undefined, ['runAsUser']],
    ['1000:2147483648', { runAsUser: 1000 }, ['runAsGroup']],
    ['2147483648:99999999999999999999', undefined, ['runAsUser', 'runAsGroup']],
  ] as const)('user %s', async (user, securityContext, fields) => {
    const s = service('w', { image: 'x:1', user });
    const result = await convert(project([s]));
    const workload = find(result.objects, 'Deployment', 'w');
    expect(containerOf(workload).securityContext).toEqual(securityContext);
    expect(result.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, field: /gives (\w+)/.exec(d.message)?.[1] })).sort((a, b) => a.field!.localeCompare(b.field!))).toEqual(
      fields.map((field) => ({ code: 'convert/out-of-range', ...at(s, 'user'), field })).sort((a, b) => a.field.localeCompare(b.field)),
    );
    expect(validateObject(workload)).toEqual({ status: 'valid' });
  });
});
