import { describe, expect, test } from 'vitest';
// The generator is plain JavaScript (scripts/); its pure parts are tested here.
import { strictSchemas, BASE64_PATTERN, QUANTITY_PATTERN } from '../../../scripts/schemas/kubernetes/strict.mjs';
import { listSemantics } from '../../../scripts/schemas/kubernetes/tables.mjs';
import { compact, dropUnusedSchemaConstants } from '../../../scripts/schemas/kubernetes/compile.mjs';
import { validateObject } from '../../../src/k8s/schema/index.js';
import { resourceTable } from '../../../src/k8s/schema/generated.js';

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

describe('strictSchemas', () => {
  const { schemas, leaves } = strictSchemas({
    Thing: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string' },
        port: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
        size: ref('io.k8s.apimachinery.pkg.api.resource.Quantity'),
        when: ref('Time'),
        part: ref('Part'),
        parts: { type: 'array', items: ref('Part') },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        data: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } },
      },
    },
    Part: { type: 'object', properties: { a: { type: 'integer', format: 'int32' }, b: { type: 'integer', format: 'int64' }, c: { type: 'integer' } } },
    Open: { type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-preserve-unknown-fields': true },
    Time: { type: 'string', format: 'date-time' },
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
    'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
  });

  test('plain values are inlined, objects referenced; fields accept null; objects are closed', () => {
    expect([...leaves].sort()).toEqual(['Time', 'io.k8s.apimachinery.pkg.api.resource.Quantity', 'io.k8s.apimachinery.pkg.util.intstr.IntOrString']);
    expect(schemas.Thing).toEqual({
      $id: 'Thing',
      type: 'object',
      k8sRequired: ['name'],
      k8sClosed: true,
      properties: {
        name: { type: 'string', nullable: true },
        port: { k8sIntOrString: true },
        size: { k8sQuantity: true },
        when: { type: 'string', nullable: true },
        part: { k8sRefOrNull: 'Part' },
        parts: { type: 'array', nullable: true, items: { k8sRef: 'Part' } },
        labels: { type: 'object', nullable: true, additionalProperties: { type: 'string', nullable: true } },
        data: { type: 'object', nullable: true, additionalProperties: { type: 'string', nullable: true, k8sBase64: true } },
      },
    });
    expect(schemas.Part).toEqual({
      $id: 'Part',
      type: 'object',
      k8sClosed: true,
      properties: { a: { type: 'integer', k8sInt32: true, nullable: true }, b: { type: 'integer', k8sInt64: true, nullable: true }, c: { type: 'integer', nullable: true } },
    });
  });

  test('x-kubernetes-preserve-unknown-fields keeps an object open', () => {
    expect(schemas.Open).toMatchObject({ additionalProperties: true });
    expect(schemas.Open).not.toHaveProperty('k8sClosed');
  });
});

describe('value patterns', () => {
  const quantity = new RegExp(QUANTITY_PATTERN, 'u');
  test.each(['1', '0.5', '.5', '100m', '128Mi', '1Gi', '2k', '1e3', '1.5E-2', '+1', '-2Ki'])('quantity %s', (q) => {
    expect(quantity.test(q)).toBe(true);
  });
  test.each(['1GB', '1 Gi', 'Gi', '', '1gi', '1.2.3', '12x'])('not a quantity: %j', (q) => {
    expect(quantity.test(q)).toBe(false);
  });
  const base64 = new RegExp(BASE64_PATTERN, 'u');
  test.each(['', 'aGVsbG8=', 'aGk=', 'aGVsbG8gd29ybGQh', 'aGVs\nbG8=\n', 'aGVsbG8g\r\nd29y\r\nbGQh'])('base64 %j', (s) => {
    expect(base64.test(s)).toBe(true);
  });
  test.each(['hello', 'aGVsbG8', 'aGVsbG8==x', 'a b=', 'aGk==='])('not base64: %j', (s) => {
    expect(base64.test(s)).toBe(false);
  });
});

describe('listSemantics', () => {
  test.each([
    [{ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['containerPort', 'protocol'] }, { l: 'map', k: ['containerPort', 'protocol'] }],
    [{ 'x-kubernetes-list-type': 'map', 'x-kubernetes-patch-merge-key': 'name' }, { l: 'map', k: ['name'] }],
    [{ 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name' }, { l: 'map', k: ['name'] }],
    [{ 'x-kubernetes-patch-strategy': 'merge,retainKeys', 'x-kubernetes-patch-merge-key': 'name' }, { l: 'map', k: ['name'] }],
    [{ 'x-kubernetes-patch-strategy': 'merge' }, { l: 'set' }],
    [{ 'x-kubernetes-list-type': 'set' }, { l: 'set' }],
    [{ 'x-kubernetes-list-type': 'atomic', 'x-kubernetes-patch-merge-key': 'name' }, { l: 'atomic' }],
    [{}, { l: 'atomic' }],
  ])('%j', (schema, expected) => {
    expect(listSemantics(schema)).toEqual(expected);
  });
});

describe('generated code post-processing', () => {
  test('unread schema constants are cut, read ones kept', () => {
    const source = '"use strict";const schema1 = {"a":"}{\\"","b":[1,{"c":2}]};const schema2 = {"d":1};function v(){return schema2.d;}';
    expect(dropUnusedSchemaConstants(source)).toBe('"use strict";const schema2 = {"d":1};function v(){return schema2.d;}');
  });

  test('compact rewrites ajv error appends and drops schema paths', () => {
    const source = '"use strict";const err0 = {instancePath,schemaPath:"#/x\\"y",keyword:"type",params:{}};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;';
    const out = compact(source);
    expect(out).toContain('const err0 = {instancePath,keyword:"type",params:{}};vErrors = appendError(vErrors, err0);errors++;');
    expect(out).toContain('function appendError(');
    expect(compact('"use strict";x();')).toBe('"use strict";x();');
  });
});

describe('every built-in kind has a working validator', () => {
  test('a bare object of each kind validates or reports only missing required fields', () => {
    const problems: string[] = [];
    for (const [apiVersion, byKind] of Object.entries(resourceTable())) {
      for (const kind of Object.keys(byKind)) {
        const result = validateObject({ apiVersion, kind, metadata: kind.endsWith('List') ? {} : { name: 'x' } });
        if (result.status === 'unknown') problems.push(`${apiVersion} ${kind}: unknown`);
        if (result.status === 'invalid' && result.violations.some((v) => v.keyword !== 'required')) {
          problems.push(`${apiVersion} ${kind}: ${result.violations.map((v) => v.message).join('; ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
