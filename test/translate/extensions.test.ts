import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { X_SHIPSHAPE_KEYS } from '../../src/translate/x-shipshape-block.js';
import { settingsOf } from './x-shipshape-harness.js';

/** A service `s` with ports and the given x-shipshape block (indented under it). */
const withBlock = (block: string, extra = ''): string =>
  `services:\n  s:\n    image: s:1.0\n    ports: ["8080"]\n${extra}    x-shipshape:\n${block.replace(/^/gm, '      ')}\n`;

describe('x-shipshape settings', () => {
  test.each([
    ['controller', 'controller: StatefulSet', (s: any) => s.controller.kind, 'StatefulSet'],
    ['schedule implies CronJob', "schedule: '*/5 * * * *'", (s: any) => [s.controller.kind, s.schedule.value], ['CronJob', '*/5 * * * *']],
    ['concurrency policy with a schedule', "schedule: '@daily'\nconcurrencyPolicy: Replace", (s: any) => s.concurrencyPolicy.value, 'Replace'],
    ['backoffLimit of a Job', 'controller: Job\nbackoffLimit: 4', (s: any) => s.backoffLimit.value, 4],
    ['service type', 'serviceType: Headless', (s: any) => s.serviceType, 'Headless'],
    ['node port', 'serviceType: NodePort\nnodePort: 30001', (s: any) => s.nodePort, 30001],
    ['pull policy', 'imagePullPolicy: Never', (s: any) => s.imagePullPolicy, 'Never'],
    ['pull secrets, duplicates once', 'imagePullSecrets: [a, b, a]', (s: any) => s.imagePullSecrets, ['a', 'b']],
    ['service account', 'serviceAccountName: robot', (s: any) => s.serviceAccountName, 'robot'],
    ['pod labels (numbers as strings)', 'podLabels: {tier: web, version: 2}', (s: any) => s.podLabels, { tier: 'web', version: '2' }],
    ['service annotations', 'serviceAnnotations: {example.com/x: "y z"}', (s: any) => s.serviceAnnotations, { 'example.com/x': 'y z' }],

    ['ingress defaults', 'ingress: {}', (s: any) => [s.ingress.rules, s.ingress.pathType], [[{ path: '/' }], 'Prefix']],
    ['an ImplementationSpecific path is left to the controller', 'ingress: {path: /a//b, pathType: ImplementationSpecific}', (s: any) => s.ingress.rules, [{ path: '/a//b' }]],
    ['ingress hosts', 'ingress: {host: [a.example.com, b.example.com], path: /x}', (s: any) => s.ingress.rules, [{ host: 'a.example.com', path: '/x' }, { host: 'b.example.com', path: '/x' }]],
    ['autoscaling', 'autoscaling: {minReplicas: 2, maxReplicas: 4, cpuUtilization: 50}', (s: any) => [s.autoscaling.minReplicas, s.autoscaling.maxReplicas, s.autoscaling.cpuUtilization.value], [2, 4, 50]],
    ['disruption budget as a percentage', 'disruptionBudget: {maxUnavailable: 25%}', (s: any) => s.disruptionBudget.maxUnavailable, '25%'],
  ])('%s', async (_name, block, pick, expected) => {
    const { settings, codes } = await settingsOf(withBlock(block));
    expect(codes).toEqual([]);
    expect(pick(settings)).toEqual(expected);
  });

  test('volume claim settings of a service that mounts a volume', async () => {
    const { settings, codes } = await settingsOf(withBlock('volumes: {size: 5Gi, storageClassName: fast, accessModes: [ReadWriteMany]}', '    volumes: [data:/data]\n') + 'volumes:\n  data:\n');
    expect(codes).toEqual([]);
    expect(settings.volumeClaim).toEqual({
      size: { value: '5Gi', at: expect.objectContaining({ line: 7 }) },
      storageClassName: { value: 'fast', at: expect.objectContaining({ line: 7 }) },
      accessModes: { value: ['ReadWriteMany'], at: expect.objectContaining({ line: 7 }) },
    });
  });

  test('an empty block is no setting', async () => {
    const { settings, codes } = await settingsOf('services:\n  s:\n    image: s:1.0\n    x-shipshape:\n');
    expect(codes).toEqual([]);
    expect(settings.controller).toBeUndefined();
  });

  test('no block, no labels: empty settings', async () => {
    const { settings, codes } = await settingsOf('services:\n  s:\n    image: s:1.0\n');
    expect(codes).toEqual([]);
    expect(settings).toEqual({ serviceLabels: {}, serviceAnnotations: {}, podLabels: {}, podAnnotations: {}, imagePullSecrets: [] });
  });
});

