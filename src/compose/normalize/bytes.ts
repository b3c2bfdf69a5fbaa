/**
 * Byte sizes as docker compose reads them (go-units `RAMInBytes`): a decimal number, an optional space,
 * an optional binary prefix k/m/g/t/p (powers of 1024), then optional `i` and `b`, case-insensitive:
 * `512M`, `1gb`, `2k`, `1.5G`, `100`, `1 KiB`. A YAML number is a count of bytes.
 */
import type { ByteSize } from '../model.js';
import type { Located } from '../../source/located.js';
import { report, type Scope } from './context.js';
import { describeNode, fieldName, wrongType } from './scalars.js';

const SIZE = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;
const POWER: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5 };

export function parseByteSize(text: string): ByteSize | undefined {
  const m = SIZE.exec(text.trim());
  if (!m) return undefined;
  const prefix = m[2]?.toLowerCase();
  return Math.trunc(Number(m[1]) * 1024 ** (prefix ? POWER[prefix]! : 0));
}

export function readByteSize(node: Located, scope: Scope): ByteSize | undefined {
  if (node.kind !== 'scalar') {
    wrongType(node, scope, 'a size such as 512m');
    return undefined;
  }
  const v = node.value;
  if (v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  const bytes = typeof v === 'string' ? parseByteSize(v) : undefined;
  if (bytes === undefined) {
    report(scope, node.span, {
      message: `${fieldName(scope)} must be a size such as 512m or 1gb, not ${describeNode(node)}`,
      hint: 'Use a number of bytes, or a number with k, m, g, t or p (powers of 1024).',
    });
  }
  return bytes;
}
