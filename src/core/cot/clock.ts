/**
 * Clock-time and duration arithmetic in reasoning text:
 *   "9:30 + 2:45 = 12:15", "11:30 PM + 2 hours = 1:30 AM" (wrapping past midnight),
 *   "2 hours 45 minutes + 1 hour 30 minutes = 4 hours 15 minutes", "1:45 = 105 minutes",
 *   "from 8:15 AM to 11:45 AM is 3 hours 30 minutes", "from 9 a.m. to 5 p.m. is 8 hours",
 *   "1:45:30 + 0:20:45 = 2:06:15" (h:mm:ss), "an hour and a half + 45 minutes = 2 hours 15 minutes".
 * Values are exact minutes (rationals). A clock time is h:mm (or h:mm:ss) with mm 00–59 and a time context (AM/PM,
 * "o'clock", a duration in the same equation, or a time word on the line: "at", "from", "hours", …);
 * "3:2", "2:1" (one-digit minutes), "John 3:16" (after a capitalized word), ratios and scores are not times.
 * Equations the plain evaluator already checks (one unit throughout: "2 hours × 3 = 6 hours") are left to it.
 * Only unambiguous statements are checked; the wrong ones come back as Equations with the right result
 * written in the style of the wrong one (`corrected`), for COT003.
 */
import type { Equation } from './equations';
import { NO_EQUATIONS, acceptsResult, formatLike } from './equations';
import { type Rational, add, div, equals, isInteger, mul, parseDecimal, rat, sub, toNumber } from './rational';

type Kind = 'clock' | 'hm' | 'dur' | 'num';

interface Item {
  type: 'val' | 'op' | 'eq' | 'sep';
  start: number;
  end: number;
  kind?: Kind;
  /** Minutes (clock: since midnight; with `meridiem` in 24-hour terms), or the plain number. */
  value?: Rational;
  /** clock: written with AM/PM (the value is then a 24-hour time). */
  meridiem?: boolean;
  /** The written form, for the corrected result. */
  form?: Form;
  op?: string;
  word?: string;
}

interface Form {
  /** h:mm written with a leading zero ("09:30") or a 24-hour hour. */
  pad?: boolean;
  h24?: boolean;
  /** Text of the AM/PM marker as written (" PM", "p.m."). */
  meridiemText?: string;
  hours?: { decimals: number; unit: string };
  minutes?: { decimals: number; unit: string };
  and?: boolean;
  /** dur: written with a fraction or mixed number ("1/2 hour", "1 1/2 hours"). */
  fraction?: boolean;
  /** h:mm:ss: written with seconds. */
  seconds?: boolean;
  /** dur: written in words ("an hour and a half", "half an hour"). */
  words?: boolean;
}

const SIXTY = rat(60);
const DAY = BigInt(1440);
const HALF_DAY = BigInt(720);

/**
 * Cheap test (no regular expression over the whole text): a ':' between digits or AM/PM after a digit;
 * when the text has a free '=' (`equations`: one outside `<<…>>` annotations, as the quick scan tells)
 * or "from"/"between" before a digit, also a.m./p.m./A.M./am/pm after a digit; with a free '=' also
 * "o'clock" after a digit, a duration in words ("an hour", "half hour"), or "digit, space, hour/hr" and
 * "digit, space, minute/min".
 * Measured on GSM8K train answers: 0.05 µs per text without a free '=' (the common case).
 */
export function mayHaveClock(text: string, equations = true): boolean {
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i + 1);
    if (a >= 48 && a <= 57 && b >= 48 && b <= 53) return true;
  }
  // searches led by rare letters: one led by ' ' costs more than the rest of the scan
  // durations in one unit throughout are the plain evaluator's: hours and minutes must both be there
  // "from 9 AM to 5 PM is 8 hours": a time without ':' ('M' is a cheap search)
  if (meridiemAfterDigit(text, 'M')) return true;
  // the rest only with an '=' outside annotations (or "from 9 a.m. to …"): "11 a.m. - 2 hours = 9 a.m.",
  // "3 o'clock + 2 hours = …", and durations in hours and minutes (one unit throughout is the plain evaluator's)
  const eq = equations && text.indexOf('=') >= 0;
  // single-character searches first: a search for "rom " costs more than the rest of the scan
  if (!eq) return meridiemAfterDigit(text, 'm') && fromDigit(text);
  if (meridiemAfterDigit(text, 'm')) return true;
  if (text.indexOf("'clock") >= 0 || text.indexOf('’clock') >= 0) return true;
  if (durationWordBeforeHour(text)) return true;
  return unitAfterDigit(text, 'min') && (unitAfterDigit(text, 'hour') || unitAfterDigit(text, 'hr'));
}

