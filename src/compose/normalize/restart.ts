/** `restart`: `no`, `always`, `on-failure`, `on-failure:N`, `unless-stopped`. */
import type { RestartPolicy } from '../model.js';
import type { Located } from '../../source/located.js';
import { report, type Scope } from './context.js';
import { fieldName, readString } from './scalars.js';

export function readRestart(node: Located, scope: Scope): RestartPolicy | undefined {
  const text = readString(node, scope);
  if (text === undefined) return undefined;
  const m = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(text.trim());
  if (!m || (m[2] !== undefined && m[1] !== 'on-failure')) {
    report(scope, node.span, {
      message: `${fieldName(scope)} must be no, always, on-failure[:N] or unless-stopped, not ${JSON.stringify(text)}`,
    });
    return undefined;
  }
  const policy: RestartPolicy = { policy: m[1] as RestartPolicy['policy'], span: node.span };
  if (m[2] !== undefined) policy.maxRetries = Number(m[2]);
  return policy;
}
