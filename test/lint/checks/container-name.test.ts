import { expect, test } from 'vitest';
import { describeContainer } from '../../../src/lint/checks/container-name.js';
import type { ContainerRef } from '../../../src/k8s/object.js';

const ref = (container: Record<string, unknown>, kind: ContainerRef['kind'], index: number) =>
  ({ container, kind, path: ['spec', kind, index], template: undefined as never }) as ContainerRef;

test.each([
  [ref({ name: 'web' }, 'containers', 0), false, "container 'web'"],
  [ref({ name: 'setup' }, 'initContainers', 0), false, "init container 'setup'"],
  [ref({ name: 'debug' }, 'ephemeralContainers', 0), true, "Ephemeral container 'debug'"],
  [ref({}, 'containers', 1), false, 'container #2'],
  [ref({ name: '' }, 'initContainers', 0), true, 'Init container #1'],
])('%#: %s', (r, capitalized, expected) => expect(describeContainer(r, capitalized)).toBe(expected));
