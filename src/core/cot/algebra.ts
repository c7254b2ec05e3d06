/**
 * Linear equations in one unknown written across a rationale ("4x + 12 = 63", "4x = 51",
 * "x = 12.75"), solved exactly and checked against each other.
 *
 * Ambiguity is the enemy here too: a side is read only when it is a plain linear expression
 * (numbers, one lone letter as the unknown, + - * / and brackets, implicit multiplication "4x",
 * "2(x + 3)") bounded by words, sentence punctuation or another '='. Anything else (two unknowns,
 * "x²", "5 x 3", units glued to numbers, a percent) is not read. An equation is reported only
 * when the other equations in the same unknown clearly settle on one value and it is the odd one.
 */
import { type Rational, add, div, equals, formatRational, isZero, mul, neg, parseDecimal, R_ZERO, sub, toNumber } from './rational';

/** a·x + b */
interface Linear {
  a: Rational;
  b: Rational;
}

export interface LinearEquation {
  /** The unknown ("x"). */
  letter: string;
  /** Span of "lhs = rhs" in the text, and each side's (trimmed) span. */
  start: number;
  end: number;
  lhs: { start: number; end: number; text: string };
  rhs: { start: number; end: number; text: string };
  /** The solution, or undefined when both sides have the same coefficient (an identity or a contradiction). */
  solution?: Rational;
  /** With equal coefficients: do the sides agree for every value? */
  identity: boolean;
  /** Most decimals written in any number of the equation (rounded values are compared with a tolerance). */
  decimals: number;
  /** A unit word right after the right side ("1 hour"): values in different units are not compared. */
  unit?: string;
  /** Side values as functions of the unknown (for messages). */
  left: Linear;
  right: Linear;
}

export interface AlgebraSlip {
  equation: LinearEquation;
  /** The value the other equations settle on. */
  settled: Rational;
  /** How many equations give the settled value. */
  support: number;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** A lowercase letter standing alone (not part of a word, "x2", "x's" or "1e5"). */
function loneLetter(text: string, i: number): boolean {
  if (!isLower(text.charCodeAt(i))) return false;
  const p = i > 0 ? text.charCodeAt(i - 1) : 32;
  const n = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
  return !isLetter(p) && !isLetter(n) && !isDigit(n) && n !== 39 && n !== 0x2019 && p !== 39 && p !== 0x2019 && p !== 92;
}

/** Characters a side may contain besides digits and lone letters. */
function mathChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isDigit(c)) return true;
  switch (c) {
    case 32: case 43: case 45: case 42: case 47: case 40: case 41: case 36: // space + - * / ( ) $
    case 0xd7: case 0xf7: case 0x2212: case 0x2013: case 0xb7: // × ÷ − – ·
      return true;
    case 46: case 44: // '.' and ',' only between digits ("3.5", "1,050")
      return i > 0 && isDigit(text.charCodeAt(i - 1)) && i + 1 < text.length && isDigit(text.charCodeAt(i + 1));
    default:
      return loneLetter(text, i);
  }
}

interface Tok {
  k: 'n' | 'v' | '+' | '-' | '*' | '/' | '(' | ')';
  value?: Rational;
  letter?: string;
  /** Whitespace right before the token. */
  space: boolean;
}

let maxDecimals = 0;

function lex(s: string): Tok[] | undefined {
  const out: Tok[] = [];
  let space = false;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 36) {
      space ||= c === 32;
      i++;
      continue;
    }
    if (isDigit(c)) {
      let j = i;
      while (j < s.length && (isDigit(s.charCodeAt(j)) || ((s[j] === '.' || s[j] === ',') && isDigit(s.charCodeAt(j + 1))))) j++;
      const raw = s.slice(i, j);
      if (raw.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return undefined;
      const v = parseDecimal(raw);
      if (!v) return undefined;
      maxDecimals = Math.max(maxDecimals, (raw.split('.')[1] ?? '').length);
      out.push({ k: 'n', value: v, space });
      i = j;
    } else if (isLower(c)) out.push({ k: 'v', letter: s[i++], space });
    else {
      const ch = s[i++];
      const k = ch === '+' ? '+' : ch === '-' || ch === '−' || ch === '–' ? '-' : ch === '*' || ch === '×' || ch === '·' ? '*' : ch === '/' || ch === '÷' ? '/' : ch === '(' ? '(' : ch === ')' ? ')' : undefined;
      if (!k) return undefined;
      out.push({ k, space });
    }
    space = false;
  }
  return out;
}

// recursive descent over the tokens of one side
let toks: Tok[] = [];
let at = 0;
let letterSeen: string | undefined;
let twoLetters = false;

