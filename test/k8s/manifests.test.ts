import { describe, expect, test } from 'vitest';
import { crdScopes, readManifests, toManifestObject, chainScopes } from '../../src/k8s/manifests.js';

const read = (text: string, path = 'm.yaml') => readManifests({ path, text });

describe('readManifests', () => {
  test('every document of a stream', () => {
    const { manifests, diagnostics } = read('apiVersion: v1\nkind: A\n---\n# comment only\n---\napiVersion: v1\nkind: B\n');
    expect(diagnostics).toEqual([]);
    expect(manifests.map((m) => [m.kind, m.doc.start.line])).toEqual([['A', 1], ['B', 6]]);
  });

  test('a List is expanded, items keep their path', () => {
    const { manifests } = read('apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n  - {apiVersion: v1, kind: Secret, metadata: {name: b}}\n');
    expect(manifests.map((m) => [m.kind, m.base])).toEqual([['ConfigMap', ['items', 0]], ['Secret', ['items', 1]]]);
    expect(manifests[1]!.doc.locate([...manifests[1]!.base, 'metadata', 'name'])).toMatchObject({ line: 5, column: 53 });
  });

  test('a typed list lends its apiVersion and kind to items that give none', () => {
    const { manifests } = read('apiVersion: apps/v1\nkind: DeploymentList\nitems:\n  - metadata: {name: a}\n');
    expect(manifests.map((m) => [m.apiVersion, m.kind])).toEqual([['apps/v1', 'Deployment']]);
  });

  test('JSON', () => {
    const { manifests } = read('{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}}]}', 'x.json');
    expect(manifests.map((m) => m.kind)).toEqual(['Service']);
  });

  test.each([
    ['a scalar document', 'just text\n', 'notAManifest', 'info', 1],
    ['a list document', '- a\n- b\n', 'notAManifest', 'info', 1],
    ['a list document after comments', '# tasks\n\n- a\n', 'notAManifest', 'info', 3],
    ['a number', '42\n', 'notAManifest', 'info', 1],
    ['another kind of file (package.json)', '{"name": "app", "version": "1.0.0"}', 'notAManifest', 'info', 1],
    ['no kind', 'apiVersion: v1\nmetadata: {name: x}\n', 'missingTypeMeta', 'error', 1],
    ['no apiVersion', '# c\nkind: Service\nmetadata: {name: x}\n', 'missingTypeMeta', 'error', 2],
    ['a List item without kind', 'apiVersion: v1\nkind: List\nitems:\n  - {metadata: {name: a}}\n', 'missingTypeMeta', 'error', 4],
    ['a List item that is not a mapping', 'apiVersion: v1\nkind: List\nitems:\n  - just text\n', 'notAnObject', 'error', 4],
    ['a List whose items are a mapping (a forgotten -)', 'apiVersion: v1\nkind: List\nitems:\n  apiVersion: v1\n  kind: ConfigMap\n', 'badListItems', 'error', 4],
    ['an apiVersion that is not a string', 'apiVersion: 5\nkind: Service\n', 'badTypeMeta', 'error', 1],
    ['a kind that is not a string', 'apiVersion: v1\n\nkind: [x]\n', 'badTypeMeta', 'error', 3],
  ])('%s is reported, not linted', (_name, text, messageId, severity, line) => {
    const { manifests, diagnostics } = read(text);
    expect(manifests).toEqual([]);
    expect(diagnostics).toMatchObject([{ code: 'schema', messageId, severity, line }]);
  });

  test('a strategic-merge patch document is not an object', () => {
    const { manifests, diagnostics } = read('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: loadgenerator}\n$patch: delete\n');
    expect(manifests).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  test('a YAML error in one document leaves the others', () => {
    const { manifests, diagnostics } = read('apiVersion: v1\nkind: A\n---\na: [\n---\napiVersion: v1\nkind: B\n');
    expect(manifests.map((m) => m.kind)).toEqual(['A', 'B']);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 5 });
  });
});

describe('toManifestObject', () => {
  const one = (text: string, defaultNamespace = 'default', scope?: Parameters<typeof toManifestObject>[1]['scope']) =>
    toManifestObject(read(text).manifests[0]!, { defaultNamespace, ...(scope ? { scope } : {}) });

  test('identity, labels, annotations', () => {
    const o = one('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop, labels: {app: web, n: 1}, annotations: {a: b}}\n');
    expect(o).toMatchObject({ apiVersion: 'apps/v1', group: 'apps', kind: 'Deployment', name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { a: 'b' } });
    expect(o.ref).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' });
  });

  test('namespaced objects without a namespace get the default one', () => {
    expect(one('apiVersion: v1\nkind: Service\nmetadata: {name: s}\n', 'prod').namespace).toBe('prod');
  });

  test('cluster-scoped kinds have none, even when one is written', () => {
    expect(one('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r, namespace: x}\n').namespace).toBeUndefined();
  });

  test('the scope resolver is asked first; built-in knowledge is the fallback', () => {
    const o = one('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n', 'default', () => 'Cluster');
    expect(o.namespace).toBeUndefined();
  });

  test('CustomResourceDefinitions in the input declare the scope of their kinds', () => {
    const { manifests } = read(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec: {group: example.com, scope: Cluster, names: {kind: Widget, plural: widgets}}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
`);
    const scope = chainScopes(crdScopes(manifests));
    expect(toManifestObject(manifests[1]!, { defaultNamespace: 'default', scope }).namespace).toBeUndefined();
    expect(toManifestObject(manifests[1]!, { defaultNamespace: 'default' }).namespace).toBe('default');
  });
});
