/**
 * Numbers in prose: "1,000", "3.50", "$1,200.00", "-4", "50%", "1/2", "2 1/2", "3½", "twelve", "a dozen".
 * Every number keeps its exact offsets so rules can point at it.
 */
import { tokenize } from './expr';
import { mayHaveMixedNumbers, mergeMixedNumbers } from './mixed';
import { type Rational, add, div, mul, parseDecimal, rat, R_HUNDRED } from './rational';

/** 'mixed': a whole number and a proper fraction written as one ("2 1/2", "3½", "2\frac{1}{2}"). */
export type NumberKind = 'integer' | 'decimal' | 'percent' | 'fraction' | 'mixed' | 'word';

export interface NumberMention {
  /** Offsets in the text, [start, end). */
  start: number;
  end: number;
  text: string;
  value: Rational;
  kind: NumberKind;
  /** Currency symbol written before the number, if any. */
  currency?: string;
}

// One alternation, tried left to right: fraction, thousands-grouped, plain, leading-dot decimal.
// The sign is only taken when it cannot be a hyphen or a range dash ("3-4 weeks").
const NUMBER_RE = /(?<![\w.,/])(-(?=[$€£¥]?\d))?([$€£¥])?(?:(\d+)\/(\d+)(?![\d/.])|(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.(\d+))?(%)?|\.(\d+)(%)?)/g;

const WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, million: 1000000, dozen: 12, twice: 2, double: 2, triple: 3, thrice: 3,
  half: 0.5, quarter: 0.25, third: 1 / 3, fourth: 0.25,
};
const WORD_RE = /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|twice|double|triple|thrice|half|quarter|third|fourth)\b/gi;

const SMALL = 'one|two|three|four|five|six|seven|eight|nine|ten';
/** "one and a half", "an hour and a half", "2 cups and a quarter": a whole amount and a fraction in words. */
const AND_A_RE = new RegExp(String.raw`\b(\d+|${SMALL}|an?)(?: [a-z]+)? and a (half|quarter|third)\b(?!-)`, 'gi');
/** "three-quarters", "two thirds", "one fifth". */
const FRACTION_WORD_RE = new RegExp(String.raw`\b(${SMALL})[- ](halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\b`, 'i');
const DENOMINATORS: Record<string, number> = { halve: 2, half: 2, third: 3, quarter: 4, fourth: 4, fifth: 5, sixth: 6, eighth: 8, tenth: 10 };

/**
 * Fractions written in words, read as one number each (on top of the words they are made of, which
 * stay mentions too): "one and a half" = 3/2, "an hour and a half" = 3/2, "three-quarters" = 3/4.
 */
function fractionWords(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const whole = (w: string) => (/^\d+$/.test(w) ? rat(BigInt(w)) : /^an?$/i.test(w) ? rat(1) : wordValue(w));
  AND_A_RE.lastIndex = 0;
  for (let m = AND_A_RE.exec(text); m; m = AND_A_RE.exec(text)) {
    const d = DENOMINATORS[m[2].toLowerCase()];
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: add(whole(m[1]), rat(1, d)), kind: 'word' });
  }
  const re = new RegExp(FRACTION_WORD_RE.source, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const d = DENOMINATORS[m[2].toLowerCase().replace(/s$/, '')];
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: div(wordValue(m[1]), rat(d))!, kind: 'word' });
  }
  return out;
}

function wordValue(w: string): Rational {
  const lower = w.toLowerCase();
  if (lower === 'third') return rat(1, 3);
  const v = WORDS[lower];
  return v === 0.5 ? rat(1, 2) : v === 0.25 ? rat(1, 4) : rat(v);
}

/** Every number written with digits, in order. */
export function extractNumbers(text: string, options: { words?: boolean } = {}): NumberMention[] {
  let out: NumberMention[] = [];
  if (!/\d/.test(text) && !options.words) return out;
  NUMBER_RE.lastIndex = 0;
  let candidate = false;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    const mention = fromMatch(m);
    if (!mention) continue;
    if (!candidate && mention.kind === 'integer') candidate = mixedAfter(text, mention.end);
    out.push(mention);
  }
  if (candidate && mayHaveMixedNumbers(text)) out = withMixedNumbers(text, out);
  if (options.words) {
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: wordValue(m[0]), kind: 'word' });
    }
    if (text.indexOf(' and a ') >= 0 || FRACTION_WORD_RE.test(text)) out.push(...fractionWords(text));
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** After a whole number (ending at `end`): a fraction after one space ("2 1/2"), a vulgar fraction or a backslash ("2\\frac"), directly or after one space. */
function mixedAfter(text: string, end: number): boolean {
  const k = text.charCodeAt(end) === 32 ? end + 1 : end;
  const c = text.charCodeAt(k);
  if (c === 92 || (c >= 0xbc && c <= 0xbe) || (c >= 0x2150 && c <= 0x215e)) return true;
  if (k === end || !(c >= 48 && c <= 57)) return false;
  // digits, then '/'
  let i = k + 1;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return text.charCodeAt(i) === 47;
}