function expr(): Linear | undefined {
  let l = term();
  while (l && at < toks.length && (toks[at].k === '+' || toks[at].k === '-')) {
    const op = toks[at++].k;
    const r = term();
    if (!r) return undefined;
    l = op === '+' ? { a: add(l.a, r.a), b: add(l.b, r.b) } : { a: sub(l.a, r.a), b: sub(l.b, r.b) };
  }
  return l;
}

function times(l: Linear, r: Linear): Linear | undefined {
  if (!isZero(l.a) && !isZero(r.a)) return undefined; // x·x: not linear
  return { a: add(mul(l.a, r.b), mul(r.a, l.b)), b: mul(l.b, r.b) };
}

function term(): Linear | undefined {
  let l = unary();
  let divided = false;
  while (l && at < toks.length) {
    const t = toks[at];
    const prev = toks[at - 1];
    if (t.k === '*' || t.k === '/') {
      at++;
      const r = unary();
      if (!r) return undefined;
      if (t.k === '*') l = times(l, r);
      else {
        if (!isZero(r.a)) return undefined; // division by the unknown
        const a = div(l.a, r.b);
        const b = div(l.b, r.b);
        l = a && b ? { a, b } : undefined;
        divided = true;
      }
      continue;
    }
    // implicit multiplication: "4x", "2(x + 3)", "4 (2x)", "(x + 1)(2)"
    const glued = !t.space;
    const implicit =
      (t.k === 'v' && glued && (prev.k === 'n' || prev.k === ')')) ||
      // not "f(2)": a letter before a bracket is a function
      (t.k === '(' && (prev.k === 'n' || (prev.k === ')' && glued)));
    if (!implicit) break;
    if (divided) return undefined; // "1/2x": 1/(2x) or x/2?
    const r = unary();
    if (!r) return undefined;
    l = times(l, r);
  }
  return l;
}

function unary(): Linear | undefined {
  const t = toks[at];
  if (!t) return undefined;
  if (t.k === '-' || t.k === '+') {
    at++;
    const r = unary();
    return r && t.k === '-' ? { a: neg(r.a), b: neg(r.b) } : r;
  }
  return primary();
}

const R_ONE_: Rational = { n: BigInt(1), d: BigInt(1) };

function primary(): Linear | undefined {
  const t = toks[at];
  if (!t) return undefined;
  if (t.k === 'n') {
    at++;
    return { a: R_ZERO, b: t.value! };
  }
  if (t.k === 'v') {
    at++;
    if (letterSeen !== undefined && letterSeen !== t.letter) twoLetters = true;
    letterSeen = t.letter;
    return { a: R_ONE_, b: R_ZERO };
  }
  if (t.k === '(') {
    at++;
    const e = expr();
    if (!e || toks[at]?.k !== ')') return undefined;
    at++;
    return e;
  }
  return undefined;
}

/** Parses a whole side; undefined unless every token is used. */
function parseSide(s: string): Linear | undefined {
  const t = lex(s);
  if (!t || !t.length) return undefined;
  toks = t;
  at = 0;
  const e = expr();
  return e && at === toks.length ? e : undefined;
}

/** Trims spaces, and stray leading/trailing operators that belong to the prose ("- ", "$"). */
function trimSide(text: string, from: number, to: number): [number, number] {
  while (from < to && (text[from] === ' ' || text[from] === '$')) from++;
  while (to > from && text[to - 1] === ' ') to--;
  return [from, to];
}

/** Is the character at i (just outside a side) glued to it as a word or number would be? */
function gluedWord(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return isLetter(c) || isDigit(c) || c === 37 /* % */ || c === 94 /* ^ */ || c === 178 || c === 179 || c === 95;
}

const ANNOTATION = new Set(['<', '>']);
const OPERATOR_AFTER = new Set(['/', '*', '+', '-', '=', '×', '÷']);
const UNITS = new Set([
  'second', 'seconds', 'minute', 'minutes', 'min', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'cm', 'mm', 'm', 'km', 'meter', 'meters', 'inch', 'inches', 'foot', 'feet', 'yard', 'yards', 'mile', 'miles',
  'g', 'kg', 'gram', 'grams', 'pound', 'pounds', 'ounce', 'ounces', 'cent', 'cents', 'dollar', 'dollars', 'ml', 'liter', 'liters', 'gallon', 'gallons', 'quart', 'quarts', 'cup', 'cups',
]);

/** Words after which a bare number starts an equation ("we get 10 = b"), not a label ("section 2 = …"). */
const LEAD_WORDS = new Set(['get', 'gets', 'got', 'obtain', 'find', 'is', 'as', 'gives', 'becomes', 'so', 'then', 'thus', 'hence', 'therefore', 'and', 'or', 'that', 'means', 'have', 'has']);

