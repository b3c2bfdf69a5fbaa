/** Golden cases of x-shipshape, kompose.* labels, Ingress, HPA and PDB (folders of fixtures/convert/). */
export const EXTENSION_CASES: readonly string[] = [];
