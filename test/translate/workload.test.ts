import { describe, expect, test } from 'vitest';
import type { PodParts, ServiceScope } from '../../src/translate/context.js';
import { createContext, resolveOptionsForTest } from './context-fixture.js';
import { emptySettings } from '../../src/translate/extensions.js';
import { buildWorkload } from '../../src/translate/workload.js';
import { selectorLabels } from '../../src/translate/labels.js';
import { at, convert, deploy, find, keysOf, kv, podSpecOf, port, project, service, span } from './model-builder.js';
import { validateObject } from '../../src/k8s/schema/index.js';

const restart = (policy: 'no' | 'always' | 'on-failure' | 'unless-stopped', maxRetries?: number) => ({ policy, span: span(), ...(maxRetries !== undefined ? { maxRetries } : {}) });
const updateConfig = (fields: Record<string, unknown>) => ({ span: span(), keys: {}, ...fields });

const parts = (over: Partial<PodParts> = {}): PodParts => ({
  volumes: [], initContainers: [], podSpec: {}, podAnnotations: {}, podLabels: {}, workloadAnnotations: {}, volumeClaimTemplates: [], readWriteOnceClaims: [], ...over,
});
const scopeOf = (s: ReturnType<typeof service>, settings = emptySettings()): ServiceScope => ({ service: s, name: s.name, ref: { kind: 'ComposeService', name: s.name }, settings });

async function workloadOf(s: ReturnType<typeof service>) {
  const result = await convert(project([s]));
  const workload = result.objects.find((o) => ['Deployment', 'DaemonSet', 'Job', 'StatefulSet', 'CronJob'].includes(o.kind))!;
  return { workload: workload as any, result };
}

describe('controller choice', () => {
  test('Deployment by default, replicas always written', async () => {
    const { workload } = await workloadOf(service('web', { image: 'nginx:1' }));
    expect(workload.kind).toBe('Deployment');
    expect(workload.spec.replicas).toBe(1);
  });
  test('deploy.replicas, then scale', async () => {
    expect((await workloadOf(service('web', { image: 'x:1', deploy: deploy({ replicas: 3 }) }))).workload.spec.replicas).toBe(3);
    expect((await workloadOf(service('web', { image: 'x:1', scale: 2 }))).workload.spec.replicas).toBe(2);
    expect((await workloadOf(service('web', { image: 'x:1', scale: 2, deploy: deploy({ replicas: 0 }) }))).workload.spec.replicas).toBe(0);
  });
  test('deploy.mode global → DaemonSet without replicas', async () => {
    const { workload } = await workloadOf(service('agent', { image: 'x:1', deploy: deploy({ mode: 'global' }) }));
    expect(workload.kind).toBe('DaemonSet');
    expect(workload.spec.replicas).toBeUndefined();
  });
  test.each([
    ['no', undefined, 'Never', 0],
    ['on-failure', 5, 'OnFailure', 5],
    ['on-failure', undefined, 'OnFailure', 6],
  ] as const)('restart %s:%s → Job %s backoffLimit %i', async (policy, retries, restartPolicy, backoffLimit) => {
    const { workload } = await workloadOf(service('migrate', { image: 'x:1', restart: restart(policy, retries) }));
    expect(workload.kind).toBe('Job');
    expect(workload.apiVersion).toBe('batch/v1');
    expect(workload.spec.backoffLimit).toBe(backoffLimit);
    expect(podSpecOf(workload).restartPolicy).toBe(restartPolicy);
    expect(workload.spec.selector).toBeUndefined();
  });
  test.each(['always', 'unless-stopped'] as const)('restart %s → Deployment', async (policy) => {
    expect((await workloadOf(service('web', { image: 'x:1', restart: restart(policy) }))).workload.kind).toBe('Deployment');
  });
  test('deploy.restart_policy wins over restart', async () => {
    const s = service('w', { image: 'x:1', restart: restart('always'), deploy: deploy({ restartPolicy: { span: span(), keys: {}, condition: 'on-failure', maxAttempts: 2 } }) });
    const { workload } = await workloadOf(s);
    expect(workload.kind).toBe('Job');
    expect(workload.spec.backoffLimit).toBe(2);
  });
  test('replicated-job → Job with completions and parallelism', async () => {
    const { workload } = await workloadOf(service('w', { image: 'x:1', deploy: deploy({ mode: 'replicated-job', replicas: 4 }) }));
    expect(workload.kind).toBe('Job');
    expect(workload.spec).toMatchObject({ completions: 4, parallelism: 4 });
  });
  test('global-job → Job, with a warning', async () => {
    const { workload, result } = await workloadOf(service('w', { image: 'x:1', deploy: deploy({ mode: 'global-job' }) }));
    expect(workload.kind).toBe('Job');
    expect(result.diagnostics.map((d) => d.code)).toContain('convert/global-job');
  });
  test('max_attempts on a Deployment is reported as dropped', async () => {
    const s = service('w', { image: 'x:1', deploy: deploy({ restartPolicy: { span: span(), keys: { max_attempts: span() }, condition: 'any', maxAttempts: 2 } }) });
    const { workload, result } = await workloadOf(s);
    expect(workload.kind).toBe('Deployment');
    expect(result.diagnostics.filter((d) => d.code === 'convert/dropped-key')).toHaveLength(1);
  });
});