/** The lower-cased word ending right before position i (one space skipped). */
function wordBefore(text: string, i: number): string {
  let e = i;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  let b = e;
  while (b > 0 && isLetter(text.charCodeAt(b - 1))) b--;
  return text.slice(b, e).toLowerCase();
}

/** The word after position i (spaces skipped) and the first non-space character after it. */
function wordAfter(text: string, i: number): { word: string; next: number } | undefined {
  while (text.charCodeAt(i) === 32) i++;
  const s = i;
  while (i < text.length && isLetter(text.charCodeAt(i))) i++;
  if (i === s) return undefined;
  const word = text.slice(s, i).toLowerCase();
  while (text.charCodeAt(i) === 32) i++;
  return { word, next: i };
}

const isOperatorOrBracket = (c: number) => c === 43 || c === 45 || c === 42 || c === 47 || c === 40 || c === 41 || c === 61 || c === 0x2212 || c === 0xd7 || c === 0xf7;

/** A lone letter written as an unknown: a coefficient glued before it ("4x", ")x"), or an operator, bracket or '=' next to it. */
function unknownAt(text: string, i: number): boolean {
  if (!loneLetter(text, i)) return false;
  const p = i > 0 ? text.charCodeAt(i - 1) : 32;
  if (isDigit(p) || p === 41) return true;
  let j = i - 1;
  while (j >= 0 && text.charCodeAt(j) === 32) j--;
  if (j >= 0 && isOperatorOrBracket(text.charCodeAt(j))) return true;
  j = i + 1;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  return j < text.length && isOperatorOrBracket(text.charCodeAt(j));
}

/** Quick prefilter: an '=' with an unknown ("4x", "x =", "(x + 3)") on either side, before a word or another '='. */
export function mayHaveAlgebra(text: string): boolean {
  for (let e = text.indexOf('='); e >= 0; e = text.indexOf('=', e + 1)) {
    for (let i = e - 1; i >= 0 && e - i < 60 && mathChar(text, i); i--) if (isLower(text.charCodeAt(i)) && unknownAt(text, i)) return true;
    for (let i = e + 1; i < text.length && i - e < 60 && mathChar(text, i); i++) if (isLower(text.charCodeAt(i)) && unknownAt(text, i)) return true;
  }
  return false;
}

/** Every "lhs = rhs" where both sides are linear in the same single unknown (at least one side uses it). */
export function findLinearEquations(text: string): LinearEquation[] {
  const out: LinearEquation[] = [];
  for (let e = text.indexOf('='); e >= 0; e = text.indexOf('=', e + 1)) {
    const before = text[e - 1];
    const after = text[e + 1];
    if (after === '=' || after === '>' || before === '=' || before === '<' || before === '>' || before === '!') continue;
    let ls = e;
    while (ls > 0 && mathChar(text, ls - 1)) ls--;
    let re = e + 1;
    while (re < text.length && mathChar(text, re)) re++;
    const [l0, l1] = trimSide(text, ls, e);
    const [r0, r1] = trimSide(text, e + 1, re);
    if (l0 >= l1 || r0 >= r1) continue;
    // a side glued to a word or a unit ("100cm", "5%", "x²") or inside an annotation is not algebra
    if (gluedWord(text, l0 - 1) || gluedWord(text, r1) || ANNOTATION.has(text[ls - 1]) || ANNOTATION.has(text[re])) continue;
    // "72 sours / 0.75", "72 sours = > …": the side goes on after a unit word
    const unit = wordAfter(text, r1);
    if (unit && OPERATOR_AFTER.has(text[unit.next] ?? '')) continue;
    // "section 2 = x + 200": a bare number right after a word is a label, not a side
    if (/^\d[\d,.]*$/.test(text.slice(l0, l1)) && /[a-zA-Z] $/.test(text.slice(Math.max(0, l0 - 2), l0)) && !LEAD_WORDS.has(wordBefore(text, l0))) continue;
    const lt = text.slice(l0, l1);
    const rt = text.slice(r0, r1);
    maxDecimals = 0;
    letterSeen = undefined;
    twoLetters = false;
    const left = parseSide(lt);
    if (!left) continue;
    const right = parseSide(rt);
    if (!right || twoLetters || letterSeen === undefined) continue;
    const a = sub(left.a, right.a);
    const b = sub(right.b, left.b);
    const solution = isZero(a) ? undefined : div(b, a);
    out.push({
      letter: letterSeen, start: l0, end: r1, lhs: { start: l0, end: l1, text: lt }, rhs: { start: r0, end: r1, text: rt },
      solution, identity: isZero(a) && isZero(b), decimals: maxDecimals, left, right, unit: unit && UNITS.has(unit.word) ? unit.word : undefined,
    });
  }
  return out;
}

