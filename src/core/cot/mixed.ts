/**
 * Mixed numbers in reasoning text: "2 1/2", "3 ½", "3½", LaTeX "2\frac{1}{2}". The tokenizer sees a
 * whole number and a fraction; where the text clearly writes a mixed number (a whole number, one space
 * or nothing, a proper fraction, nothing glued after it) the tokens are merged into one exact number.
 * Anything less clear ("3 1/2-hour shifts", "2 1/2-year-old", "1 2/3/24", "on 3 1/2") is left alone, and an
 * improper LaTeX "2\frac{5}{2}" (a product or a mixed number?) is made opaque so no equation reads it.
 */
import { type Token, makeToken } from './expr';
import { type Rational, add, compare, div, formatRational, isInteger, neg, R_ZERO, rat, sub } from './rational';

/** How a mixed number was written: "2 1/2", "2½" / "2 ½", "2\frac{1}{2}". */
export type MixedStyle = 'space' | 'vulgar' | 'latex';

const VULGAR: Record<string, [number, number]> = {
  '½': [1, 2], '⅓': [1, 3], '⅔': [2, 3], '¼': [1, 4], '¾': [3, 4], '⅕': [1, 5], '⅖': [2, 5], '⅗': [3, 5], '⅘': [4, 5],
  '⅙': [1, 6], '⅚': [5, 6], '⅐': [1, 7], '⅛': [1, 8], '⅜': [3, 8], '⅝': [5, 8], '⅞': [7, 8], '⅑': [1, 9], '⅒': [1, 10],
};
const VULGAR_BY_VALUE = new Map(Object.entries(VULGAR).map(([c, [n, d]]) => [`${n}/${d}`, c]));

const VULGAR_RE = /[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]/;

/**
 * Cheap test for a text that may hold one (no alternation over the whole text): "digit, space,
 * digits, '/'", a vulgar fraction, or a "\frac{" after a digit.
 */
export function mayHaveMixedNumbers(text: string): boolean {
  for (let i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
    let k = i - 1;
    while (k >= 0 && isDigitAt(text, k)) k--;
    if (k < i - 1 && k > 0 && (text[k] === ' ' || text[k] === '\u00a0') && isDigitAt(text, k - 1)) return true;
  }
  for (let i = text.indexOf('frac{'); i >= 0; i = text.indexOf('frac{', i + 5)) {
    // "\frac{", "\dfrac{", "\tfrac{" with a digit before it (spaces allowed)
    let k = i - 1;
    if (text[k] === 'd' || text[k] === 't') k--;
    if (text[k] !== '\\') continue;
    k--;
    while (k >= 0 && text[k] === ' ') k--;
    if (isDigitAt(text, k)) return true;
  }
  return VULGAR_RE.test(text);
}

/** Words after which "3 1/2" is a label, a date or a reference rather than a quantity. */
const NOT_BEFORE = new Set([
  'on', 'page', 'pages', 'chapter', 'step', 'steps', 'day', 'no', 'number', 'version', 'room', 'line', 'verse', 'psalm', 'section', 'figure', 'table',
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september',
  'oct', 'october', 'nov', 'november', 'dec', 'december',
]);

const isDigitAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

const isLetterAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
};

function plainInteger(t: Token | undefined): t is Token {
  return !!t && t.kind === 'num' && !t.percent && !t.leadingZero && (t.decimals ?? 0) === 0 && !!t.value && isInteger(t.value) && t.value.n >= BigInt(0) && !t.mixed;
}

/** The whole number may start a mixed number: not glued to a '/', '.', ':' or another number before it, not after a label word. */
function wholeOk(toks: Token[], i: number, text: string): boolean {
  const t = toks[i];
  const c = text[t.start - 1];
  if (c === '/' || c === '.' || c === ':' || c === ',' || (c !== undefined && isDigitAt(text, t.start - 1))) return false;
  // "-2 1/2" is negative; "1-2 1/2", "pre-2 1/2" are something else
  if (c === '-' && (isDigitAt(text, t.start - 2) || isLetterAt(text, t.start - 2))) return false;
  const before = toks[i - 1];
  if (before && before.kind === 'num') return false;
  if (before && before.kind === 'word' && NOT_BEFORE.has(before.text!.toLowerCase())) return false;
  return true;
}

/** Nothing glued after the fraction that makes it something else: "1/2-hour", "2/3/24", "1/2.5", "1/2:30". */
function tailOk(text: string, end: number): boolean {
  const c = text[end];
  if (c === undefined) return true;
  if (c === '/' || c === ':' || c === '-' || c === '–' || isDigitAt(text, end) || isLetterAt(text, end)) return false;
  if ((c === '.' || c === ',') && isDigitAt(text, end + 1)) return false;
  return true;
}

function mixedValue(whole: Rational, n: Rational, d: Rational): Rational | undefined {
  if (compare(n, R_ZERO) <= 0 || compare(n, d) >= 0) return undefined;
  const f = div(n, d);
  return f && add(whole, f);
}