describe('a retry count of 0 means unlimited to Docker and Swarm: Kubernetes\' default backoffLimit, with a warning at the value', () => {
  const onFailure = (maxAttempts: number) => ({ span: span(), keys: keysOf('condition', 'max_attempts'), condition: 'on-failure' as const, maxAttempts });
  const cases: [string, () => ReturnType<typeof service>, ((s: ReturnType<typeof service>) => { line: number; column: number }) | undefined, number | undefined][] = [
    ['restart: on-failure:0', () => service('w', { image: 'x:1', restart: restart('on-failure', 0) }), (s) => ({ line: s.restart!.span.line, column: s.restart!.span.column }), undefined],
    ['deploy.restart_policy.max_attempts: 0', () => service('w', { image: 'x:1', deploy: deploy({ restartPolicy: onFailure(0) }) }), (s) => at(s.deploy!.restartPolicy!, 'max_attempts'), undefined],
    ['max_attempts: 0 in a replicated-job', () => service('w', { image: 'x:1', deploy: deploy({ mode: 'replicated-job', restartPolicy: onFailure(0) }) }), (s) => at(s.deploy!.restartPolicy!, 'max_attempts'), undefined],
    ['restart: on-failure:1 (a limit)', () => service('w', { image: 'x:1', restart: restart('on-failure', 1) }), undefined, 1],
    ['restart: "no" (never retried)', () => service('w', { image: 'x:1', restart: restart('no') }), undefined, 0],
  ];
  test.each(cases)('%s', async (_name, make, where, backoffLimit) => {
    const s = make();
    const { workload, result } = await workloadOf(s);
    expect(workload.kind).toBe('Job');
    expect(podSpecOf(workload).restartPolicy).toBe(backoffLimit === 0 ? 'Never' : 'OnFailure');
    expect(workload.spec.backoffLimit).toBe(backoffLimit);
    expect(result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column }))).toEqual(
      where ? [{ code: 'convert/unlimited-retries', severity: 'warning', ...where(s) }] : [],
    );
    expect(validateObject(workload)).toEqual({ status: 'valid' });
  });
  test('x-shipshape backoffLimit wins, without a warning', () => {
    const s = service('w', { image: 'x:1', restart: restart('on-failure', 0) });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['w', 'w']]));
    buildWorkload(ctx, scopeOf(s, { ...emptySettings(), backoffLimit: { value: 3, at: s.span } }), [{ name: 'w', image: 'x:1' }], parts());
    expect((ctx.objects[0] as any).spec.backoffLimit).toBe(3);
    expect(ctx.diagnostics).toEqual([]);
  });
});

describe('update_config', () => {
  test.each([
    ['start-first', 2, { maxSurge: 2, maxUnavailable: 0 }],
    ['stop-first', 2, { maxSurge: 0, maxUnavailable: 2 }],
    [undefined, undefined, { maxSurge: 0, maxUnavailable: 1 }],
    ['start-first', 0, { maxSurge: '100%', maxUnavailable: 0 }],
  ] as const)('order %s parallelism %s', async (order, parallelism, rollingUpdate) => {
    const uc = updateConfig({ ...(order ? { order } : {}), ...(parallelism !== undefined ? { parallelism } : {}) });
    const { workload } = await workloadOf(service('web', { image: 'x:1', deploy: deploy({ updateConfig: uc as any }) }));
    expect(workload.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate });
  });
  test('monitor → minReadySeconds', async () => {
    const { workload } = await workloadOf(service('web', { image: 'x:1', deploy: deploy({ updateConfig: updateConfig({ monitor: 2500 }) as any }) }));
    expect(workload.spec.minReadySeconds).toBe(3);
  });
  test('DaemonSet gets updateStrategy', async () => {
    const { workload } = await workloadOf(service('a', { image: 'x:1', deploy: deploy({ mode: 'global', updateConfig: updateConfig({ order: 'start-first' }) as any }) }));
    expect(workload.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
  });
});

