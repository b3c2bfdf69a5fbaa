import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  DEPENDENCY_KEYS, DEPLOY_KEYS, DEVICE_KEYS, HEALTHCHECK_KEYS, PLACEMENT_KEYS, PORT_KEYS, RESOURCE_LIMIT_KEYS, RESOURCE_RESERVATION_KEYS,
  RESOURCES_KEYS, RESTART_POLICY_KEYS, SERVICE_KEYS, SERVICE_NETWORK_KEYS, UPDATE_CONFIG_KEYS, type KeyHandling,
} from '../../src/translate/unsupported.js';
import { vendoredComposeSpec } from '../helpers/corpus.js';
import { convert, project, service, span } from './model-builder.js';

const spec = JSON.parse(readFileSync(vendoredComposeSpec, 'utf8')) as { $defs: Record<string, any> };
const defs = spec.$defs;
const props = (schema: any): string[] => Object.keys(schema?.properties ?? {}).sort();
const objectOf = (schema: any): any => (schema.oneOf ?? schema.anyOf ?? [schema]).find((s: any) => s.type === 'object' || s.properties) ?? schema;
const mapValueOf = (schema: any): any => {
  const obj = objectOf(schema);
  const value = Object.values(obj.patternProperties ?? {})[0] as any;
  return objectOf(value?.oneOf ? value.oneOf.find((s: any) => s.type === 'object') ?? value : value);
};

const deployment = defs.deployment.properties;
const tables: [string, Readonly<Record<string, KeyHandling>>, string[]][] = [
  ['service', SERVICE_KEYS, props(defs.service)],
  ['deploy', DEPLOY_KEYS, props(defs.deployment)],
  ['deploy.resources', RESOURCES_KEYS, props(deployment.resources)],
  ['deploy.resources.limits', RESOURCE_LIMIT_KEYS, props(deployment.resources.properties.limits)],
  ['deploy.resources.reservations', RESOURCE_RESERVATION_KEYS, props(deployment.resources.properties.reservations)],
  ['devices', DEVICE_KEYS, props(defs.devices.items)],
  ['restart_policy', RESTART_POLICY_KEYS, props(deployment.restart_policy)],
  ['update_config', UPDATE_CONFIG_KEYS, props(deployment.update_config)],
  ['placement', PLACEMENT_KEYS, props(deployment.placement)],
  ['healthcheck', HEALTHCHECK_KEYS, props(defs.healthcheck)],
  ['ports[]', PORT_KEYS, props(objectOf(defs.service.properties.ports.items))],
  ['depends_on', DEPENDENCY_KEYS, props(mapValueOf(defs.service.properties.depends_on))],
  ['networks', SERVICE_NETWORK_KEYS, props(mapValueOf(defs.service.properties.networks))],
];

describe('the key registry covers the Compose specification', () => {
  test.each(tables)('%s: every key of the specification is handled or has a reason', (_name, table, specKeys) => {
    expect(specKeys.length).toBeGreaterThan(0);
    expect(specKeys.filter((k) => !(k in table))).toEqual([]);
  });
  test.each(tables)('%s: every key of the table exists in the specification', (_name, table, specKeys) => {
    expect(Object.keys(table).filter((k) => !specKeys.includes(k) && !k.startsWith('x-'))).toEqual([]);
  });
  test.each(tables)('%s: reasons are sentences without a trailing period', (_name, table) => {
    for (const handling of Object.values(table)) if ('dropped' in handling) expect(handling.dropped).toMatch(/^[^.].*[^.]$/);
  });
});

describe('dropped and unknown keys are reported at their position', () => {
  const dropped = Object.entries(SERVICE_KEYS).filter(([, h]) => 'dropped' in h) as [string, Extract<KeyHandling, { dropped: string }>][];
  test.each(dropped)('%s', async (key, handling) => {
    const s = service('w', { image: 'x:1', other: { [key]: { value: 'anything', span: span() } } });
    const result = await convert(project([s]));
    const found = result.diagnostics.filter((d) => d.code === 'convert/dropped-key');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: handling.severity, line: s.keys[key]!.line, column: s.keys[key]!.column, object: { kind: 'ComposeService', name: 'w' } });
    expect(found[0]!.message).toContain(`'${key}'`);
  });
  test('an unknown key is a warning', async () => {
    const s = service('w', { image: 'x:1', other: { frobnicate: { value: 1, span: span() } } });
    expect((await convert(project([s]))).diagnostics).toMatchObject([{ code: 'convert/unknown-key', severity: 'warning', line: s.keys.frobnicate!.line }]);
  });
  test('an x- key other than x-shipshape is a note', async () => {
    const s = service('w', { image: 'x:1', extensions: { 'x-team': { value: 'a', span: span() } } });
    expect((await convert(project([s]))).diagnostics).toMatchObject([{ code: 'convert/dropped-key', severity: 'info' }]);
  });
  test('nested elements: deploy.rollback_config, update_config.failure_action, limits.pids', async () => {
    const deploy = {
      span: span(), keys: { rollback_config: span(), update_config: span(), resources: span() }, mode: 'replicated' as const, labels: [],
      updateConfig: { span: span(), keys: { failure_action: span() }, failureAction: 'rollback' as const },
      resources: { span: span(), keys: { limits: span() }, limits: { span: span(), keys: { pids: span() }, pids: 10 } },
    };
    const s = service('w', { image: 'x:1', deploy });
    const lines = (await convert(project([s]))).diagnostics.filter((d) => d.code === 'convert/dropped-key').map((d) => d.line);
    expect(lines).toEqual([deploy.keys.rollback_config.line, deploy.updateConfig.keys.failure_action.line, deploy.resources.limits.keys.pids.line]);
  });
});

test('a top-level key the model does not type is a warning', async () => {
  const models = { value: { llm: { model: 'ai/smollm2' } }, span: span() };
  const result = await convert(project([service('w', { image: 'x:1' })], { other: { models } }));
  expect(result.diagnostics).toMatchObject([{ code: 'convert/dropped-key', severity: 'warning', line: models.span.line }]);
});
