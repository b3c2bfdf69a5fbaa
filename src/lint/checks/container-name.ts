import type { ContainerRef } from '../../k8s/object.js';

const noun: Readonly<Record<ContainerRef['kind'], string>> = {
  containers: 'container',
  initContainers: 'init container',
  ephemeralContainers: 'ephemeral container',
};

/**
 * How messages name a container: `container 'web'`, `init container 'setup'`, `container #2` when unnamed;
 * `Container 'web'` with `capitalized` to start a sentence.
 */
export function describeContainer(ref: ContainerRef, capitalized = false): string {
  const name = ref.container.name;
  const index = ref.path[ref.path.length - 1];
  const text = typeof name === 'string' && name !== '' ? `${noun[ref.kind]} '${name}'` : `${noun[ref.kind]} #${Number(index) + 1}`;
  return capitalized ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