/** How often the text introduces `letter` as an unknown ("let x", "x be", "x represent", "x is the number"). */
function introductions(text: string, letter: string): number {
  const re = new RegExp(`\\b(?:let|if)\\s+["“']?${letter}\\b|(?<![\\w'])${letter}["”']?\\s+(?:be|represents?|stands?|denotes?|is\\s+the|equals?\\s+the)\\b`, 'gi');
  return text.match(re)?.length ?? 0;
}

/** Source code: variables are reassigned ("i = 0", "i = i + 1"), nothing to solve. */
const CODE = /```|[{}]|==|\+\+|\+=|-=|;\s*\n/;

/** Do two solutions agree, allowing for numbers rounded to the decimals written? */
function agree(x: Rational, dx: number, y: Rational, dy: number): boolean {
  if (equals(x, y)) return true;
  if (!dx && !dy) return false;
  const a = toNumber(x);
  const b = toNumber(y);
  return Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b)) + 0.5 * 10 ** -Math.max(dx, dy);
}

/** The value of a side at x = v. */
export function valueAt(side: Linear, v: Rational): Rational {
  return add(mul(side.a, v), side.b);
}

/**
 * Equations that disagree with the value the others settle on: in each unknown, the value given by
 * the most equations (at least two, and more than any other value) is settled; every other value
 * must come from a single equation, which is reported, as is a contradiction ("x + 5 = x + 6").
 * An unknown that also appears in equations with another unknown, or several disagreeing
 * equations, stay silent.
 */
export function algebraSlips(text: string): AlgebraSlip[] {
  if (!mayHaveAlgebra(text) || CODE.test(text)) return [];
  const eqs = findLinearEquations(text);
  if (eqs.length < 2) return [];
  const byLetter = new Map<string, LinearEquation[]>();
  for (const q of eqs) {
    const g = byLetter.get(q.letter);
    if (g) g.push(q);
    else byLetter.set(q.letter, [q]);
  }
  const out: AlgebraSlip[] = [];
  for (const group of byLetter.values()) {
    if (new Set(group.map((q) => q.unit).filter((u) => u)).size > 1) continue; // "3x = 1 hour", "3x = 60 minutes"
    if (introductions(text, group[0].letter) > 1) continue; // "Let x be the apples… Let x be the pears…"
    const solving = group.filter((q) => q.solution);
    if (solving.length < 2) continue;
    // clusters of agreeing solutions
    const clusters: LinearEquation[][] = [];
    for (const q of solving) {
      const c = clusters.find((cl) => agree(cl[0].solution!, cl[0].decimals, q.solution!, q.decimals));
      if (c) c.push(q);
      else clusters.push([q]);
    }
    clusters.sort((x, y) => y.length - x.length);
    const best = clusters[0];
    if (best.length < 2 || (clusters[1] && clusters[1].length >= best.length)) continue;
    const odd = clusters.slice(1).flat();
    const contradictions = group.filter((q) => !q.solution && !q.identity);
    if (odd.length + contradictions.length !== 1 || odd.length >= best.length) continue;
    const settled = best[best.length - 1].solution!;
    for (const q of [...odd, ...contradictions]) out.push({ equation: q, settled, support: best.length });
  }
  return out.sort((x, y) => x.equation.start - y.equation.start);
}

/** "4x + 12 = 64 gives x = 13, but the other steps give x = 12.75 (then 4x + 12 is 63)" */
export function describeSlip(s: AlgebraSlip): string {
  const q = s.equation;
  const v = formatRational(s.settled);
  const eq = `${q.lhs.text} = ${q.rhs.text}`;
  const l = formatRational(valueAt(q.left, s.settled));
  const r = formatRational(valueAt(q.right, s.settled));
  const others = s.support === 2 ? 'two other equations give' : `${s.support} other equations give`;
  const bare = (t: string) => /^-?[$\d.,]+$/.test(t);
  if ((q.lhs.text === q.letter && bare(q.rhs.text)) || (q.rhs.text === q.letter && bare(q.lhs.text))) return `${eq}, but ${others} ${q.letter} = ${v}`;
  if (!q.solution) return `${eq} cannot hold: ${others} ${q.letter} = ${v}, and then ${q.lhs.text} is ${l} but ${q.rhs.text} is ${r}`;
  return `${eq} gives ${q.letter} = ${formatRational(q.solution)}, but ${others} ${q.letter} = ${v} (then ${q.lhs.text} is ${l}, ${q.rhs.text} is ${r})`;
}
