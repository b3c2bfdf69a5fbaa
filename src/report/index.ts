/**
 * The report formatters, registered explicitly. Importing this module is cheap (no schema compiling,
 * no I/O); the lint command imports it lazily all the same.
 */
import type { Formatter } from './formatter.js';
import { github } from './formatters/github.js';
import { json } from './formatters/json.js';
import { junit } from './formatters/junit.js';
import { sarif } from './formatters/sarif.js';
import { stylish } from './formatters/stylish.js';

export type * from './formatter.js';
export type { JsonDiagnostic, JsonObjectRef, JsonRelated, JsonReport } from './formatters/json.js';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

/** Every format name, in the order help text lists them (`stylish` is the default). */
export const formatNames: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github', 'junit'];

export const formatters: Readonly<Record<FormatName, Formatter>> = { stylish, json, sarif, github, junit };

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}