/** "8 1/10" is "8.1": a tenths or hundredths fraction has the precision of the decimal it stands for. */
function decimalsOf(d: Rational | undefined): number {
  if (!d) return 0;
  const t = d.n.toString();
  return /^10+$/.test(t) ? t.length - 1 : 0;
}

function merged(first: Token, end: number, value: Rational, mixed: MixedStyle, denominator?: Rational): Token {
  const t = makeToken('num', first.start, end, first.space);
  t.value = value;
  t.decimals = decimalsOf(denominator);
  t.mixed = mixed;
  return t;
}

/**
 * Merges the tokens of each clearly written mixed number into one 'num' token with its exact value
 * and `mixed` set; a vulgar fraction on its own becomes a number. Returns a new array.
 */
export function mergeMixedNumbers(toks: Token[], text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'other' && VULGAR[t.text!]) {
      const [n, d] = VULGAR[t.text!];
      const prev = out[out.length - 1];
      const gap = prev ? t.start - prev.end : -1;
      // "3½", "3 ½"
      if (plainInteger(prev) && (gap === 0 || (gap === 1 && text[prev.end] === ' ')) && wholeOk(out, out.length - 1, text) && tailOk(text, t.end)) {
        out[out.length - 1] = merged(prev, t.end, add(prev.value!, rat(n, d)), 'vulgar');
      } else if (tailOk(text, t.end) && !(prev && prev.kind === 'num' && gap === 0)) {
        const v = makeToken('num', t.start, t.end, t.space);
        v.value = rat(n, d);
        v.decimals = 0;
        v.mixed = 'vulgar';
        out.push(v);
      } else out.push(t);
      continue;
    }
    if (!plainInteger(t)) {
      out.push(t);
      continue;
    }
    // "2 1/2": exactly one space, then a tight proper fraction
    const a = toks[i + 1];
    const slash = toks[i + 2];
    const b = toks[i + 3];
    if (
      plainInteger(a) && a.start === t.end + 1 && text[t.end] === ' ' && slash && slash.kind === 'op' && text[slash.start] === '/' && slash.start === a.end &&
      plainInteger(b) && b.start === slash.end && wholeOk(toks, i, text)
    ) {
      const v = mixedValue(t.value!, a.value!, b.value!);
      if (v && tailOk(text, b.end)) {
        out.push(merged(t, b.end, v, 'space', b.value));
        i += 3;
        continue;
      }
    }
    // "2\frac{1}{2}", "2 \frac{1}{2}"
    const f = toks[i + 1];
    if (f && f.kind === 'frac' && (f.start === t.end || (f.start === t.end + 1 && text[t.end] === ' ')) && wholeOk(toks, i, text)) {
      const parts = bracedIntegers(toks, i + 2);
      if (parts) {
        const v = mixedValue(t.value!, parts.n, parts.d);
        if (v) out.push(merged(t, toks[parts.next - 1].end, v, 'latex', parts.d));
        // an improper "2\frac{5}{2}" is a product or a mixed number: opaque, no equation reads it
        else out.push(makeToken('other', t.start, toks[parts.next - 1].end, t.space, '\u0000'));
        i = parts.next - 1;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** "{1}{2}" at toks[k]: the two integers and the index after the closing brace. */
function bracedIntegers(toks: Token[], k: number): { n: Rational; d: Rational; next: number } | undefined {
  const ok = (o: Token | undefined, x: Token | undefined, c: Token | undefined) =>
    o?.kind === 'lp' && o.text === '{' && plainInteger(x) && c?.kind === 'rp' && c.text === '}';
  if (!ok(toks[k], toks[k + 1], toks[k + 2]) || !ok(toks[k + 3], toks[k + 4], toks[k + 5])) return undefined;
  return { n: toks[k + 1].value!, d: toks[k + 4].value!, next: k + 6 };
}

/** `value` written as a mixed number in `style`: "4 1/4", "4¼", "4\frac{1}{4}" (a whole number when it is one). */
export function formatMixed(value: Rational, style: MixedStyle, spaced: boolean): string {
  if (isInteger(value)) return formatRational(value);
  const negative = value.n < BigInt(0);
  const abs = negative ? neg(value) : value;
  const whole = abs.n / abs.d;
  const frac = sub(abs, rat(whole));
  const sign = negative ? '-' : '';
  const w = whole === BigInt(0) ? '' : whole.toString();
  if (style === 'latex') return `${sign}${w}\\frac{${frac.n}}{${frac.d}}`;
  if (style === 'vulgar') {
    const c = VULGAR_BY_VALUE.get(`${frac.n}/${frac.d}`);
    if (c) return `${sign}${w}${w && spaced ? ' ' : ''}${c}`;
  }
  return `${sign}${w}${w ? ' ' : ''}${frac.n}/${frac.d}`;
}