/**
 * "9 AM", "9PM", "9 P.M." (`m` = 'M') or "9 am", "9pm", "9 a.m." (`m` = 'm'): an `m` after 'A'/'P' or
 * 'a'/'p' of the same case (and a dot), after a digit or a digit and a space. A one-character search.
 */
function meridiemAfterDigit(text: string, m: 'm' | 'M'): boolean {
  const a1 = m === 'M' ? 65 : 97;
  const p1 = m === 'M' ? 80 : 112;
  for (let i = text.indexOf(m, 1); i >= 0; i = text.indexOf(m, i + 1)) {
    let k = i - 1;
    if (text.charCodeAt(k) === 46) k--;
    const a = text.charCodeAt(k);
    if (a !== a1 && a !== p1) continue;
    const c = text.charCodeAt(k - 1);
    if ((c >= 48 && c <= 57) || (c === 32 && isDigitCode(text.charCodeAt(k - 2)))) return true;
  }
  return false;
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** "an hour", "one hour", "half hour", "half-hour", "a half hours": a duration in words (one search for "hour", then the characters before it). */
function durationWordBeforeHour(text: string): boolean {
  for (let i = text.indexOf('hour', 3); i >= 0; i = text.indexOf('hour', i + 4)) {
    const c = text.charCodeAt(i - 1);
    if (c !== 32 && c !== 45) continue;
    const w = text.charCodeAt(i - 2);
    // "an hour", "one hour" ('n' or 'e' before the space), "half hour", "half-hour", "and a half hours"
    if (w === 110 || w === 101 || (w === 102 && text.charCodeAt(i - 3) === 108)) return true;
  }
  return false;
}

/** "from 9", "between 9": the start of a "from … to … is …" statement. */
function fromDigit(text: string): boolean {
  for (const word of ['rom ', 'tween ']) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
      const c = text.charCodeAt(i + word.length);
      if (c >= 48 && c <= 57) return true;
    }
  }
  return false;
}

function unitAfterDigit(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
    const c = text.charCodeAt(i - 2);
    if (text.charCodeAt(i - 1) === 32 && c >= 48 && c <= 57) return true;
  }
  return false;
}