describe('x-shipshape errors point inside the block', () => {
  // Line 6 is the first line of the block; its keys are at column 7, values after them.
  test.each([
    ['unknown key, did you mean', 'controler: Job', ['6:7 error x-shipshape/unknown-key'], /did you mean 'controller'/],
    ['unknown nested key', 'ingress:\n  hots: a.example.com', ['7:9 error x-shipshape/unknown-key'], /did you mean 'host'/],
    ['wrong type at the value', 'nodePort: "30080"', ['6:17 error x-shipshape/invalid-type'], /must be an integer, not a string/],
    ['enum with case hint', 'controller: statefulset', ['6:19 error x-shipshape/invalid-value'], /did you mean 'StatefulSet'/],
    ['missing required key', 'autoscaling:\n  minReplicas: 2', ['6:7 error x-shipshape/missing-key'], /maxReplicas/],
    ['path pattern', 'ingress:\n  path: api', ['7:15 error x-shipshape/invalid-value'], /must start with '\/'/],
    ['quantity pattern', 'volumes:\n  size: 10GB', ['7:15 error x-shipshape/invalid-value'], /quantity/],
    ['percentage pattern', 'disruptionBudget:\n  minAvailable: half', ['7:23 error x-shipshape/invalid-value'], /percentage/],
    ['range', 'nodePort: 70000', ['6:17 error x-shipshape/invalid-value'], /<= 65535/],
    ['autoscaling minReplicas 0', 'autoscaling: {minReplicas: 0, maxReplicas: 2}', ['6:34 error x-shipshape/invalid-value'], />= 1/],
    ['list item', 'imagePullSecrets: [ok, Not_OK]', ['6:30 error x-shipshape/invalid-value'], /Secret name/],
    ['invalid host', 'ingress:\n  host: 10.0.0.1', ['7:15 error x-shipshape/invalid-value'], /IP address/],
    ['ingress path with //', 'ingress:\n  path: /a//b', ['7:15 error x-shipshape/invalid-value'], /must not contain '\/\/'/],
    ['ingress path with /../', 'ingress:\n  path: /a/../b', ['7:15 error x-shipshape/invalid-value'], /'\/\.\.\/'/],
    ['ingress path with %2F', 'ingress:\n  path: /a%2Fb', ['7:15 error x-shipshape/invalid-value'], /'%2F'/],
    ['Exact ingress path ending in /.', 'ingress:\n  path: /a/.\n  pathType: Exact', ['7:15 error x-shipshape/invalid-value'], /cannot end with '\/\.'/],
    ['cron schedule', 'schedule: "5 * *"', ['6:17 error x-shipshape/invalid-value'], /five fields/],
    ['time zone in the schedule', 'schedule: "TZ=UTC 0 3 * * *"', ['6:17 error x-shipshape/invalid-value'], /timeZone/],
    ['cron field out of range', 'schedule: "61 * * * *"', ['6:17 error x-shipshape/invalid-value'], /minute '61': 61 is above 59/],
    ['cron step of 0', 'schedule: "*/0 * * * *"', ['6:17 error x-shipshape/invalid-value'], /step is 0/],
    ['cron day of month 0', 'schedule: "0 0 0 * *"', ['6:17 error x-shipshape/invalid-value'], /day of month '0'/],
    ['cron reversed range', 'schedule: "5-1 * * * *"', ['6:17 error x-shipshape/invalid-value'], /'5-1'/],
    ['reserved label', 'podLabels:\n  app.kubernetes.io/name: x', ['7:9 error x-shipshape/invalid-value'], /part of the selectors/],
    ['invalid label value', 'serviceLabels:\n  owner: team a', ['7:9 error x-shipshape/invalid-value'], /label value/],
    ['invalid annotation key', 'podAnnotations:\n  "bad key": x', ['7:9 error x-shipshape/invalid-value'], /annotation key/],
    ['ingress port name', 'ingress:\n  port: Not_A_Name', ['7:15 error x-shipshape/invalid-value'], /port name/],
    ['block not a mapping', '[a]', ['6:7 error x-shipshape/invalid-type'], /must be a mapping, not a list/],
  ])('%s', async (_name, block, codes, message) => {
    const { codes: got, diagnostics } = await settingsOf(withBlock(block));
    expect(got).toEqual(codes);
    expect(diagnostics[0]!.message).toMatch(message);
  });

  // Values the schema lets through but the API server refuses for a claim; the other volume settings still apply.
  test.each([
    ['ReadWriteOncePod with another mode', 'volumes: {size: 2Gi, accessModes: [ReadWriteOncePod, ReadWriteOnce]}', ['7:41 error x-shipshape/invalid-value'], /may not use ReadWriteOncePod with other access modes/, { size: '2Gi' }],
    ['ReadWriteOncePod after another mode', 'volumes:\n  accessModes: [ReadOnlyMany, ReadWriteOncePod]\n  storageClassName: fast', ['8:22 error x-shipshape/invalid-value'], /ReadWriteOncePod/, { storageClassName: 'fast' }],
    ['a zero size', 'volumes: {size: 0Gi, accessModes: [ReadWriteOncePod]}', ['7:23 error x-shipshape/invalid-value'], /positive amount/, { accessModes: ['ReadWriteOncePod'] }],
    ['a zero size without a unit', 'volumes:\n  size: "0"', ['8:15 error x-shipshape/invalid-value'], /positive amount/, undefined],
  ])('claim settings: %s', async (_name, block, codes, message, applied) => {
    const { settings, codes: got, diagnostics } = await settingsOf(withBlock(block, '    volumes: [data:/data]\n') + 'volumes:\n  data:\n');
    expect(got).toEqual(codes);
    expect(diagnostics[0]!.message).toMatch(message);
    const values = settings.volumeClaim && Object.fromEntries(Object.entries(settings.volumeClaim).map(([k, v]) => [k, v.value]));
    expect(values).toEqual(applied);
  });

  test('a broken key is left out; the other keys apply', async () => {
    const { settings, codes } = await settingsOf(withBlock('serviceType: nodeport\nimagePullPolicy: Always'));
    expect(codes).toEqual(['6:20 error x-shipshape/invalid-value']);
    expect(settings.serviceType).toBeUndefined();
    expect(settings.imagePullPolicy).toBe('Always');
  });

  test('an error in a block that came from another file (extends) points into that file', async () => {
    const { loadProject } = await import('../../src/compose/index.js');
    const { memoryHost } = await import('../../src/host.js');
    const host = memoryHost({
      '/p/compose.yaml': 'services:\n  s:\n    extends: {file: base.yaml, service: base}\n',
      '/p/base.yaml': 'services:\n  base:\n    image: b:1.0\n    x-shipshape:\n      controler: Job\n',
    });
    const loaded = await loadProject({ files: ['/p/compose.yaml'], envFiles: [], profiles: [], cwd: '/p', env: {}, host });
    const block = loaded.project!.services[0]!.extensions['x-shipshape']!;
    expect(block.spans?.get('/controler')?.key).toMatchObject({ file: '/p/base.yaml', line: 5, column: 7 });
  });
});

