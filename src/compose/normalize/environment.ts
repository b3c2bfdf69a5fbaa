/**
 * `environment`: a list (`KEY=value`, `KEY=`, `KEY`) or a mapping (`KEY: value`, `KEY:`). An entry without
 * a value takes the variable's value from the environment (process environment and `.env`), or stays
 * without a value when it is not set there.
 */
import type { EnvVar } from '../model.js';
import type { Located } from '../../source/located.js';
import type { Scope } from './context.js';
import { readListOrDict } from './key-values.js';

export function readEnvironment(node: Located, scope: Scope): EnvVar[] {
  return readListOrDict(node, scope).map((e): EnvVar => {
    if (e.value !== undefined) return { name: e.key, value: e.value, span: e.span };
    return { name: e.key, value: scope.ctx.env[e.key], span: e.span, keyOnly: true };
  });
}
