import type { ContainerRef } from '../../k8s/object.js';

const noun: Readonly<Record<ContainerRef['kind'], string>> = {
  containers: 'container',
  initContainers: 'init container',
  ephemeralContainers: 'ephemeral container',
};

/** How messages name a container: `container 'web'`, `init container 'setup'`, `container #2` when unnamed. */
export function describeContainer(ref: ContainerRef): string {
  const name = ref.container.name;
  const index = ref.path[ref.path.length - 1];
  return typeof name === 'string' && name !== '' ? `${noun[ref.kind]} '${name}'` : `${noun[ref.kind]} #${Number(index) + 1}`;
}
