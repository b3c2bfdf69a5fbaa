import type { RuleModule } from '../rule.js';
import yamlSyntax from './yaml-syntax.js';
import schema from './schema.js';
import deprecatedApi from './deprecated-api.js';
import duplicateObject from './duplicate-object.js';
import serviceSelectorMismatch from './service-selector-mismatch.js';
import workloadSelectorMismatch from './workload-selector-mismatch.js';
import serviceTargetPort from './service-target-port.js';
import hardcodedPodIp from './hardcoded-pod-ip.js';
import missingReplicas from './missing-replicas.js';
import danglingReference from './dangling-reference.js';
import imageTag from './image-tag.js';
import missingProbes from './missing-probes.js';
import missingResources from './missing-resources.js';
import privilegedContainer from './privileged-container.js';
import runAsRoot from './run-as-root.js';
import hostNamespaces from './host-namespaces.js';

/** Every rule, in the order documentation lists them. Adding a rule means adding it here (no folder scanning). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rules: readonly RuleModule<any>[] = [
  yamlSyntax,
  schema,
  deprecatedApi,
  duplicateObject,
  serviceSelectorMismatch,
  workloadSelectorMismatch,
  serviceTargetPort,
  hardcodedPodIp,
  missingReplicas,
  danglingReference,
  imageTag,
  missingProbes,
  missingResources,
  privilegedContainer,
  runAsRoot,
  hostNamespaces,
];
