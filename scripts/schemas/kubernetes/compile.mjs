// Compile strict Kubernetes schemas into standalone ajv validators, one CommonJS module per API package
// (core.v1, apps.v1, meta.v1, …). A definition used by another package (PodSpec, ObjectMeta) exists once:
// references across modules go through a small linker that loads the target module on first use.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import codegen from 'ajv/dist/compile/codegen/index.js';
import compileIndex from 'ajv/dist/compile/index.js';
import refKeyword from 'ajv/dist/vocabularies/core/ref.js';
import code from 'ajv/dist/vocabularies/code.js';
import names from 'ajv/dist/compile/names.js';
import { CLOSED, REQUIRED, BASE64_KEYWORD, BASE64_PATTERN, INT_OR_STRING, INT_RANGES, INT32_KEYWORD, INT64_KEYWORD, QUANTITY_KEYWORD, QUANTITY_PATTERN, REF, REF_OR_NULL } from './strict.mjs';

const { _, nil, stringify } = codegen;
const N = names.default ?? names;
const { getValidate } = refKeyword;

/** Prefixes cut from a definition's Go package to name its module (`io.k8s.api.apps.v1` → `apps.v1`). */
export const PACKAGE_PREFIXES = [
  /^io\.k8s\.api\./,
  /^io\.k8s\.apimachinery\.pkg\.apis\./,
  /^io\.k8s\.apiextensions-apiserver\.pkg\.apis\./,
  /^io\.k8s\.kube-aggregator\.pkg\.apis\./,
  /^io\.k8s\./,
];

/** Module (file stem) of a definition: its Go package without the common prefixes. */
export function moduleOf(definition) {
  let name = definition.slice(0, definition.lastIndexOf('.'));
  for (const prefix of PACKAGE_PREFIXES) name = name.replace(prefix, '');
  return name;
}

/**
 * @param {Record<string, object>} schemas  strict schema per definition ($id = definition name)
 * @returns {Map<string, string>}  module name → CommonJS source
 */
export function compileModules(schemas) {
  const AjvClass = Ajv.default ?? Ajv;
  const ajv = new AjvClass({
    code: { source: true, esm: false, optimize: true, lines: false },
    allErrors: true,
    strict: false,
    inlineRefs: false,
    messages: false,
  });
  const linkStubs = new Map();
  const linkTo = (target) => {
    let stub = linkStubs.get(target);
    if (!stub) {
      // In-process (only while compiling) the stub is never called; standalone code gets the `code` below.
      stub = () => {
        throw new Error('link stub called at build time');
      };
      linkStubs.set(target, stub);
    }
    return stub;
  };
  const reference = (nullable) => ({
    keyword: nullable ? REF_OR_NULL : REF,
    schemaType: 'string',
    code(cxt) {
      const { gen, schema: target, it, data } = cxt;
      let validate;
      if (moduleOf(target) === moduleOf(it.schemaEnv.root.schema.$id)) {
        const env = compileIndex.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, target);
        if (!env || !(env instanceof compileIndex.SchemaEnv)) throw new Error(`cannot resolve ${target}`);
        validate = getValidate(cxt, env);
      } else {
        validate = gen.scopeValue('func', { ref: linkTo(target), code: _`require("./link.cjs").to(${target})` });
      }
      const call = code.callValidateCode(cxt, validate, nil);
      cxt.result(nullable ? _`${data} === null || ${call}` : call, undefined, () => {
        const errors = _`${validate}.errors`;
        gen.assign(N.vErrors, _`${N.vErrors} === null ? ${errors} : ${N.vErrors}.concat(${errors})`);
        gen.assign(N.errors, _`${N.vErrors}.length`);
      });
    },
  });
  ajv.addKeyword(reference(false));
  ajv.addKeyword(reference(true));
  for (const keyword of valueKeywords()) ajv.addKeyword(keyword);
  ajv.addKeyword(closedKeyword());
  ajv.addKeyword(requiredKeyword());

  const byModule = new Map();
  for (const name of Object.keys(schemas).sort()) {
    const module = moduleOf(name);
    if (!byModule.has(module)) byModule.set(module, {});
    byModule.get(module)[name] = name;
    ajv.addSchema(schemas[name]);
  }
  const sources = new Map();
  for (const [module, exports] of byModule) {
    sources.set(module, compact(dropUnusedSchemaConstants((standaloneCode.default ?? standaloneCode)(ajv, exports))));
  }
  return sources;
}

/**
 * ajv's standalone output declares every compiled schema as a constant (`const schema12 = {…};`) even
 * when no code reads it. Our keywords never read them, so unread ones are cut (about an eighth of the code).
 */
