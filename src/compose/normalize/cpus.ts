/** CPU amounts (`cpus: 0.5`, `cpus: "2"`, `deploy.resources.limits.cpus: '1.5'`): a non-negative number of cores. */
import type { Located } from '../../source/located.js';
import { report, type Scope } from './context.js';
import { fieldName, readNumber } from './scalars.js';

export function readCpus(node: Located, scope: Scope): number | undefined {
  const n = readNumber(node, scope, 'a number of CPUs such as 0.5');
  if (n === undefined) return undefined;
  if (n < 0) {
    report(scope, node.span, { message: `${fieldName(scope)} must not be negative` });
    return undefined;
  }
  return n;
}
