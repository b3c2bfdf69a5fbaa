/**
 * The built-in Kubernetes API definitions as precompiled validators and tables (generated/k8s/, built by
 * scripts/schemas/kubernetes.mjs). Everything loads lazily on first use: importing this module costs nothing.
 */
export { validateObject, type SchemaResult } from './validate.js';
export type { SchemaViolation } from './violations.js';
export { isBuiltinKind } from './resources.js';
export { resourceScope } from './scope.js';
export { listMapKeys, type ListSemantics } from './list-keys.js';
