import { describe, expect, test } from 'vitest';
import { isKomposeLabel } from '../../src/translate/kompose-labels.js';
import { settingsOf } from './x-shipshape-harness.js';

/** A service `s` with ports and the given labels (line 6 is the first label, at column 7). */
const withLabels = (labels: Record<string, string>, extra = ''): string =>
  `services:\n  s:\n    image: s:1.0\n    ports: ["8080"]\n${extra}    labels:\n${Object.entries(labels).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}\n`).join('')}`;

describe('kompose labels honoured', () => {
  test.each([
    ['service type, any case', { 'kompose.service.type': 'LoadBalancer' }, (s: any) => s.serviceType, 'LoadBalancer'],
    ['headless', { 'kompose.service.type': 'headless' }, (s: any) => s.serviceType, 'Headless'],
    ['node port', { 'kompose.service.type': 'nodeport', 'kompose.service.nodeport.port': '30007' }, (s: any) => s.nodePort, 30007],
    ['controller', { 'kompose.controller.type': 'statefulset' }, (s: any) => s.controller.kind, 'StatefulSet'],
    ['pull policy', { 'kompose.image-pull-policy': 'never' }, (s: any) => s.imagePullPolicy, 'Never'],
    ['pull secret', { 'kompose.image-pull-secret': 'regcred' }, (s: any) => s.imagePullSecrets, ['regcred']],
    ['service account', { 'kompose.serviceaccount-name': 'robot' }, (s: any) => s.serviceAccountName, 'robot'],
    ['cron schedule implies CronJob', { 'kompose.cronjob.schedule': '*/10 * * * *' }, (s: any) => [s.controller.kind, s.schedule.value], ['CronJob', '*/10 * * * *']],
    ['cron policy and backoff', { 'kompose.cronjob.schedule': '@daily', 'kompose.cronjob.concurrency_policy': 'forbid', 'kompose.cronjob.backoff_limit': '0' }, (s: any) => [s.concurrencyPolicy.value, s.backoffLimit.value], ['Forbid', 0]],
    ['expose true: every host', { 'kompose.service.expose': 'true' }, (s: any) => s.ingress.rules, [{ path: '/' }]],
    ['expose hosts with paths', { 'kompose.service.expose': 'a.example.com, b.example.com/api' }, (s: any) => s.ingress.rules, [{ host: 'a.example.com', path: '/' }, { host: 'b.example.com', path: '/api' }]],
    ['expose with TLS and class', { 'kompose.service.expose': 'a.example.com', 'kompose.service.expose.tls-secret': 'tls', 'kompose.service.expose.ingress-class-name': 'nginx' }, (s: any) => [s.ingress.tlsSecret, s.ingress.className], ['tls', 'nginx']],
    ['hpa', { 'kompose.hpa.replicas.min': '2', 'kompose.hpa.replicas.max': '5', 'kompose.hpa.cpu': '70%', 'kompose.hpa.memory': '60' }, (s: any) => [s.autoscaling.minReplicas, s.autoscaling.maxReplicas, s.autoscaling.cpuUtilization.value, s.autoscaling.memoryUtilization.value], [2, 5, 70, 60]],
    ['hpa memory as an average', { 'kompose.hpa.replicas.max': '5', 'kompose.hpa.memory': '512Mi' }, (s: any) => s.autoscaling.memoryAverage.value, '512Mi'],
  ])('%s', async (_name, labels, pick, expected) => {
    const { settings, codes } = await settingsOf(withLabels(labels));
    expect(codes).toEqual([]);
    expect(pick(settings)).toEqual(expected);
  });

  test('kompose.* keys are directives; others are not', () => {
    expect(['kompose.service.type', 'kompose.anything'].every(isKomposeLabel)).toBe(true);
    expect(['com.example.kompose', 'komposer.x', 'app'].some(isKomposeLabel)).toBe(false);
  });

  test('volume size and storage class', async () => {
    const { settings, codes } = await settingsOf(withLabels({ 'kompose.volume.size': '2Gi', 'kompose.volume.storage-class-name': 'fast' }, '    volumes: [data:/data]\n') + 'volumes:\n  data:\n');
    expect(codes).toEqual([]);
    expect([settings.volumeClaim?.size?.value, settings.volumeClaim?.storageClassName?.value]).toEqual(['2Gi', 'fast']);
  });

  test('list syntax (KEY=value)', async () => {
    const yaml = 'services:\n  s:\n    image: s:1.0\n    labels:\n      - kompose.controller.type=daemonset\n';
    expect((await settingsOf(yaml)).settings.controller?.kind).toBe('DaemonSet');
  });
});

describe('kompose label diagnostics', () => {
  test.each([
    ['invalid service type, did you mean', { 'kompose.service.type': 'nodport' }, ['6:7 error kompose/invalid-value'], /did you mean 'nodeport'/],
    ['invalid node port', { 'kompose.service.type': 'nodeport', 'kompose.service.nodeport.port': 'high' }, ['7:7 error kompose/invalid-value'], /port number/],
    ['invalid size', { 'kompose.volume.size': '1 GB' }, ['6:7 error kompose/invalid-value'], /quantity/],
    ['zero size', { 'kompose.volume.size': '0Mi' }, ['6:7 error kompose/invalid-value'], /positive amount/],
    ['invalid schedule', { 'kompose.cronjob.schedule': 'daily' }, ['6:7 error kompose/invalid-value'], /cron schedule/],
    ['schedule field out of range', { 'kompose.cronjob.schedule': '0 24 * * *' }, ['6:7 error kompose/invalid-value'], /hour '24': 24 is above 23/],
    ['schedule day of week 7', { 'kompose.cronjob.schedule': '0 0 * * 7' }, ['6:7 error kompose/invalid-value'], /day of week '7'/],
    ['invalid host', { 'kompose.service.expose': 'a.example.com,Bad_Host' }, ['6:7 error kompose/invalid-value'], /Bad_Host/],
    ['expose path with /./', { 'kompose.service.expose': 'a.example.com/x/./y' }, ['6:7 error kompose/invalid-value'], /'\/\.\/'/],
    ['expose path ending in /..', { 'kompose.service.expose': 'a.example.com, b.example.com/api/..' }, ['6:7 error kompose/invalid-value'], /cannot end with '\/\.\.'/],
    ['invalid hpa count', { 'kompose.hpa.replicas.max': 'many' }, ['6:7 error kompose/invalid-value'], /whole number/],
    ['hpa minimum 0', { 'kompose.hpa.replicas.min': '0', 'kompose.hpa.replicas.max': '3' }, ['6:7 error kompose/invalid-value'], /1 or more/],
    ['invalid hpa cpu', { 'kompose.hpa.replicas.max': '3', 'kompose.hpa.cpu': 'lots' }, ['7:7 error kompose/invalid-value'], /percent/],
    ['tls secret without expose', { 'kompose.service.expose.tls-secret': 'tls' }, ['6:7 warning convert/ignored-setting'], /without kompose.service.expose/],
    ['expose false: no Ingress, TLS label ignored', { 'kompose.service.expose': 'false', 'kompose.service.expose.tls-secret': 'tls' }, ['7:7 warning convert/ignored-setting'], /without kompose.service.expose/],
    ['unknown label, did you mean', { 'kompose.servce.type': 'nodeport' }, ['6:7 warning kompose/unknown-label'], /did you mean 'kompose.service.type'/],
    ['unknown label, no near name', { 'kompose.something.else': 'x' }, ['6:7 warning kompose/unknown-label'], /unknown kompose label/],
    ['known, not honoured', { 'kompose.service.group': 'g' }, ['6:7 warning kompose/unsupported-label'], /network_mode/],
    ['healthcheck labels not honoured', { 'kompose.service.healthcheck.readiness.test': 'CMD true' }, ['6:7 warning kompose/unsupported-label'], /healthcheck/],
    ['replication controller → Deployment', { 'kompose.controller.type': 'replicationcontroller' }, ['6:7 info kompose/replication-controller'], /Deployment/],
    ['hpa without max: kompose default', { 'kompose.hpa.replicas.min': '4' }, ['6:7 info kompose/hpa-default-max'], /up to 4/],
  ])('%s', async (_name, labels, codes, message) => {
    const { codes: got, diagnostics } = await settingsOf(withLabels(labels));
    expect(got).toEqual(codes);
    expect(diagnostics[0]!.message).toMatch(message);
  });

  test('x-shipshape wins over the label for the same setting, with an info at the label', async () => {
    const yaml = withLabels({ 'kompose.service.type': 'nodeport', 'kompose.image-pull-policy': 'Always' }) + '    x-shipshape:\n      serviceType: LoadBalancer\n';
    const { settings, codes, diagnostics } = await settingsOf(yaml);
    expect(codes).toEqual(['6:7 info kompose/overridden']);
    expect(diagnostics[0]!.related?.[0]).toMatchObject({ line: 9, column: 7 });
    expect(settings.serviceType).toBe('LoadBalancer');
    expect(settings.imagePullPolicy).toBe('Always');
  });

  test('each Ingress label is overridden by an x-shipshape ingress', async () => {
    const yaml = withLabels({ 'kompose.service.expose': 'a.example.com', 'kompose.service.expose.tls-secret': 'tls' }) + '    x-shipshape:\n      ingress: {host: b.example.com}\n';
    const { settings, codes } = await settingsOf(yaml);
    expect(codes).toEqual(['6:7 info kompose/overridden', '7:7 info kompose/overridden']);
    expect(settings.ingress?.rules).toEqual([{ host: 'b.example.com', path: '/' }]);
    expect(settings.ingress?.tlsSecret).toBeUndefined();
  });

  test('volume labels and x-shipshape volumes merge field by field', async () => {
    const yaml = withLabels({ 'kompose.volume.size': '3Gi', 'kompose.volume.storage-class-name': 'slow' }, '    volumes: [./data:/data]\n') + '    x-shipshape:\n      volumes: {storageClassName: fast}\n';
    const { settings, codes } = await settingsOf(yaml);
    expect(codes).toEqual(['8:7 info kompose/overridden']);
    expect([settings.volumeClaim?.size?.value, settings.volumeClaim?.storageClassName?.value]).toEqual(['3Gi', 'fast']);
  });
});
