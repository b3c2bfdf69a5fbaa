import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FieldPath } from '../../../src/diagnostics.js';
import { isBuiltinKind, listMapKeys, resourceScope, validateObject } from '../../../src/k8s/schema/index.js';

const identities = [
  ['apps/v1', 'Deployment'],
  ['v1', 'Service'],
  ['v1', 'Pod'],
  ['v1', 'Secret'],
  ['batch/v1', 'CronJob'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
  ['__proto__', 'toString'],
  ['v1', 'constructor'],
  ['example.com/v1', 'Widget'],
] as const;

function pathExists(object: unknown, path: FieldPath): boolean {
  let value = object;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return false;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return true;
}

/** JSON-like values whose keys are often real field names, so validation goes deep. */
const fieldNames = fc.constantFrom('metadata', 'spec', 'template', 'containers', 'name', 'image', 'ports', 'containerPort', 'selector', 'data', 'labels', 'replicas', 'env', 'value', 'x', '$patch', '__proto__');
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  map: fc.dictionary(fc.oneof(fieldNames, fc.string()), tie('value'), { maxKeys: 5 }),
})).map;

describe('never throws on bad input', () => {
  test('validateObject: any object; violations point at fields that exist', () => {
    fc.assert(
      fc.property(fc.constantFrom(...identities), json, json, (identity, metadata, spec) => {
        const object: Record<string, unknown> = { apiVersion: identity[0], kind: identity[1], metadata, spec };
        const result = validateObject(JSON.parse(JSON.stringify(object)) as Record<string, unknown>);
        if (result.status === 'invalid') {
          for (const v of result.violations) expect(pathExists(object, v.path), JSON.stringify(v)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('lookups with odd names', () => {
    for (const [apiVersion, kind] of identities) {
      expect(() => [isBuiltinKind(apiVersion, kind), resourceScope(apiVersion, kind), listMapKeys(apiVersion, kind, ['__proto__', 'x'])]).not.toThrow();
    }
    expect(isBuiltinKind('__proto__', 'toString')).toBe(false);
    // An apiVersion without a slash is a version of the core group.
    expect(validateObject({ apiVersion: '__proto__', kind: 'toString' })).toMatchObject({ status: 'invalid', violations: [{ keyword: 'apiVersion' }] });
    expect(validateObject({ apiVersion: 'example.com/v1', kind: 'constructor' })).toEqual({ status: 'unknown' });
  });
});
