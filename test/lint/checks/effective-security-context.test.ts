import { expect, test } from 'vitest';
import { effectiveSecuritySetting } from '../../../src/lint/checks/effective-security-context.js';
import type { ContainerRef, PodTemplate } from '../../../src/k8s/object.js';

const ref = (podContext: unknown, containerContext: unknown): ContainerRef => {
  const template = { spec: { securityContext: podContext }, specPath: ['spec', 'template', 'spec'] } as unknown as PodTemplate;
  return { template, container: { name: 'c', securityContext: containerContext }, kind: 'containers', path: ['spec', 'template', 'spec', 'containers', 0] };
};

test.each([
  ['the container wins', { runAsUser: 0 }, { runAsUser: 1000 }, { value: 1000, level: 'container', path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'runAsUser'] }],
  ['the pod applies when the container is silent', { runAsUser: 0 }, {}, { value: 0, level: 'pod', path: ['spec', 'template', 'spec', 'securityContext', 'runAsUser'] }],
  ['null on the container counts as not set', { runAsUser: 5 }, { runAsUser: null }, { value: 5, level: 'pod', path: ['spec', 'template', 'spec', 'securityContext', 'runAsUser'] }],
  ['neither level', {}, undefined, undefined],
  ['malformed contexts are ignored', 'nope', ['x'], undefined],
])('%s', (_name, pod, container, expected) => {
  expect(effectiveSecuritySetting(ref(pod, container), 'runAsUser')).toEqual(expected);
});
