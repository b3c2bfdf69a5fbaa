/** Golden cases of x-shipshape, kompose.* labels, Ingress, HPA and PDB (folders of fixtures/convert/). */
export const EXTENSION_CASES: readonly string[] = ['x-shipshape', 'x-shipshape-errors', 'kompose-labels', 'ingress', 'autoscaling', 'statefulset', 'cronjob', 'pod-owners', 'api-refusals'];