describe('labels and selectors', () => {
  test('matchLabels, template labels and Service selector are the same labels', async () => {
    const s = service('web', { image: 'x:1', ports: [port('80')], deploy: deploy({ labels: [kv('tier', 'frontend')] }) });
    const result = await convert(project([s]));
    const workload = find(result.objects, 'Deployment', 'web');
    const svc = find(result.objects, 'Service', 'web');
    const expected = selectorLabels('shop', 'web');
    expect(workload.spec.selector.matchLabels).toEqual(expected);
    expect(workload.spec.template.metadata.labels).toEqual(expected);
    expect(svc.spec.selector).toEqual(expected);
    expect(workload.metadata.labels).toEqual({ ...expected, tier: 'frontend' });
  });
  test('a deploy label that would change a selector label is dropped with a warning', async () => {
    const label = kv('app.kubernetes.io/name', 'other');
    const { workload, result } = await workloadOf(service('web', { image: 'x:1', deploy: deploy({ labels: [label] }) }));
    expect(workload.metadata.labels['app.kubernetes.io/name']).toBe('web');
    expect(result.diagnostics.find((d) => d.code === 'convert/selector-label')).toMatchObject({ line: label.span.line });
  });
  test('a deploy label with an invalid value becomes an annotation', async () => {
    const { workload } = await workloadOf(service('web', { image: 'x:1', deploy: deploy({ labels: [kv('note', 'has spaces')] }) }));
    expect(workload.metadata.annotations).toEqual({ note: 'has spaces' });
  });
});

