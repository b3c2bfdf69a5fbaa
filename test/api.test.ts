// The public API (src/index.ts) end to end, in memory: load → convert → lint → format → diff.
import { describe, expect, test } from 'vitest';
import * as api from '../src/index.js';

const compose = `name: shop
services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    deploy: { replicas: 2 }
  api:
    image: example/api:1.0
    environment: { LOG_LEVEL: debug }
    expose: ["3000"]
`;

async function convert() {
  const host = api.memoryHost({ '/p/compose.yaml': compose });
  const loaded = await api.loadProject({ files: [], envFiles: [], profiles: [], cwd: '/p', env: {}, host });
  expect(loaded.status).toBe('ok');
  const result = await api.translateProject(loaded.project!, { host });
  return { loaded, result };
}

describe('the public API', () => {
  test('a Compose project loads and converts in memory, without errors', async () => {
    const { loaded, result } = await convert();
    expect(loaded.project!.services.map((s) => s.name).sort()).toEqual(['api', 'web']);
    expect(api.hasErrors(result.diagnostics)).toBe(false);
    expect(result.objects.map((o) => `${o.kind}/${(o.metadata as { name: string }).name}`)).toEqual(['Service/api', 'Service/web', 'Deployment/api', 'Deployment/web']);
  });

  test('the converted stream lints with no error and formats as JSON', async () => {
    const { result } = await convert();
    const text = api.toYamlStream(result.objects);
    const file = api.decodeSource('out.yaml', new TextEncoder().encode(text)).value!;
    const linted = api.lint([file]);
    expect(linted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(linted.objects).toHaveLength(4);
    const report = api.formatters.json(
      { diagnostics: linted.diagnostics, rules: api.ruleDescriptors(), objects: linted.objects, files: ['out.yaml'], source: () => text, tool: { name: 'shipshape', version: 'test' } },
      { color: false },
    );
    expect(JSON.parse(report)).toBeTypeOf('object');
    expect(api.formatNames).toContain('sarif');
  });

  test('a lint finding has a position in its file', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: nope}\n  ports: [{port: 80}]\n---\n' +
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n' +
      '  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27"}]}\n';
    const linted = api.lint([api.decodeSource('svc.yaml', new TextEncoder().encode(text)).value!]);
    expect(linted.diagnostics.map((d) => [d.code, d.line])).toContainEqual(['service-selector-mismatch', 5]);
  });

  test('the conversion diffed against itself has no change; a changed image is one change', async () => {
    const { result } = await convert();
    const side = () => api.diffObjectsOfValues(result.objects, { defaultNamespace: 'default' });
    expect(api.diffManifests(side(), side()).counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
    const bumped = structuredClone(result.objects);
    ((bumped[3]!.spec as any).template.spec.containers[0] as { image: string }).image = 'nginx:1.28';
    const diff = api.diffManifests(side(), api.diffObjectsOfValues(bumped, { defaultNamespace: 'default' }));
    expect(diff.counts.changed).toBe(1);
    expect(api.renderers.summary(diff, { color: false, context: 3 })).toContain('Deployment default/web');
  });
});