const NUM = String.raw`(\d+ \d+\/\d+|\d+\/\d+|\d+(?:\.\d+)?|\.\d+)`;
const HOUR_UNIT = String.raw`(hours?|hrs?)`;
const MIN_UNIT = String.raw`(minutes?|mins?)`;
// at the scan position (sticky)
// "a.m." takes its dots; "AM." leaves the full stop to the sentence
const CLOCK_RE = /(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?![\d:])(?:(\s?)([AaPp])(?:\.[Mm]\.?|[Mm])(?![A-Za-z]))?/y;
const HOUR_MERIDIEM_RE = /(\d{1,2})(\s?)([AaPp])(?:\.[Mm]\.?|[Mm])(?![A-Za-z])/y;
const OCLOCK_RE = /(\d{1,2}) o['’]clock\b/y;
const DUR_RE = new RegExp(String.raw`${NUM} ${HOUR_UNIT}\b(?:(,? and | )(\d+(?:\.\d+)?) ${MIN_UNIT}\b)?|${NUM} ${MIN_UNIT}\b`, 'y');
const NUMBER_RE = /(\d+(?:\.\d+)?)(?![\d:/])/y;
/**
 * Durations in words (at a letter): "an hour and a half", "an hour and 15 minutes", "half an hour",
 * "a half hour", "a quarter of an hour"; after a digit: "2 and a half hours".
 */
const WORD_DUR_RE = /(?:(?:[Aa]n|[Oo]ne) hour(?: and (?:a (half|quarter)|(\d+) (?:minutes?|mins?)))?|[Hh]alf an hour|[Aa] half[- ]hour|(?:[Aa] )?quarter of an hour)(?![\w-])/y;
const AND_A_HALF_RE = /(\d+) and a half hours(?![\w-])/y;
const WORD_RE = /[A-Za-z']+/y;

const WORD_OPS = new Map([['plus', '+'], ['minus', '-'], ['times', '*']]);
const EQ_WORDS = new Set(['equals']);
const CONTEXT = /\b(?:at|from|until|till|by|starts?|started|ends?|ended|leaves?|left|arrives?|arrived|finish(?:es|ed)?|hours?|minutes?|hrs?|mins?|o['’]clock|noon|midnight|[ap]\.?m\b|clock|time)\b/i;
const NOT_TIME_LINE = /\b(?:ratio|score|odds|verse|chapter|proportion)\b/i;
/** Capitalized words that may stand right before a time ("At 9:30", "By 10:15"); any other one makes a reference ("John 3:16"). */
const TIME_CAPITALS = new Set(['At', 'From', 'By', 'Until', 'Till', 'Then', 'Now', 'And', 'So', 'It', 'Time', 'Start', 'End', 'Starts', 'Ends', 'To', 'Between']);
/** Words right before a lone duration that make it part of a larger product ("half of 3 hours = 1.5 hours"). */
const MULTIPLYING = new Set(['of', 'by', 'times', 'twice', 'thrice', 'double', 'triple', 'half', 'per', 'each', 'every', 'for', 'x', 'X', 'quarter', 'third']);

function amount(s: string): Rational | undefined {
  const m = /^(\d+) (\d+)\/(\d+)$/.exec(s);
  if (m) {
    const f = div(rat(BigInt(m[2])), rat(BigInt(m[3])));
    return f && add(rat(BigInt(m[1])), f);
  }
  const f = /^(\d+)\/(\d+)$/.exec(s);
  if (f) return div(rat(BigInt(f[1])), rat(BigInt(f[2])));
  return parseDecimal(s);
}

const decimalsOf = (s: string) => (/\.(\d+)$/.exec(s)?.[1].length ?? 0);

/** Items of text[from, to). */
function scan(text: string, from: number, to: number): Item[] {
  const out: Item[] = [];
  let i = from;
  const at = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(text);
    return m && m.index + m[0].length <= to ? m : null;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) {
      i++;
      continue;
    }
    const prevChar = text.charCodeAt(i - 1);
    const glued = i > from && ((prevChar >= 48 && prevChar <= 57) || prevChar === 46 || prevChar === 47 || prevChar === 58 || prevChar === 44);
    if (c >= 48 && c <= 57 && !glued) {
      let m = at(CLOCK_RE);
      if (m) {
        const h = Number(m[1]);
        const mm = Number(m[2]);
        const mer = m[5];
        if ((mer && (h < 1 || h > 12)) || h > 23) {
          out.push({ type: 'sep', start: i, end: i + m[0].length });
          i += m[0].length;
          continue;
        }
        const minutes = mer ? (h % 12) * 60 + mm + (/[Pp]/.test(mer) ? 720 : 0) : h * 60 + mm;
        const form: Form = { pad: m[1].length === 2 && m[1][0] === '0', h24: !mer && (h > 12 || h === 0) };
        if (m[3] !== undefined) form.seconds = true;
        if (mer) form.meridiemText = m[0].slice(m[1].length + 1 + m[2].length + (m[3] !== undefined ? 3 : 0));
        const value = m[3] !== undefined ? add(rat(minutes), rat(Number(m[3]), 60)) : rat(minutes);
        out.push({ type: 'val', start: i, end: i + m[0].length, kind: mer ? 'clock' : 'hm', value, meridiem: !!mer, form });
        i += m[0].length;
        continue;
      }
      m = at(HOUR_MERIDIEM_RE);
      if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
        const h = Number(m[1]);
        const minutes = (h % 12) * 60 + (/[Pp]/.test(m[3]) ? 720 : 0);
        out.push({ type: 'val', start: i, end: i + m[0].length, kind: 'clock', value: rat(minutes), meridiem: true, form: { meridiemText: m[0].slice(m[1].length) } });
        i += m[0].length;
        continue;
      }
      m = at(OCLOCK_RE);
      if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
        out.push({ type: 'val', start: i, end: i + m[0].length, kind: 'clock', value: rat(Number(m[1]) * 60), meridiem: false, form: {} });
        i += m[0].length;
        continue;
      }
      m = at(AND_A_HALF_RE);
      if (m) {
        out.push({ type: 'val', start: i, end: i + m[0].length, kind: 'dur', value: rat(Number(m[1]) * 60 + 30), form: WORDS_FORM });
        i += m[0].length;
        continue;
      }
      m = at(DUR_RE);
      if (m) {
        let value: Rational | undefined;
        const form: Form = {};
        if (m[1] !== undefined) {
          const hv = amount(m[1]);
          const mv = m[4] !== undefined ? parseDecimal(m[4]) : undefined;
          value = hv && mul(hv, SIXTY);
          if (value && mv) value = add(value, mv);
          form.hours = { decimals: decimalsOf(m[1]), unit: m[2] };
          if (m[1].includes('/')) form.fraction = true;
          if (m[4] !== undefined) {
            form.minutes = { decimals: decimalsOf(m[4]), unit: m[5] };
            form.and = m[3].includes('and');
            // "2.5 hours 30 minutes" is not a way to write a duration
            if (form.hours.decimals || form.fraction) value = undefined;
          }
        } else {
          value = amount(m[6]);
          form.minutes = { decimals: decimalsOf(m[6]), unit: m[7] };
          if (m[6].includes('/')) form.fraction = true;
        }
        if (value) out.push({ type: 'val', start: i, end: i + m[0].length, kind: 'dur', value, form });
        else out.push({ type: 'sep', start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
      m = at(NUMBER_RE);
      if (m) {
        out.push({ type: 'val', start: i, end: i + m[0].length, kind: 'num', value: parseDecimal(m[1]) });
        i += m[0].length;
        continue;
      }
    }
    if (c >= 48 && c <= 57) {
      // glued to what precedes it ("3.5:30", "1/2:30"): the whole run is something else
      let k = i;
      while (k < to && /[\d:.,/]/.test(text[k])) k++;
      out.push({ type: 'sep', start: i, end: k });
      i = k;
      continue;
    }
    const ch = text[i];
    if (ch === '=' && text[i + 1] !== '=' && text[i - 1] !== '=' && text[i - 1] !== '<' && text[i - 1] !== '>' && text[i - 1] !== '!') {
      out.push({ type: 'eq', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '+' || ch === '-' || ch === '−' || ch === '*' || ch === '×' || ch === '/' || ch === '÷') {
      // a hyphen glued on both sides ("30-minute") is not a minus
      const next = text[i + 1];
      if ((ch === '-' || ch === '/') && next !== ' ' && prevChar !== 32) {
        out.push({ type: 'sep', start: i, end: i + 1, word: ch });
        i++;
        continue;
      }
      out.push({ type: 'op', start: i, end: i + 1, op: ch === '−' ? '-' : ch === '×' ? '*' : ch === '÷' ? '/' : ch });
      i++;
      continue;
    }
    const d = (c === 65 || c === 97 || c === 72 || c === 104 || c === 79 || c === 111 || c === 81 || c === 113) && (i === from || !/[A-Za-z]/.test(text[i - 1])) ? at(WORD_DUR_RE) : null;
    if (d) {
      out.push(wordDuration(d, i, out));
      i += d[0].length;
      continue;
    }
    const w = at(WORD_RE);
    if (w) {
      const word = w[0];
      const prev = out[out.length - 1];
      const nextIsNum = /^\s*\d/.test(text.slice(i + word.length, i + word.length + 3));
      if ((word === 'x' || word === 'X' || WORD_OPS.has(word)) && prev?.type === 'val' && nextIsNum) out.push({ type: 'op', start: i, end: i + word.length, op: WORD_OPS.get(word) ?? '*' });
      else if (EQ_WORDS.has(word) && prev?.type === 'val') out.push({ type: 'eq', start: i, end: i + word.length });
      else out.push({ type: 'sep', start: i, end: i + word.length, word });
      i += word.length;
      continue;
    }
    out.push({ type: 'sep', start: i, end: i + 1, word: ch });
    i++;
  }
  return out;
}

/** Durations in words are written back in hours and minutes ("1 hour and 30 minutes"), and compared exactly. */
const WORDS_FORM: Form = { words: true, hours: { decimals: 0, unit: 'hours' }, minutes: { decimals: 0, unit: 'minutes' }, and: true };

/** Words between a number and "an hour" that do not make it a rate ("10:30 is an hour …"). */
const LINKING = new Set(['is', 'was', 'are', 'were', 'takes', 'took', 'lasts', 'lasted', 'for', 'about', 'and', 'or']);

/**
 * A duration in words; right after a number or a number and a word it is a rate ("$12 an hour",
 * "12 dollars an hour"), not a duration.
 */
function wordDuration(d: RegExpExecArray, i: number, out: Item[]): Item {
  const end = i + d[0].length;
  const prev = out[out.length - 1];
  const before = out[out.length - 2];
  const rate = prev && ((prev.type === 'val' && prev.kind === 'num') || (prev.type === 'sep' && !!prev.word && !LINKING.has(prev.word.toLowerCase()) && before?.type === 'val'));
  if (rate) return { type: 'sep', start: i, end, word: d[0] };
  const t = d[0].toLowerCase();
  const minutes = t.startsWith('half') || t.startsWith('a half') ? 30 : t.includes('quarter of') ? 15 : 60 + (d[1] === 'half' ? 30 : d[1] === 'quarter' ? 15 : d[2] ? Number(d[2]) : 0);
  return { type: 'val', start: i, end, kind: 'dur', value: rat(minutes), form: WORDS_FORM };
}

interface Value {
  kind: Kind;
  value: Rational;
  /** Any clock time with AM/PM in it (24-hour arithmetic). */
  meridiem: boolean;
  /** A difference of two times read the other way round ("9:00 AM - 5:00 PM" written as a range). */
  alt?: Rational;
}

function combine(a: Value, op: string, b: Value): Value | undefined {
  const m = a.meridiem || b.meridiem;
  if (op === '*') {
    if (a.kind === 'num' && b.kind === 'num') return { kind: 'num', value: mul(a.value, b.value), meridiem: false };
    if ((a.kind === 'dur' || a.kind === 'hm') && b.kind === 'num') return { kind: 'dur', value: mul(a.value, b.value), meridiem: false };
    if (a.kind === 'num' && (b.kind === 'dur' || b.kind === 'hm')) return { kind: 'dur', value: mul(a.value, b.value), meridiem: false };
    return undefined;
  }
  if (op === '/') {
    if (a.kind === 'num' && b.kind === 'num') {
      const v = div(a.value, b.value);
      return v && { kind: 'num', value: v, meridiem: false };
    }
    if ((a.kind === 'dur' || a.kind === 'hm') && b.kind === 'num') {
      const v = div(a.value, b.value);
      return v && { kind: 'dur', value: v, meridiem: false };
    }
    return undefined;
  }
  if (a.kind === 'num' || b.kind === 'num') return undefined;
  const f = op === '+' ? add : sub;
  if (a.kind === 'clock') {
    if (b.kind === 'dur' || b.kind === 'hm') return { kind: 'clock', value: f(a.value, b.value), meridiem: m };
    if (b.kind === 'clock' && op === '-') return { kind: 'dur', value: wrapDiff(sub(a.value, b.value), m), meridiem: false, alt: wrapDiff(sub(b.value, a.value), m) };
    return undefined;
  }
  if (b.kind === 'clock') return op === '+' ? { kind: 'clock', value: add(a.value, b.value), meridiem: m } : undefined;
  // "11:45 - 8:15 = 3:30", "1:00 - 11:00 = 2:00" (past noon), "12:15 - 2:45 = 9:30": the time between them
  if (a.kind === 'hm' && b.kind === 'hm' && op === '-') return { kind: 'dur', value: wrapDiff(sub(a.value, b.value), false), meridiem: false, alt: wrapDiff(sub(b.value, a.value), false) };
  if (a.kind === 'hm' || b.kind === 'hm') return { kind: 'hm', value: f(a.value, b.value), meridiem: false };
  return { kind: 'dur', value: f(a.value, b.value), meridiem: false };
}

/** The elapsed time between two clock times (later minus earlier, past midnight when negative). */
function wrapDiff(d: Rational, meridiem: boolean): Rational {
  let v = d;
  const period = rat(meridiem ? DAY : HALF_DAY);
  while (toNumber(v) < 0) v = add(v, period);
  return v;
}

/** Evaluates vals[0] ops[0] vals[1] …, × and / first. */
function evaluateItems(vals: Item[], ops: string[]): Value | undefined {
  const terms: Value[] = [];
  const addOps: string[] = [];
  let cur: Value | undefined = toValue(vals[0]);
  for (let k = 0; k < ops.length; k++) {
    const next = toValue(vals[k + 1]);
    if (!cur) return undefined;
    if (ops[k] === '*' || ops[k] === '/') cur = combine(cur, ops[k], next);
    else {
      terms.push(cur);
      addOps.push(ops[k]);
      cur = next;
    }
  }
  if (!cur) return undefined;
  terms.push(cur);
  let v: Value | undefined = terms[0];
  for (let k = 0; k < addOps.length && v; k++) v = combine(v, addOps[k], terms[k + 1]);
  return v;
}

/** An h:mm item read as m:ss (its value in minutes divided by 60). */
function asMinSec(it: Item): Item {
  return it.kind === 'hm' && !it.form?.seconds ? { ...it, value: div(it.value!, SIXTY) } : it;
}

function toValue(it: Item): Value {
  return { kind: it.kind!, value: it.value!, meridiem: !!it.meridiem };
}

/** v modulo p minutes (v in whole minutes, or whole seconds as a fraction of minutes). */
const mod = (v: Rational, p: bigint): Rational => {
  const q = p * v.d;
  return rat(((v.n % q) + q) % q, v.d);
};

/** Whole minutes, or whole seconds when the result is written with seconds. */
const wholeUnits = (v: Rational, res: Item): boolean => isInteger(res.form?.seconds ? mul(v, SIXTY) : v);

/** Is the written result right, and how to write the right one. */
function judge(lhs: Value, res: Item, hasOperator: boolean): { correct: boolean; corrected: string } | undefined {
  const rk = res.kind!;
  const rv = res.value!;
  const form = res.form!;
  if (rk === 'num') return undefined;
  if (lhs.kind === 'num') return undefined;
  if (!hasOperator) {
    // a conversion: "1:45 = 105 minutes", "2 hours 30 minutes = 150 minutes"
    if (lhs.kind === 'clock' || rk === 'clock' || (lhs.kind === 'hm' && rk === 'hm')) return undefined;
  }
  if (rk === 'clock' || (rk === 'hm' && (lhs.kind === 'clock' || lhs.kind === 'hm'))) {
    if (lhs.kind === 'dur' && rk === 'clock') return undefined;
    if (!wholeUnits(lhs.value, res)) return undefined;
    // 24-hour arithmetic only when both sides say AM/PM; else modulo 12 hours (either reading)
    const period = rk === 'clock' && res.meridiem && lhs.meridiem ? DAY : HALF_DAY;
    const correct = equals(mod(lhs.value, period), mod(rv, period));
    return { correct, corrected: formatClock(lhs.value, lhs.meridiem, res) };
  }
  // a duration result
  if (lhs.kind === 'clock') return undefined;
  if (toNumber(lhs.value) < 0) return undefined;
  if (rk === 'hm') {
    if (!wholeUnits(lhs.value, res)) return undefined;
    const correct = equals(lhs.value, rv) || (!!lhs.alt && equals(lhs.alt, rv));
    return { correct, corrected: formatHm(lhs.value, form) };
  }
  if (lhs.alt) {
    const other = judge({ kind: lhs.kind, value: lhs.alt, meridiem: lhs.meridiem }, res, hasOperator);
    if (other?.correct) return other;
  }
  let correct: boolean;
  // "3 hours" for 3 h 30 min is wrong, not rounded: whole hours are exact; "1.67 hours" is rounded to its decimals
  if (form.hours && !form.minutes) correct = form.hours.decimals === 0 && !form.fraction && isInteger(lhs.value) ? equals(lhs.value, rv) : acceptsResult(div(lhs.value, SIXTY)!, div(rv, SIXTY)!, form.hours.decimals);
  else if (form.minutes && !form.hours) correct = acceptsResult(lhs.value, rv, form.minutes.decimals);
  else correct = equals(lhs.value, rv);
  return { correct, corrected: formatDuration(lhs.value, form) };
}

function pad2(n: bigint | number): string {
  return n.toString().padStart(2, '0');
}

/** Whole hours, minutes and seconds of a number of minutes (whole seconds). */
function hms(minutes: Rational): [bigint, bigint, bigint] {
  const secs = mul(minutes, SIXTY).n;
  return [secs / BigInt(3600), (secs / SIXTY.n) % SIXTY.n, secs % SIXTY.n];
}

function formatHm(minutes: Rational, form: Form): string {
  const [h, m, sec] = hms(minutes);
  return `${form.pad ? pad2(h) : h.toString()}:${pad2(m)}${form.seconds ? `:${pad2(sec)}` : ''}`;
}

/** A clock time: 12-hour with the written AM/PM marker, or h:mm as written (24-hour when it was). */
function formatClock(minutes: Rational, lhsMeridiem: boolean, res: Item): string {
  const form = res.form!;
  if (res.meridiem && lhsMeridiem) {
    const [h24, mm, sec] = hms(mod(minutes, DAY));
    const h12 = h24 % BigInt(12) === BigInt(0) ? BigInt(12) : h24 % BigInt(12);
    const pm = h24 >= BigInt(12);
    const marker = form.meridiemText!.replace(/[AaPp]/, (c) => (c === c.toUpperCase() ? (pm ? 'P' : 'A') : pm ? 'p' : 'a'));
    const written = res.end - res.start - form.meridiemText!.length;
    // "3 PM" (no minutes written) stays without them when they are zero
    const hasColon = form.pad !== undefined;
    const time = hasColon || mm !== BigInt(0) ? `${h12}:${pad2(mm)}${form.seconds ? `:${pad2(sec)}` : ''}` : `${h12}`;
    void written;
    return time + marker;
  }
  const period = form.h24 ? DAY : HALF_DAY;
  const [hours, mm, sec] = hms(mod(minutes, period));
  const h = !form.h24 && hours === BigInt(0) ? BigInt(12) : hours;
  const time = `${form.pad ? pad2(h) : h.toString()}:${pad2(mm)}${form.seconds ? `:${pad2(sec)}` : ''}`;
  return time + (form.meridiemText ?? '');
}

function unitWord(unit: string, n: Rational): string {
  const one = equals(n, rat(1));
  if (unit === 'hour' || unit === 'hours') return one ? 'hour' : 'hours';
  if (unit === 'minute' || unit === 'minutes') return one ? 'minute' : 'minutes';
  if (unit === 'hr' || unit === 'hrs') return one ? 'hr' : unit === 'hr' ? 'hr' : 'hrs';
  return unit;
}

/** A duration in the written units: "4 hours 15 minutes", "4.25 hours", "255 minutes". */
function formatDuration(minutes: Rational, form: Form): string {
  const plain = { grouped: false, percent: false };
  if (form.hours && form.minutes && isInteger(minutes)) {
    const h = rat(minutes.n / SIXTY.n);
    const m = rat(minutes.n % SIXTY.n);
    const hText = `${h.n} ${unitWord(form.hours.unit, h)}`;
    if (m.n === BigInt(0)) return hText;
    return `${hText}${form.and ? ' and ' : ' '}${m.n} ${unitWord(form.minutes.unit, m)}`;
  }
  if (form.hours && form.hours.decimals === 0 && !form.fraction && isInteger(minutes) && minutes.n % SIXTY.n !== BigInt(0)) {
    // "3 hours" for 3 h 30 min: written out in hours and minutes
    return formatDuration(minutes, { ...form, minutes: { decimals: 0, unit: form.hours.unit.startsWith('hr') ? 'min' : 'minutes' } });
  }
  if (form.hours) {
    const h = div(minutes, SIXTY)!;
    const text = form.fraction ? formatLike(h, { ...plain, decimals: 0, mixed: 'space' }) : formatLike(h, { ...plain, decimals: form.hours.decimals });
    return `${text} ${unitWord(form.hours.unit, h)}`;
  }
  const d = form.minutes!.decimals;
  return `${formatLike(minutes, { ...plain, decimals: d })} ${unitWord(form.minutes!.unit, minutes)}`;
}

/** Is there a time context for h:mm values without AM/PM: a duration in the equation or a time word on the line? */
function timeContext(text: string, lineStart: number, lineEnd: number, items: Item[]): boolean {
  if (items.some((it) => it.kind === 'clock' || it.kind === 'dur')) return true;
  return CONTEXT.test(text.slice(lineStart, lineEnd));
}

/** Capitalized word right before an h:mm ("John 3:16", "Genesis 1:27"): a reference, not a time. */
function reference(text: string, it: Item): boolean {
  const m = /([A-Z][a-z]+)\s$/.exec(text.slice(Math.max(0, it.start - 20), it.start));
  return !!m && !TIME_CAPITALS.has(m[1]);
}

/** Does the plain evaluator check this already (one unit throughout, no h:mm, no compound duration)? */
function plainEquation(items: Item[]): boolean {
  let unit: string | undefined;
  for (const it of items) {
    if (it.kind === 'clock' || it.kind === 'hm') return false;
    if (it.kind === 'dur') {
      const f = it.form!;
      if (f.hours && f.minutes) return false;
      const u = f.hours ? 'h' : 'm';
      if (unit && unit !== u) return false;
      unit = u;
    }
  }
  return true;
}

const FROM_TO = /(?<![A-Za-z])(?:[Ff]rom|[Bb]etween) $/;
const TO_WORD = /^ (?:to|until|till|and) $/;
const IS_WORD = /^,? (?:is|=|equals|which is|that is|that's|makes|takes) $/;

/**
 * Clock-time and duration equations and "from T1 to T2 is D" statements in `text`, checked.
 * `equations: false` (no '=' outside annotations) skips the search for duration words.
 */
export function findClockEquations(text: string, equations = true): Equation[] {
  if (!mayHaveClock(text, equations)) return NO_EQUATIONS;
  const out: Equation[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart && hasDigitPair(text, lineStart, lineEnd)) checkLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

function hasDigitPair(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function checkLine(text: string, lineStart: number, lineEnd: number, out: Equation[]): void {
  const line = text.slice(lineStart, lineEnd);
  if (line.indexOf('=') < 0 && line.indexOf('equals') < 0 && !/(?:from|between) \d/i.test(line)) return;
  if (line.length < text.length && !mayHaveClock(line)) return;
  if (NOT_TIME_LINE.test(line)) return;
  const items = scan(text, lineStart, lineEnd);
  const hmOk = (its: Item[]) => its.every((it) => it.kind !== 'hm' || (!reference(text, it) && timeContext(text, lineStart, lineEnd, its)));
  // "from 8:15 AM to 11:45 AM is 3 hours 30 minutes"
  const values = items.filter((it) => it.type === 'val');
  for (let k = 0; k + 2 < values.length; k++) {
    const a = values[k];
    const b = values[k + 1];
    const r = values[k + 2];
    if (!((a.kind === 'clock' || a.kind === 'hm') && (b.kind === 'clock' || b.kind === 'hm') && (r.kind === 'dur' || r.kind === 'hm'))) continue;
    const from = FROM_TO.exec(text.slice(Math.max(lineStart, a.start - 9), a.start));
    if (!from) continue;
    if (!TO_WORD.test(text.slice(a.end, b.start)) || !IS_WORD.test(text.slice(b.end, r.start))) continue;
    if (r.kind === 'hm' && a.kind === 'hm' && b.kind === 'hm') continue;
    const meridiem = !!a.meridiem && !!b.meridiem;
    const d = wrapDiff(sub(b.value!, a.value!), meridiem);
    const j = judge({ kind: 'dur', value: d, meridiem: false }, r, true);
    const period = meridiem ? DAY : HALF_DAY;
    // without AM/PM on both, any whole number of half days more is another reading
    if (j && !j.correct && isInteger(r.value!) && equals(mod(r.value!, period), mod(d, period))) j.correct = true;
    if (j) push(out, text, a.start - from[0].length, b.end, r, d, j);
  }
  // arithmetic chains: v (op v)* = v (= v)*
  for (let k = 0; k < items.length; k++) {
    if (items[k].type !== 'eq') continue;
    // the left side: alternating values and operators right before the '='
    let s = k - 1;
    const vals: Item[] = [];
    const ops: string[] = [];
    while (s >= 0 && items[s].type === 'val') {
      vals.unshift(items[s]);
      if (s - 1 >= 0 && items[s - 1].type === 'op' && s - 2 >= 0 && items[s - 2].type === 'val') {
        ops.unshift(items[s - 1].op!);
        s -= 2;
      } else {
        s--;
        break;
      }
    }
    if (!vals.length) continue;
    const before = s >= 0 ? items[s] : undefined;
    // "7 days * 24 hours = 168 hours": the left side continues further left
    if (before && (before.type === 'op' || before.type === 'eq' || (before.type === 'val'))) continue;
    // "11:00-8:00 = 3 hours", "10/2:30": glued to a sign before it, the left side is something longer
    if (before && before.type === 'sep' && before.end === vals[0].start && before.word && GLUED_BEFORE.has(before.word)) continue;
    if (before?.word && CONTINUING.has(before.word.toLowerCase())) continue;
    if (!ops.length && before?.word && MULTIPLYING.has(before.word.toLowerCase())) continue;
    const res = items[k + 1];
    if (!res || res.type !== 'val') continue;
    const after = items[k + 2];
    // "= 2:30 * 2", "= 12:15 - …": the right side goes on
    if (after && after.type === 'op') continue;
    if (after && after.type === 'val' && after.start === res.end) continue;
    const all = [...vals, res];
    if (plainEquation(all) || !hmOk(all) || conversionFactor(all)) continue;
    if (!ops.length && sameForm(vals[0], res)) continue;
    const lhs = evaluateItems(vals, ops);
    if (!lhs) continue;
    const j = judge(lhs, res, ops.length > 0);
    // "5:30 per mile × 3 = 16.5 minutes": a bare m:ss reading of the h:mm values is accepted too
    if (j && !j.correct && all.some((it) => it.kind === 'hm')) {
      const lhs2 = evaluateItems(vals.map(asMinSec), ops);
      if (lhs2 && judge(lhs2, asMinSec(res), ops.length > 0)?.correct) j.correct = true;
    }
    if (j) push(out, text, vals[0].start, vals[vals.length - 1].end, res, lhs.value, j);
  }
}

/** "2 hours x 60 = 120 minutes": a unit conversion by a factor, not a duration times a count. */
function conversionFactor(items: Item[]): boolean {
  const factor = items.some((it) => it.kind === 'num' && FACTORS.some((f) => equals(f, it.value!)));
  if (!factor) return false;
  const timed = items.filter((it) => it.kind === 'dur' || it.kind === 'hm');
  return timed.some((it) => !sameForm(it, timed[0]));
}

/** Signs that, glued before the left side, make it part of something longer ("11:00-8:00", "(60/60)"). */
const GLUED_BEFORE = new Set([':', '-', '–', '/', '^', '.', ',', '$']);
/** Words before the left side that continue an expression from further left ("(60/60) hours and 30 minutes = …"). */
const CONTINUING = new Set(['and', 'or', 'plus', 'minus', 'with', 'than', 'over', 'into']);

const FACTORS = [rat(60), rat(24), rat(3600), rat(1, 60), rat(7), rat(365)];

function sameForm(a: Item, b: Item): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'dur') return true;
  const fa = a.form!;
  const fb = b.form!;
  return !!fa.hours === !!fb.hours && !!fa.minutes === !!fb.minutes;
}

function push(out: Equation[], text: string, lhsStart: number, lhsEnd: number, res: Item, value: Rational, j: { correct: boolean; corrected: string }): void {
  const lhsText = text.slice(lhsStart, lhsEnd);
  const resText = text.slice(res.start, res.end);
  out.push({
    kind: 'inline',
    lhs: { start: lhsStart, end: lhsEnd, text: lhsText },
    expression: lhsText.replace(/\s+/g, ' '),
    value,
    result: { start: res.start, end: res.end, text: resText, value: res.value!, decimals: 0, percent: false, grouped: false },
    start: lhsStart,
    end: res.end,
    correct: j.correct,
    corrected: j.corrected,
  });
}