describe('settings that only make sense together', () => {
  test.each([
    ['schedule with another controller', 'controller: Deployment\nschedule: "@daily"', '', ['7:7 warning convert/ignored-setting']],
    ['concurrency policy without a schedule', 'concurrencyPolicy: Forbid', '', ['6:7 warning convert/ignored-setting']],
    ['backoffLimit of a Deployment', 'backoffLimit: 2', '', ['6:7 warning convert/ignored-setting']],
    ['backoffLimit of a service that restarts never (a Job)', 'backoffLimit: 2', '    restart: "no"\n', []],
    ['node port of a ClusterIP Service', 'nodePort: 30080', '', ['6:7 warning convert/ignored-setting']],
    ['volume settings without a volume', 'volumes: {size: 1Gi}', '', ['6:17 warning convert/ignored-setting']],
    ['min above max', 'autoscaling: {minReplicas: 3, maxReplicas: 2}', '', ['6:7 error convert/autoscaling-range']],
    ['both budget fields', 'disruptionBudget: {minAvailable: 1, maxUnavailable: 1}', '', ['6:7 error convert/disruption-budget']],
    ['neither budget field', 'disruptionBudget: {}', '', ['6:7 error convert/disruption-budget']],
  ])('%s', async (_name, block, extra, codes) => {
    expect((await settingsOf(withBlock(block, extra))).codes).toEqual(codes);
  });

  test('Service settings of a service without ports are ignored, each with a warning', async () => {
    const yaml = 'services:\n  s:\n    image: s:1.0\n    x-shipshape:\n      serviceType: NodePort\n      serviceLabels: {a: b}\n';
    const { settings, codes } = await settingsOf(yaml);
    expect(codes).toEqual(['5:7 warning convert/ignored-setting', '6:7 warning convert/ignored-setting']);
    expect(settings.serviceType).toBeUndefined();
  });

  test('pod settings of a sidecar are ignored: it joins the pod of another service', async () => {
    const yaml = 'services:\n  app:\n    image: a:1.0\n  proxy:\n    image: p:1.0\n    network_mode: service:app\n    x-shipshape:\n      controller: DaemonSet\n      imagePullPolicy: Always\n';
    const { settings, codes, diagnostics } = await settingsOf(yaml, 'proxy');
    expect(codes).toEqual(['8:7 warning convert/ignored-setting']);
    expect(diagnostics[0]!.message).toMatch(/set it on 'app'/);
    expect(settings.controller).toBeUndefined();
    expect(settings.imagePullPolicy).toBe('Always');
  });
});

describe('the schema and the reader agree', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/x-shipshape.schema.json', import.meta.url), 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown>; description?: string; $ref?: string }>;
    additionalProperties: boolean;
  };
  test('the key table lists the keys of every mapping of the schema', () => {
    const table: Record<string, string[]> = { '': Object.keys(schema.properties) };
    for (const [key, sub] of Object.entries(schema.properties)) if (sub.properties) table[key] = Object.keys(sub.properties);
    expect(table).toEqual(X_SHIPSHAPE_KEYS);
  });
  test('unknown keys are refused and every key is described', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(Object.entries(schema.properties).filter(([, p]) => !p.description).map(([k]) => k)).toEqual([]);
  });
  test('docs/extensions.md documents every key', () => {
    const doc = readFileSync(new URL('../../docs/extensions.md', import.meta.url), 'utf8');
    const keys = Object.entries(X_SHIPSHAPE_KEYS).flatMap(([parent, keys]) => keys.map((k) => (parent === '' ? k : `${parent}.${k}`)));
    expect(keys.filter((k) => !doc.includes(`\`${k}\``))).toEqual([]);
  });
});
