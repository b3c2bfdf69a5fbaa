import { describe, expect, test } from 'vitest';
import { mergeContributions } from '../../src/translate/context.js';
import { createContext, resolveOptionsForTest } from './context-fixture.js';
import { project, service, span } from './model-builder.js';

const newContext = () => createContext(project([service('w', { image: 'x:1' })]), resolveOptionsForTest(), new Map([['w', 'w']]));
const pvc = (size: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { resources: { requests: { storage: size } } } });

describe('emit', () => {
  test('an equal object emitted twice is kept once', () => {
    const ctx = newContext();
    ctx.emit(pvc('1Gi'), span());
    ctx.emit(pvc('1Gi'), span());
    expect(ctx.objects).toHaveLength(1);
    expect(ctx.diagnostics).toEqual([]);
  });
  test('a different object under the same kind and name: an error naming both origins, the first kept', () => {
    const ctx = newContext();
    const first = span();
    const second = span();
    ctx.emit(pvc('1Gi'), first);
    ctx.emit(pvc('5Gi'), second);
    expect(ctx.objects).toEqual([pvc('1Gi')]);
    expect(ctx.diagnostics).toMatchObject([{ code: 'convert/name-collision', severity: 'error', line: second.line, related: [{ line: first.line }] }]);
  });
  test('the same name under two kinds is fine', () => {
    const ctx = newContext();
    ctx.emit(pvc('1Gi'), span());
    ctx.emit({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'data' } }, span());
    expect(ctx.objects).toHaveLength(2);
  });
});

describe('mergeContributions', () => {
  test('volumes by name, init containers once, objects of the pod spec field by field, annotations joined', () => {
    const ctx = newContext();
    const parts = mergeContributions(ctx, span(), [
      { volumes: [{ name: 'data', emptyDir: {} }], podSpec: { securityContext: { sysctls: [] }, hostNetwork: true }, workloadAnnotations: { a: 'x' }, readWriteOnceClaims: ['data'] },
      { volumes: [{ name: 'data', emptyDir: {} }], initContainers: [{ name: 'wait' }, { name: 'wait' }], podSpec: { securityContext: { supplementalGroups: [1] }, hostNetwork: true }, workloadAnnotations: { a: 'y' }, readWriteOnceClaims: ['data'] },
    ]);
    expect(ctx.diagnostics).toEqual([]);
    expect(parts.volumes).toEqual([{ name: 'data', emptyDir: {} }]);
    expect(parts.initContainers).toEqual([{ name: 'wait' }]);
    expect(parts.podSpec).toEqual({ securityContext: { sysctls: [], supplementalGroups: [1] }, hostNetwork: true });
    expect(parts.workloadAnnotations).toEqual({ a: 'x,y' });
    expect(parts.readWriteOnceClaims).toEqual(['data']);
  });
  test('two different volumes under one name, or a pod field with two values: errors', () => {
    const ctx = newContext();
    mergeContributions(ctx, span(), [
      { volumes: [{ name: 'data', emptyDir: {} }], podSpec: { hostname: 'a' } },
      { volumes: [{ name: 'data', hostPath: { path: '/x' } }], podSpec: { hostname: 'b' } },
    ]);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['convert/name-collision', 'convert/pod-conflict']);
  });
});
