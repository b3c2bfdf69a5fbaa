// Generator for the Kubernetes validators and tables, from the definitions vendored in schemas/kubernetes/.
//
//   build (npm install / npm run build):   generated/k8s/<module>.cjs  standalone ajv validators per API package
//                                          generated/k8s/<module>.v8cache  V8 code cache of it (start-up speed)
//                                          generated/k8s/link.cjs      loads the module of a definition on first use
//                                          generated/k8s/resources.json  apiVersion → kind → [definition, scope]
//                                          generated/k8s/shapes.json     field shapes (list keys, field names)
//   re-vendor (by hand, reviewed as a diff):
//     node scripts/schemas/kubernetes.mjs --vendor ../shared/schemas/kubernetes-openapi-union-v1.21-v1.36.json.gz
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModules } from './kubernetes/compile.mjs';
import { codeCacheOf, linkerSource } from './kubernetes/linker.mjs';
import { strictSchemas } from './kubernetes/strict.mjs';
import { resourceTable, shapeTable } from './kubernetes/tables.mjs';
import { vendor } from './kubernetes/vendor.mjs';

const VENDORED = join('schemas', 'kubernetes', 'api-definitions.json');

/** @param {{ root: string, out: string }} args */
export async function build({ root, out }) {
  const vendored = JSON.parse(readFileSync(join(root, VENDORED), 'utf8'));
  const dir = join(out, 'k8s');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { schemas } = strictSchemas(vendored.definitions);
  const modules = compileModules(schemas);
  for (const [module, source] of modules) {
    const file = join(dir, `${module}.cjs`);
    writeFileSync(file, source);
    writeFileSync(join(dir, `${module}.v8cache`), codeCacheOf(source, file));
  }
  writeFileSync(join(dir, 'link.cjs'), linkerSource(modules.keys()));
  writeFileSync(join(dir, 'resources.json'), JSON.stringify(resourceTable(vendored.resources)));
  writeFileSync(join(dir, 'shapes.json'), JSON.stringify(shapeTable(vendored.definitions)));
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--vendor') {
  const bundle = process.argv[3];
  if (!bundle) throw new Error('usage: node scripts/schemas/kubernetes.mjs --vendor <kubernetes-openapi-union….json.gz>');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const summary = vendor(bundle, join(root, VENDORED));
  process.stderr.write(`vendored ${summary.definitions} definitions for ${summary.resources} kinds (${summary.bytes} bytes)\n`);
}