export function dropUnusedSchemaConstants(source) {
  const declaration = /const (schema\d+) = \{/g;
  const cuts = [];
  for (let match = declaration.exec(source); match; match = declaration.exec(source)) {
    const name = match[1];
    const uses = source.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
    const end = endOfJsonObject(source, match.index + match[0].length - 1);
    if (uses === 1 && source[end] === ';') cuts.push([match.index, end + 1]);
    declaration.lastIndex = end;
  }
  let out = '';
  let from = 0;
  for (const [start, end] of cuts) {
    out += source.slice(from, start);
    from = end;
  }
  return out + source.slice(from);
}

/**
 * Shrink ajv's output where it is repetitive (a fifth of the size, so a fifth less to parse at start-up):
 * error objects lose `schemaPath` (violations are built from `instancePath`, `keyword` and `params`), the
 * per-function `sourceURL` comments go, and the four-statement "append an error" becomes one call.
 * Each rewrite matches ajv's exact output; where ajv's output differs, it leaves the code as it is.
 */
export function compact(source) {
  const appendError = /if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}/g;
  const rewritten = source
    .replace(/schemaPath:"(?:[^"\\]|\\.)*",/g, '')
    .replace(/\/\*# sourceURL="(?:[^"\\]|\\.)*" \*\/;/g, '')
    .replace(appendError, 'vErrors = appendError(vErrors, $1);');
  if (rewritten === source) return source;
  const helper = 'function appendError(errors, error) { if (errors === null) return [error]; errors.push(error); return errors; }';
  return rewritten.replace('"use strict";', `"use strict";${helper}`);
}

/** Index just past the JSON object that starts at `start` (strings and escapes respected). */
function endOfJsonObject(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  throw new Error('unterminated schema constant in generated code');
}

/** An object may hold only the fields its schema's `properties` name; reported like `additionalProperties`. */
function closedKeyword() {
  return {
    keyword: CLOSED,
    type: 'object',
    schemaType: 'boolean',
    error: { message: 'unknown field', params: ({ params }) => _`{additionalProperty: ${params.additionalProperty}}` },
    code(cxt) {
      const { gen, data, parentSchema } = cxt;
      const fields = Object.keys(parentSchema.properties ?? {}).sort();
      const known = gen.scopeValue('obj', { key: fields.join('\n'), ref: new Set(fields), code: _`new Set(${stringify(fields)})` });
      gen.forIn('key', data, (key) => {
        gen.if(_`!${known}.has(${key})`, () => {
          cxt.setParams({ additionalProperty: key });
          cxt.error();
        });
      });
    },
  };
}

/** Required fields, where `null` (= not set) counts as missing; reported like `required`. */
function requiredKeyword() {
  return {
    keyword: REQUIRED,
    type: 'object',
    schemaType: 'array',
    error: { message: 'missing field', params: ({ params }) => _`{missingProperty: ${params.missingProperty}}` },
    code(cxt) {
      const { gen, data, schema } = cxt;
      for (const field of schema) {
        gen.if(_`${data}${codegen.getProperty(field)} == null`, () => {
          cxt.setParams({ missingProperty: field });
          cxt.error();
        });
      }
    },
  };
}

/** Value checks that accept `null` (= not set) and report an error with no params; messages are made at run time. */
function valueKeywords() {
  const check = (keyword, condition) => ({
    keyword,
    schemaType: 'boolean',
    code(cxt) {
      cxt.fail(_`!(${cxt.data} === null || ${condition(cxt)})`);
    },
  });
  /** Within the range of a Go integer type; other types are left to `type` (so a string is one error, not two). */
  const inRange = (data, { min, max }) => _`(typeof ${data} != "number" || (${data} >= ${min} && ${data} <= ${max}))`;
  const int32 = INT_RANGES[INT32_KEYWORD];
  return [
    // The integer of an IntOrString is an int32 (intstr.IntOrString.IntVal).
    check(INT_OR_STRING, ({ data }) => _`typeof ${data} == "string" || (Number.isInteger(${data}) && ${inRange(data, int32)})`),
    check(INT32_KEYWORD, ({ data }) => inRange(data, int32)),
    check(INT64_KEYWORD, ({ data }) => inRange(data, INT_RANGES[INT64_KEYWORD])),
    check(
      QUANTITY_KEYWORD,
      (cxt) =>
        _`(typeof ${cxt.data} == "number" && isFinite(${cxt.data})) || (typeof ${cxt.data} == "string" && ${code.usePattern(cxt, QUANTITY_PATTERN)}.test(${cxt.data}))`,
    ),
    check(BASE64_KEYWORD, (cxt) => _`typeof ${cxt.data} != "string" || ${code.usePattern(cxt, BASE64_PATTERN)}.test(${cxt.data})`),
  ];
}