describe('buildWorkload with contributions', () => {

  test('a ReadWriteOnce claim makes a Deployment Recreate, with a warning', () => {
    const s = service('db', { image: 'postgres:16' });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['db', 'db']]));
    buildWorkload(ctx, scopeOf(s), [{ name: 'db', image: 'postgres:16' }], parts({ readWriteOnceClaims: ['data'] }));
    const workload = ctx.objects[0] as any;
    expect(workload.spec.strategy).toEqual({ type: 'Recreate' });
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['convert/recreate-strategy']);
  });
  test.each([
    ['order: stop-first', { order: 'stop-first', parallelism: 2 }, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 2 } }, []],
    ['update_config without order (stop-first is its default)', { monitor: 1000 }, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }, []],
    ['order: start-first (surges)', { order: 'start-first' }, { type: 'Recreate' }, ['convert/recreate-strategy']],
    ['no update_config (Kubernetes would surge 25%)', undefined, { type: 'Recreate' }, ['convert/recreate-strategy']],
  ] as const)('a ReadWriteOnce claim with %s', (_name, update, strategy, diagnostics) => {
    const s = service('db', { image: 'postgres:16', ...(update ? { deploy: deploy({ updateConfig: updateConfig(update) as any }) } : {}) });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['db', 'db']]));
    buildWorkload(ctx, scopeOf(s), [{ name: 'db', image: 'postgres:16' }], parts({ readWriteOnceClaims: ['data'] }));
    expect((ctx.objects[0] as any).spec.strategy).toEqual(strategy);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(diagnostics);
  });
  test.each([
    ['no update_config: at volumes', undefined, (s: any) => at(s, 'volumes'), []],
    ['order: start-first: at order, volumes related', { order: 'start-first', keys: keysOf('order') }, (s: any) => at(s.deploy.updateConfig, 'order'), [(s: any) => at(s, 'volumes')]],
  ] as const)('convert/recreate-strategy position, %s', (_name, update, where, related) => {
    const volume = { type: 'volume' as const, source: 'data', target: '/data', readOnly: false, nocopy: false, syntax: 'short' as const, span: span(7), keys: {} };
    const s = service('db', { image: 'postgres:16', volumes: [volume], ...(update ? { deploy: deploy({ updateConfig: updateConfig(update) as any }) } : {}) });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['db', 'db']]));
    buildWorkload(ctx, scopeOf(s), [{ name: 'db', image: 'postgres:16' }], parts({ readWriteOnceClaims: ['data'] }));
    expect(ctx.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, related: (d.related ?? []).map((r) => ({ line: r.line, column: r.column })) }))).toEqual([
      { code: 'convert/recreate-strategy', ...where(s), related: related.map((r) => r(s)) },
    ]);
  });
  test.each([
    ['restart: "no"', () => service('db', { image: 'x:1', restart: restart('no') }), (s: any) => at(s, 'restart')],
    [
      'deploy.restart_policy.condition: none (wins over restart)',
      () => service('db', { image: 'x:1', restart: restart('always'), deploy: deploy({ restartPolicy: { span: span(), keys: keysOf('condition'), condition: 'none' } }) }),
      (s: any) => at(s.deploy.restartPolicy, 'condition'),
    ],
  ] as const)('a StatefulSet asked for drops the job restart policy of %s: a warning at the key that set it', (_name, make, where) => {
    const s = make();
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['db', 'db']]));
    buildWorkload(ctx, scopeOf(s, { ...emptySettings(), controller: { kind: 'StatefulSet' as const, at: s.span } }), [{ name: 'db', image: 'x:1' }], parts());
    expect(ctx.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }))).toEqual([{ code: 'convert/restart-policy', ...where(s) }]);
  });
  test('StatefulSet on request, with claim templates and serviceName', () => {
    const s = service('db', { image: 'postgres:16', ports: [port('5432')] });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['db', 'db']]));
    const settings = { ...emptySettings(), controller: { kind: 'StatefulSet' as const, at: s.span } };
    const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const ref = buildWorkload(ctx, scopeOf(s, settings), [{ name: 'db', image: 'postgres:16' }], parts({ volumeClaimTemplates: [claim] }));
    const workload = ctx.objects[0] as any;
    expect(ref).toMatchObject({ kind: 'StatefulSet', apiVersion: 'apps/v1', replicas: 1 });
    // The governing Service is the headless one service.ts makes next to 'db' (pods' stable DNS names).
    expect(workload.spec).toMatchObject({ serviceName: 'db-headless', replicas: 1, volumeClaimTemplates: [claim] });
    // Already headless (x-shipshape service type Headless): the service's own Service governs.
    const ctx2 = createContext(project([s]), resolveOptionsForTest(), new Map([['db', 'db']]));
    buildWorkload(ctx2, scopeOf(s, { ...settings, serviceType: 'Headless' as const }), [{ name: 'db', image: 'postgres:16' }], parts());
    expect((ctx2.objects[0] as any).spec.serviceName).toBe('db');
  });
  test.each(['StatefulSet', 'CronJob'] as const)('a %s name is cut to 52 characters with a hash (warning); the Service keeps the full name', (kind) => {
    const long = `a${'b'.repeat(57)}`;
    const s = service(long, { image: 'x:1', ports: [port('80')] });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([[long, long]]));
    const settings = { ...emptySettings(), controller: { kind, at: s.span }, ...(kind === 'CronJob' ? { schedule: { value: '0 0 * * 0', at: s.span } } : {}) };
    const ref = buildWorkload(ctx, scopeOf(s, settings), [{ name: 'c', image: 'x:1' }], parts());
    expect(ref.name).toHaveLength(52);
    expect(ref.name).toMatch(/^abbb+-[0-9a-f]{6}$/);
    expect((ctx.objects[0] as any).metadata.name).toBe(ref.name);
    expect(ctx.diagnostics.find((d) => d.code === 'convert/name-shortened')?.message).toContain(`its Service keeps the name '${long}'`);
  });
  test('CronJob without a schedule is an error', () => {
    const s = service('backup', { image: 'x:1' });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['backup', 'backup']]));
    const settings = { ...emptySettings(), controller: { kind: 'CronJob' as const, at: s.span } };
    buildWorkload(ctx, scopeOf(s, settings), [{ name: 'backup', image: 'x:1' }], parts());
    expect(ctx.diagnostics.map((d) => [d.code, d.severity])).toEqual([['convert/cronjob-schedule', 'error']]);
  });
  test('CronJob with a schedule', () => {
    const s = service('backup', { image: 'x:1' });
    const ctx = createContext(project([s]), resolveOptionsForTest(), new Map([['backup', 'backup']]));
    const settings = { ...emptySettings(), controller: { kind: 'CronJob' as const, at: s.span }, schedule: { value: '0 3 * * *', at: s.span } };
    buildWorkload(ctx, scopeOf(s, settings), [{ name: 'backup', image: 'x:1' }], parts());
    const cron = ctx.objects[0] as any;
    expect(cron.spec.schedule).toBe('0 3 * * *');
    expect(cron.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
  });
});

