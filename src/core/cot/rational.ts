/**
 * Exact rational numbers on BigInt. Every value is kept reduced with a positive denominator, so
 * equality is structural. Used by the arithmetic evaluator: CoT checks must never report a
 * floating-point artefact (0.1 + 0.2 = 0.3 is right) as a mistake.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TEN = BigInt(10);

function gcd(a: bigint, b: bigint): bigint {
  if (a < ZERO) a = -a;
  if (b < ZERO) b = -b;
  while (b !== ZERO) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function rat(n: bigint | number, d: bigint | number = ONE): Rational {
  let nn = typeof n === 'bigint' ? n : BigInt(n);
  let dd = typeof d === 'bigint' ? d : BigInt(d);
  if (dd === ONE) return { n: nn, d: ONE };
  if (dd === ZERO) throw new RangeError('zero denominator');
  if (dd < ZERO) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd);
  return g === ONE || g === ZERO ? { n: nn, d: dd } : { n: nn / g, d: dd / g };
}

export const R_ZERO: Rational = { n: ZERO, d: ONE };
export const R_ONE: Rational = { n: ONE, d: ONE };
export const R_HUNDRED: Rational = { n: BigInt(100), d: ONE };

export const add = (a: Rational, b: Rational): Rational => (a.d === ONE && b.d === ONE ? { n: a.n + b.n, d: ONE } : rat(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Rational, b: Rational): Rational => (a.d === ONE && b.d === ONE ? { n: a.n - b.n, d: ONE } : rat(a.n * b.d - b.n * a.d, a.d * b.d));
export const mul = (a: Rational, b: Rational): Rational => (a.d === ONE && b.d === ONE ? { n: a.n * b.n, d: ONE } : rat(a.n * b.n, a.d * b.d));
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export const isZero = (a: Rational): boolean => a.n === ZERO;
export const isInteger = (a: Rational): boolean => a.d === ONE;
export const equals = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;

/** a / b, or undefined when b is zero. */
export function div(a: Rational, b: Rational): Rational | undefined {
  if (b.n === ZERO) return undefined;
  return rat(a.n * b.d, a.d * b.n);
}

export function compare(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Largest exponent and operand size `pow` accepts; beyond it the result is not worth computing. */
const MAX_EXPONENT = 64;
const MAX_BITS = 4096;

/** a ^ b for an integer exponent of at most 64 in magnitude; undefined otherwise (2^0.5, 10^1000, 0^-1). */
export function pow(a: Rational, b: Rational): Rational | undefined {
  if (b.d !== ONE) return undefined;
  const e = Number(b.n);
  if (Math.abs(e) > MAX_EXPONENT) return undefined;
  if (a.n.toString(16).length * 4 * Math.abs(e) > MAX_BITS) return undefined;
  if (e === 0) return R_ONE;
  const k = BigInt(Math.abs(e));
  const r = rat(a.n ** k, a.d ** k);
  return e < 0 ? div(R_ONE, r) : r;
}

export function toNumber(a: Rational): number {
  if (a.d === ONE) return Number(a.n);
  const v = Number(a.n) / Number(a.d);
  if (Number.isFinite(v)) return v;
  // huge parts: scale down before dividing
  const shift = BigInt(Math.max(a.n.toString().length, a.d.toString().length) - 300);
  const s = TEN ** (shift > ZERO ? shift : ZERO);
  return Number(a.n / s) / Number(a.d / s);
}

/** 10^k as a bigint (k small). */
export function pow10(k: number): bigint {
  return TEN ** BigInt(k);
}

/**
 * Parses a plain decimal numeral: optional sign, digits with optional ',' thousands groups,
 * optional fraction (".5", "3.50"). Returns undefined for anything else.
 */
export function parseDecimal(text: string): Rational | undefined {
  // the usual numeral, a run of up to 15 digits: read in place (no regex, no BigInt parse of a string)
  const len = text.length;
  if (len > 0 && len <= 15) {
    let v = 0;
    let i = 0;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (i === len) return { n: BigInt(v), d: ONE };
  }
  const m = /^([-+]?)(\d*)(?:\.(\d+))?$/.exec(text.replace(/,/g, ''));
  if (!m || (m[2] === '' && m[3] === undefined)) return undefined;
  const frac = m[3] ?? '';
  const n = BigInt((m[2] || '0') + frac);
  const r = rat(m[1] === '-' ? -n : n, pow10(frac.length));
  return r;
}

/** Rounds half away from zero to `k` decimals. */
export function roundTo(a: Rational, k: number): Rational {
  const scale = pow10(k);
  const scaled = a.n * scale;
  const neg = scaled < ZERO;
  const abs = neg ? -scaled : scaled;
  const q = abs / a.d;
  const r = abs % a.d;
  const rounded = r * BigInt(2) >= a.d ? q + ONE : q;
  return rat(neg ? -rounded : rounded, scale);
}

/** Truncates toward zero to `k` decimals. */
export function truncateTo(a: Rational, k: number): Rational {
  const scale = pow10(k);
  return rat((a.n * scale) / a.d, scale);
}

/** True when the decimal expansion of `a` terminates (denominator only has factors 2 and 5). */
export function isTerminating(a: Rational): boolean {
  let d = a.d;
  const two = BigInt(2);
  const five = BigInt(5);
  while (d % two === ZERO) d /= two;
  while (d % five === ZERO) d /= five;
  return d === ONE;
}

/**
 * Formats for messages: integers as "24", terminating decimals exactly ("0.125"), others rounded
 * to 4 significant decimals with a trailing "…" ("3.3333…").
 */
export function formatRational(a: Rational): string {
  if (a.d === ONE) return a.n.toString();
  if (isTerminating(a)) {
    for (let k = 1; k <= 12; k++) {
      const r = roundTo(a, k);
      if (equals(r, a)) return decimalString(r, k);
    }
  }
  const k = Math.abs(toNumber(a)) >= 1 ? 4 : 6;
  return `${decimalString(roundTo(a, k), k).replace(/0+$/, '').replace(/\.$/, '')}…`;
}

/** The value written with exactly `k` decimals (the value must already be a multiple of 10^-k). */
export function decimalString(a: Rational, k: number): string {
  const scaled = (a.n * pow10(k)) / a.d;
  const neg = scaled < ZERO;
  let s = (neg ? -scaled : scaled).toString();
  if (k > 0) {
    s = s.padStart(k + 1, '0');
    s = `${s.slice(0, -k)}.${s.slice(-k)}`;
  }
  return neg ? `-${s}` : s;
}
