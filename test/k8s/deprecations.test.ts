import { describe, expect, test } from 'vitest';
import { allDeprecations, compareMinor, deprecationOf, deprecationStatus } from '../../src/k8s/deprecations.js';
import { isBuiltinKind } from '../../src/k8s/schema/index.js';

describe('deprecationOf', () => {
  test.each([
    ['policy/v1beta1', 'PodDisruptionBudget', { deprecatedIn: '1.21', removedIn: '1.25', replacement: 'policy/v1' }],
    ['policy/v1beta1', 'PodSecurityPolicy', { deprecatedIn: '1.21', removedIn: '1.25' }],
    ['extensions/v1beta1', 'Ingress', { deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1' }],
    ['extensions/v1beta1', 'Deployment', { removedIn: '1.16', replacement: 'apps/v1' }],
    ['apps/v1beta2', 'StatefulSet', { removedIn: '1.16', replacement: 'apps/v1' }],
    ['batch/v1beta1', 'CronJob', { removedIn: '1.25', replacement: 'batch/v1' }],
    ['batch/v1beta1', 'CronJobList', { removedIn: '1.25', replacement: 'batch/v1' }],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', { removedIn: '1.26', replacement: 'autoscaling/v2' }],
    ['networking.k8s.io/v1beta1', 'IngressClass', { removedIn: '1.22', replacement: 'networking.k8s.io/v1' }],
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', { removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' }],
    ['v1', 'Endpoints', { deprecatedIn: '1.33', replacement: 'discovery.k8s.io/v1', replacementKind: 'EndpointSlice' }],
  ])('%s %s', (apiVersion, kind, expected) => {
    expect(deprecationOf(apiVersion, kind)).toMatchObject({ apiVersion, kind, ...expected });
  });

  test.each([
    ['apps/v1', 'Deployment'],
    ['policy/v1', 'PodDisruptionBudget'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler'],
    ['networking.k8s.io/v1', 'Ingress'],
    ['cert-manager.io/v1alpha2', 'Certificate'],
  ])('%s %s is current', (apiVersion, kind) => {
    expect(deprecationOf(apiVersion, kind)).toBeUndefined();
  });

  test('every entry is well formed: versions ordered, replacement a built-in apiVersion of the kind', () => {
    for (const d of allDeprecations()) {
      expect(d.deprecatedIn).toMatch(/^1\.\d+$/);
      if (d.removedIn) expect(compareMinor(d.removedIn, d.deprecatedIn)).toBeGreaterThanOrEqual(0);
      if (d.replacement) {
        expect(isBuiltinKind(d.replacement, d.replacementKind ?? d.kind), `${d.apiVersion} ${d.kind} → ${d.replacement}`).toBe(true);
      }
    }
  });
});

describe('deprecationStatus', () => {
  const pdb = deprecationOf('policy/v1beta1', 'PodDisruptionBudget')!;
  test.each([
    ['1.20', 'upcoming'],
    ['1.21', 'deprecated'],
    ['v1.24.3', 'deprecated'],
    ['1.25', 'removed'],
    ['1.36', 'removed'],
  ] as const)('PodDisruptionBudget policy/v1beta1 in %s: %s', (version, status) => {
    expect(deprecationStatus(pdb, version)).toBe(status);
  });

  test('without a scheduled removal it stays deprecated', () => {
    expect(deprecationStatus(deprecationOf('v1', 'Endpoints')!, '1.40')).toBe('deprecated');
  });
});
