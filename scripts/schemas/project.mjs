// Generator for shipshape's own schemas: the lint configuration file and the `x-shipshape` Compose extension.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeStandalone } from './standalone.mjs';

/** schema file under schemas/ → export name in generated/project-validators.cjs */
const schemas = [
  ['config.schema.json', 'config'],
  ['x-shipshape.schema.json', 'xShipshape'],
];

/** @param {{ root: string, out: string }} args */
export async function build({ root, out }) {
  const compiled = {};
  for (const [file, name] of schemas) {
    const path = join(root, 'schemas', file);
    if (!existsSync(path)) throw new Error(`missing schema ${path}`);
    compiled[name] = JSON.parse(readFileSync(path, 'utf8'));
  }
  writeStandalone({ schemas: compiled, draft: '07', file: join(out, 'project-validators.cjs') });
}
