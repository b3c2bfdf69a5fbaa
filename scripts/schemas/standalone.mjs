// Compile JSON Schemas into one CommonJS module of standalone ajv validators (no ajv compile at run time).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

/**
 * @param {object} args
 * @param {Record<string, object>} args.schemas  export name → schema (each must have a unique $id)
 * @param {'07' | '2020'} [args.draft]
 * @param {import('ajv').Options} [args.options]
 * @param {string} args.file  output .cjs path
 */
export function writeStandalone({ schemas, draft = '07', options = {}, file }) {
  const AjvClass = draft === '2020' ? Ajv2020.default ?? Ajv2020 : Ajv.default ?? Ajv;
  const ajv = new AjvClass({
    code: { source: true, esm: false, optimize: true },
    allErrors: true,
    strict: false,
    ...options,
  });
  const refs = {};
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(schema);
    refs[name] = schema.$id;
  }
  const code = (standaloneCode.default ?? standaloneCode)(ajv, refs);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  return code.length;
}

/** Remove prose from a schema: `description`, `title` (under keys that are not property names), `examples`. */
export function stripDescriptions(node, inProperties = false) {
  if (Array.isArray(node)) return node.map((n) => stripDescriptions(n));
  if (!node || typeof node !== 'object') return node;
  const outNode = {};
  for (const [k, v] of Object.entries(node)) {
    if (!inProperties && (k === 'description' || k === 'examples' || k === '$comment')) continue;
    outNode[k] = stripDescriptions(v, !inProperties && (k === 'properties' || k === 'patternProperties' || k === 'definitions' || k === '$defs'));
  }
  return outNode;
}
