/**
 * Kubernetes resource quantities (`500m`, `1`, `1.5Gi`, `1e3`) compared by value: `1000m` = `1`,
 * `1Gi` = `1024Mi`. Values are exact fractions of BigInts, so `0.1` + nothing is lost to floating point.
 *
 * Grammar (k8s.io/apimachinery resource.Quantity):
 *   quantity ::= signedNumber suffix
 *   suffix   ::= binarySI (Ki Mi Gi Ti Pi Ei) | decimalSI (n u m '' k M G T P E) | ('e'|'E') signedNumber
 */

/** An exact value: `numerator / denominator`, reduced, denominator > 0. */
export interface QuantityValue {
  numerator: bigint;
  denominator: bigint;
}

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
/** Digits beyond this, or an exponent beyond ±MAX_EXPONENT, are not read as a quantity (bounded work). */
const MAX_DIGITS = 64;
const MAX_EXPONENT = 64;

const binary: Readonly<Record<string, bigint>> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const decimal: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The value of a quantity written as a string or a YAML number; `undefined` when it is not one.
 * Never throws, and refuses absurd inputs (over 64 digits, exponents beyond ±64) instead of working hard.
 */
export function parseQuantity(written: unknown): QuantityValue | undefined {
  let text: string;
  if (typeof written === 'number') {
    if (!Number.isFinite(written)) return undefined;
    text = String(written).replace('e+', 'e');
  } else if (typeof written === 'string') {
    text = written;
  } else {
    return undefined;
  }
  if (text.length > MAX_DIGITS + 8) return undefined;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, whole = '', fraction = '', suffix = ''] = m;
  if (whole === '' && fraction === '') return undefined;
  if (whole.length + fraction.length > MAX_DIGITS) return undefined;
  let numerator = BigInt(`${whole}${fraction}` || '0');
  let denominator = 10n ** BigInt(fraction.length);
  let exponent = 0;
  if (suffix in binary) numerator *= binary[suffix]!;
  else if (suffix in decimal) exponent = decimal[suffix]!;
  else if (suffix !== '') exponent = Number(suffix.slice(1));
  if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
  if (exponent > 0) numerator *= 10n ** BigInt(exponent);
  else if (exponent < 0) denominator *= 10n ** BigInt(-exponent);
  if (sign === '-') numerator = -numerator;
  const divisor = gcd(numerator, denominator);
  if (divisor > 1n) {
    numerator /= divisor;
    denominator /= divisor;
  }
  return { numerator, denominator };
}

/** Whether two written quantities have the same value (both must parse). */
export function sameQuantity(a: unknown, b: unknown): boolean {
  const x = parseQuantity(a);
  if (!x) return false;
  const y = parseQuantity(b);
  return y !== undefined && x.numerator === y.numerator && x.denominator === y.denominator;
}
