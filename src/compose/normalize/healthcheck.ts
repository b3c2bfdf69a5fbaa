/**
 * `healthcheck`: `test` as a list (`[CMD, …]`, `[CMD-SHELL, "…"]`, `[NONE]`) or a string (run by the
 * container's shell, as docker compose turns it into `[CMD-SHELL, "…"]`), durations, retries, `disable`.
 */
import type { HealthTest, Healthcheck } from '../model.js';
import type { Located, LocatedSeq } from '../../source/located.js';
import { IGNORED_VALUE, report, within, type Scope } from './context.js';
import { fieldName, readBoolean, readInteger, readString, wrongType } from './scalars.js';
import { asMap, keysOf, optionalExtensions } from './shapes.js';
import { readDuration } from './durations.js';

export function readHealthcheck(node: Located, scope: Scope): Healthcheck | undefined {
  const map = asMap(node, scope);
  if (!map) return undefined;
  const check: Healthcheck = { disable: false, span: map.span, keys: keysOf(map), ...optionalExtensions(map) };
  for (const e of map.entries) {
    const s = within(scope, e.key);
    switch (e.key) {
      case 'test': {
        const test = readTest(e.value, s);
        if (test) check.test = test;
        break;
      }
      case 'interval':
      case 'timeout':
      case 'start_period':
      case 'start_interval': {
        const d = readDuration(e.value, s);
        const key = e.key === 'start_period' ? 'startPeriod' : e.key === 'start_interval' ? 'startInterval' : e.key;
        if (d !== undefined) check[key] = d;
        break;
      }
      case 'retries': {
        const n = readInteger(e.value, s, { min: 0 });
        if (n !== undefined) check.retries = n;
        break;
      }
      case 'disable':
        check.disable = readBoolean(e.value, s) ?? false;
        break;
    }
  }
  if (check.test?.kind === 'none') check.disable = true;
  return check;
}

function readTest(node: Located, scope: Scope): HealthTest | undefined {
  if (node.kind === 'seq') return readTestList(node, scope);
  if (node.kind === 'map') {
    wrongType(node, scope, 'a string or a list such as [CMD, curl, -f, http://localhost]');
    return undefined;
  }
  const command = readString(node, scope);
  if (command === undefined) return undefined;
  if (command.trim() === 'NONE') {
    report(scope, node.span, {
      severity: 'warning',
      message: `${fieldName(scope)}: the string NONE is run as a shell command, it does not disable the healthcheck`,
      hint: 'Write test: [NONE] or disable: true to turn off a healthcheck the image defines.',
    });
  }
  return { kind: 'shell', command };
}

function readTestList(seq: LocatedSeq, scope: Scope): HealthTest | undefined {
  const words: string[] = [];
  seq.items.forEach((item, i) => {
    const w = readString(item, within(scope, i));
    if (w !== undefined) words.push(w);
  });
  if (words.length === 0) return undefined;
  const [kind, ...rest] = words as [string, ...string[]];
  switch (kind) {
    case 'NONE':
      return { kind: 'none' };
    case 'CMD':
      if (rest.length === 0) break;
      return { kind: 'exec', argv: rest };
    case 'CMD-SHELL':
      if (rest.length === 0) break;
      if (rest.length > 1) {
        report(scope, seq.span, {
          severity: 'warning',
          code: IGNORED_VALUE,
          message: `${fieldName(scope)}: CMD-SHELL runs only its first argument as the command; the others become the shell's positional parameters`,
          hint: 'Write the whole command line as one string: [CMD-SHELL, "curl -f http://localhost || exit 1"].',
        });
      }
      return { kind: 'shell', command: rest[0]! };
    default:
      report(within(scope, 0), seq.items[0]!.span, {
        message: `${fieldName(scope)} must start with CMD, CMD-SHELL or NONE, not ${JSON.stringify(kind)}`,
        hint: `Write [CMD, ${words.map((w) => JSON.stringify(w)).join(', ')}].`,
      });
      return undefined;
  }
  report(scope, seq.span, { message: `${fieldName(scope)}: ${kind} needs a command after it` });
  return undefined;
}

