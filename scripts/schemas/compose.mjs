// Generator for the Compose validator, from the schema vendored in schemas/compose/.
//
//   build (npm install / npm run build):   generated/compose-validators.cjs  standalone ajv (2020-12) validator `compose`,
//                                          verbose (each error carries its schema, for "unknown key … did you mean")
//   re-vendor (by hand, reviewed as a diff):
//     node scripts/schemas/compose.mjs --vendor ../shared/schemas
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripDescriptions, writeStandalone } from './standalone.mjs';

const VENDORED = join('schemas', 'compose', 'compose-spec.json');

/** @param {{ root: string, out: string }} args */
export async function build({ root, out }) {
  const schema = JSON.parse(readFileSync(join(root, VENDORED), 'utf8'));
  writeStandalone({
    schemas: { compose: schema },
    draft: '2020',
    // verbose: errors carry their schema and parent schema, which name the allowed keys and values.
    options: { allowUnionTypes: true, verbose: true },
    file: join(out, 'compose-validators.cjs'),
  });
}

/** Copy the official schema (descriptions stripped) and its license into schemas/compose/. */
function vendor(sharedDir, root) {
  const dir = join(root, 'schemas', 'compose');
  mkdirSync(dir, { recursive: true });
  const schema = stripDescriptions(JSON.parse(readFileSync(join(sharedDir, 'compose-spec.json'), 'utf8')));
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  writeFileSync(join(root, VENDORED), text);
  copyFileSync(join(sharedDir, 'LICENSE.compose-go'), join(dir, 'LICENSE.compose-go'));
  return text.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--vendor') {
  const shared = process.argv[3];
  if (!shared) throw new Error('usage: node scripts/schemas/compose.mjs --vendor <dir holding compose-spec.json and LICENSE.compose-go>');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const bytes = vendor(shared, root);
  process.stderr.write(`vendored ${VENDORED} (${bytes} bytes); update schemas/compose/README.md with the source commit\n`);
}