/**
 * Mixed numbers read exactly as COT003 reads them (mixed.ts decides what is one: "2 1/2" is 5/2, while
 * "3 1/2-hour shifts", "1 2/3/2020" and "page 2 1/2" are left alone): each one replaces the mentions it
 * covers, keeping a sign or currency written before its whole number ("-2 1/2", "$3 3/4"); a vulgar
 * fraction after a number that does not make a mixed number with it becomes a fraction.
 */
function withMixedNumbers(text: string, found: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  let k = 0;
  for (const t of mergeMixedNumbers(tokenize(text), text)) {
    if (t.kind !== 'num' || !t.mixed) continue;
    while (k < found.length && found[k].end <= t.start) out.push(found[k++]);
    let start = t.start;
    let value = t.value!;
    let currency: string | undefined;
    // the mention of the whole number may start before the token with its sign or currency
    if (k < found.length && found[k].start <= t.start) {
      const first = found[k];
      start = first.start;
      currency = first.currency;
      if (first.value.n < BigInt(0)) value = mul(value, rat(-1));
    }
    while (k < found.length && found[k].start < t.end) k++;
    const mention: NumberMention = { start, end: t.end, text: text.slice(start, t.end), value, kind: t.value!.n < t.value!.d ? 'fraction' : 'mixed' };
    if (currency) mention.currency = currency;
    out.push(mention);
  }
  while (k < found.length) out.push(found[k++]);
  return out;
}

function fromMatch(m: RegExpExecArray): NumberMention | undefined {
  const sign = m[1] === '-';
  const currency = m[2];
  let value: Rational | undefined;
  let kind: NumberKind;
  if (m[3] !== undefined) {
    value = div(rat(BigInt(m[3])), rat(BigInt(m[4])));
    kind = 'fraction';
  } else if (m[5] !== undefined) {
    value = parseDecimal(m[6] !== undefined ? `${m[5]}.${m[6]}` : m[5]);
    kind = m[7] ? 'percent' : m[6] !== undefined ? 'decimal' : 'integer';
    if (m[7] && value) value = div(value, R_HUNDRED);
  } else {
    value = parseDecimal(`.${m[8]}`);
    kind = m[9] ? 'percent' : 'decimal';
    if (m[9] && value) value = div(value, R_HUNDRED);
  }
  if (!value) return undefined;
  if (sign) value = mul(value, rat(-1));
  const out: NumberMention = { start: m.index, end: m.index + m[0].length, text: m[0], value, kind };
  if (currency) out.currency = currency;
  return out;
}

/**
 * Reads a whole answer as a number: "$1,200.00", "72", "-3.5", "50%", "3/4", "1,000 dollars",
 * "72 clips", "twelve". Returns undefined when the text is not one number (optionally followed by a
 * unit word or two).
 */
export function parseNumberText(text: string): Rational | undefined {
  let t = text.trim().replace(/^\$+\s*|\s*\$+$/g, (s) => (s.includes('$') ? '' : s)).trim();
  t = t.replace(/^\\boxed\{(.*)\}$/, '$1').replace(/^\*\*(.*)\*\*$/, '$1').replace(/[.。]$/, '').trim();
  // a mixed number: "4 1/2", "$3 3/4", "2 1/2 hours" (a proper fraction after one space)
  const mixed = /^(-|−)?([$€£¥])?(\d+) (\d+)\/(\d+)(?:\s+[A-Za-z][A-Za-z'-]*){0,2}$/.exec(t);
  if (mixed) {
    const n = BigInt(mixed[4]);
    const d = BigInt(mixed[5]);
    if (n <= BigInt(0) || n >= d) return undefined;
    const v = rat(BigInt(mixed[3]) * d + n, d);
    return mixed[1] ? mul(v, rat(-1)) : v;
  }
  const m = /^(-|−)?\s*([$€£¥])?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?\s*(%|percent\b)?(?:\s*\/\s*(\d+))?(?:\s+[A-Za-z][A-Za-z'-]*){0,2}\.?$/.exec(t);
  if (m && (m[3] !== undefined || m[4] !== undefined)) {
    let v = parseDecimal(`${m[3] ?? '0'}${m[4] !== undefined ? `.${m[4]}` : ''}`);
    if (!v) return undefined;
    if (m[6] !== undefined) {
      if (m[4] !== undefined || m[5]) return undefined;
      v = div(v, rat(BigInt(m[6])));
      if (!v) return undefined;
    }
    if (m[5]) v = div(v, R_HUNDRED)!;
    return m[1] ? mul(v, rat(-1)) : v;
  }
  const w = /^(-\s*)?([a-z]+)$/i.exec(t);
  if (w && w[2].toLowerCase() in WORDS && !['half', 'quarter', 'third', 'fourth', 'double', 'triple', 'twice', 'thrice'].includes(w[2].toLowerCase())) {
    const v = wordValue(w[2]);
    return w[1] ? mul(v, rat(-1)) : v;
  }
  return undefined;
}
