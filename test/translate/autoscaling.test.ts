import { describe, expect, test } from 'vitest';
import { validateObject } from '../../src/k8s/schema/index.js';
import { convertText } from './x-shipshape-harness.js';

/** Service `api` (line 2) with extra keys and an autoscaling block at line 5 + the extra lines. */
const api = (autoscaling: string, extra = ''): string => `services:\n  api:\n    image: api:1.0\n${extra}    x-shipshape:\n      autoscaling: ${autoscaling}\n`;
const requests = '    deploy:\n      replicas: 3\n      resources:\n        reservations: {cpus: "0.5", memory: 128M}\n';

describe('HorizontalPodAutoscaler', () => {
  test.each([
    ['targets from the block', '{minReplicas: 2, maxReplicas: 6, cpuUtilization: 60, memoryUtilization: 70}', requests, { minReplicas: 2, maxReplicas: 6, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }, { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 70 } } }] }],
    ['min defaults to the replica count', '{maxReplicas: 6}', requests, { minReplicas: 3, maxReplicas: 6 }],
    ['min defaults to at most max', '{maxReplicas: 2}', requests, { minReplicas: 2, maxReplicas: 2 }],
    ["no target: 80% CPU, Kubernetes' default, written out", '{maxReplicas: 6}', requests, { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] }],
    ['scale target is the workload', '{maxReplicas: 6}', requests, { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' } }],
  ])('%s', async (_name, autoscaling, extra, spec) => {
    const r = await convertText(api(autoscaling, extra));
    expect(r.codes.filter((c) => c.includes('autoscaling') && !c.includes(' info '))).toEqual([]);
    const hpa = r.get('HorizontalPodAutoscaler/api')!;
    expect(hpa.spec).toMatchObject(spec);
    expect(validateObject(JSON.parse(JSON.stringify(hpa)))).toEqual({ status: 'valid' });
  });

  test('a StatefulSet is a scale target too', async () => {
    const yaml = `services:\n  api:\n    image: api:1.0\n${requests}    x-shipshape:\n      controller: StatefulSet\n      autoscaling: {maxReplicas: 4}\n`;
    expect((await convertText(yaml)).get('HorizontalPodAutoscaler/api')!.spec).toMatchObject({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'api' } });
  });

  test('kompose memory average needs no request', async () => {
    const yaml = 'services:\n  api:\n    image: api:1.0\n    labels:\n      kompose.hpa.replicas.max: "3"\n      kompose.hpa.memory: 300Mi\n';
    const r = await convertText(yaml);
    expect(r.codes).toEqual([]);
    expect(r.get('HorizontalPodAutoscaler/api')!.spec).toMatchObject({ metrics: [{ resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '300Mi' } } }] });
  });

  test.each([
    ['CPU target without CPU requests: warning at the target', '{maxReplicas: 4, cpuUtilization: 50}', '', ['5:37 warning convert/autoscaling-requests']],
    ['default CPU target without requests: warning at the block', '{maxReplicas: 4}', '', ['5:7 warning convert/autoscaling-requests']],
    ['memory target without memory requests', '{maxReplicas: 4, memoryUtilization: 50}', '    cpus: 0.5\n', ['6:37 warning convert/autoscaling-requests']],
    ['replicas outside the range: a note', '{minReplicas: 4, maxReplicas: 5}', requests, ['9:7 info convert/autoscaling-replicas']],
  ])('%s', async (_name, autoscaling, extra, codes) => {
    const r = await convertText(api(autoscaling, extra));
    expect(r.codes.filter((c) => c.includes('autoscaling'))).toEqual(codes);
    expect(r.get('HorizontalPodAutoscaler/api')).toBeDefined();
  });

  // The API server refuses minReplicas 0 (unless the HPAScaleToZero alpha gate is on).
  test.each([
    ['deploy.replicas: 0, x-shipshape autoscaling', api('{maxReplicas: 4}', '    deploy:\n      replicas: 0\n'), ['5:7 warning convert/autoscaling-min-replicas']],
    ['scale: 0, x-shipshape autoscaling', api('{maxReplicas: 4}', '    scale: 0\n'), ['4:5 warning convert/autoscaling-min-replicas']],
    ['deploy.replicas: 0, kompose.hpa labels', 'services:\n  api:\n    image: api:1.0\n    deploy: {replicas: 0}\n    labels:\n      kompose.hpa.replicas.max: "3"\n      kompose.hpa.memory: 300Mi\n', ['4:14 warning convert/autoscaling-min-replicas']],
  ])('a replica count of 0 as the default minimum: minReplicas 1, warning at the count (%s)', async (_name, yaml, codes) => {
    const r = await convertText(yaml);
    expect(r.codes.filter((c) => c.includes('autoscaling-min-replicas') || c.includes('autoscaling-replicas'))).toEqual(codes);
    const hpa = r.get('HorizontalPodAutoscaler/api')!;
    expect(hpa.spec).toMatchObject({ minReplicas: 1 });
    expect(validateObject(JSON.parse(JSON.stringify(hpa)))).toEqual({ status: 'valid' });
  });

  test('an explicit minReplicas with a replica count of 0: no warning, the count lies outside the range', async () => {
    const r = await convertText(api('{minReplicas: 2, maxReplicas: 4}', '    deploy:\n      replicas: 0\n'));
    expect(r.codes.filter((c) => c.includes('autoscaling-min-replicas') || c.includes('autoscaling-replicas'))).toEqual(['7:7 info convert/autoscaling-replicas']);
    expect(r.get('HorizontalPodAutoscaler/api')!.spec).toMatchObject({ minReplicas: 2 });
  });

  test.each([
    ['DaemonSet', '    deploy: {mode: global}\n'],
    ['Job', '    restart: "no"\n'],
  ])('a %s cannot be autoscaled: error, no HPA', async (kind, extra) => {
    const r = await convertText(api('{maxReplicas: 4}', extra));
    expect(r.diagnostics.filter((d) => d.code === 'convert/autoscaling-controller').map((d) => [d.severity, d.line, d.message.includes(kind)])).toEqual([['error', 6, true]]);
    expect(r.get('HorizontalPodAutoscaler/api')).toBeUndefined();
  });
});