describe('counts beyond what Kubernetes accepts (int32): an error at the key, the field left out', () => {
  const INT32_MAX = 2 ** 31 - 1;
  const restartPolicy = (maxAttempts: number) => ({ span: span(), keys: keysOf('condition', 'max_attempts'), condition: 'on-failure' as const, maxAttempts });
  interface Case {
    name: string;
    service: () => ReturnType<typeof service>;
    /** The element and key the error points at (none: no error). */
    at?: (s: ReturnType<typeof service>) => { line: number; column: number };
    /** Field path in the workload's spec, and its value (undefined: left out). */
    field: string[];
    value: unknown;
  }
  const cases: Case[] = [
    { name: 'deploy.replicas at the maximum', service: () => service('w', { image: 'x:1', deploy: deploy({ replicas: INT32_MAX }) }), field: ['replicas'], value: INT32_MAX },
    { name: 'deploy.replicas above', service: () => service('w', { image: 'x:1', deploy: deploy({ replicas: INT32_MAX + 1 }) }), at: (s) => at(s.deploy!, 'replicas'), field: ['replicas'], value: undefined },
    { name: 'scale above', service: () => service('w', { image: 'x:1', scale: 1e20 }), at: (s) => at(s, 'scale'), field: ['replicas'], value: undefined },
    {
      name: 'replicated-job replicas above (completions, parallelism)',
      service: () => service('w', { image: 'x:1', deploy: deploy({ mode: 'replicated-job', replicas: INT32_MAX + 1 }) }),
      at: (s) => at(s.deploy!, 'replicas'),
      field: ['completions'],
      value: undefined,
    },
    { name: 'restart on-failure:N at the maximum', service: () => service('w', { image: 'x:1', restart: restart('on-failure', INT32_MAX) }), field: ['backoffLimit'], value: INT32_MAX },
    { name: 'restart on-failure:N above', service: () => service('w', { image: 'x:1', restart: restart('on-failure', 1e20) }), at: (s) => at(s, 'restart'), field: ['backoffLimit'], value: undefined },
    {
      name: 'deploy.restart_policy.max_attempts above',
      service: () => service('w', { image: 'x:1', deploy: deploy({ restartPolicy: restartPolicy(INT32_MAX + 1) }) }),
      at: (s) => at(s.deploy!.restartPolicy!, 'max_attempts'),
      field: ['backoffLimit'],
      value: undefined,
    },
    {
      name: 'max_attempts above, in a replicated-job',
      service: () => service('w', { image: 'x:1', deploy: deploy({ mode: 'replicated-job', restartPolicy: restartPolicy(INT32_MAX + 1) }) }),
      at: (s) => at(s.deploy!.restartPolicy!, 'max_attempts'),
      field: ['backoffLimit'],
      value: undefined,
    },
    {
      name: 'update_config.monitor above (minReadySeconds)',
      service: () => service('w', { image: 'x:1', deploy: deploy({ updateConfig: { span: span(), keys: keysOf('monitor'), monitor: (INT32_MAX + 1) * 1000 } }) }),
      at: (s) => at(s.deploy!.updateConfig!, 'monitor'),
      field: ['minReadySeconds'],
      value: undefined,
    },
    {
      name: 'update_config.parallelism above (maxUnavailable): Kubernetes defaults',
      service: () => service('w', { image: 'x:1', deploy: deploy({ updateConfig: { span: span(), keys: keysOf('parallelism'), parallelism: INT32_MAX + 1 } }) }),
      at: (s) => at(s.deploy!.updateConfig!, 'parallelism'),
      field: ['strategy'],
      value: { type: 'RollingUpdate' },
    },
  ];

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const s = c.service();
    const { workload, result } = await workloadOf(s);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (c.at) expect(errors).toMatchObject([{ code: 'convert/out-of-range', ...c.at(s) }]);
    else expect(errors).toEqual([]);
    expect(c.field.reduce((v: any, k) => v?.[k], workload.spec)).toEqual(c.value);
    expect(validateObject(workload)).toEqual({ status: 'valid' });
  });
});
