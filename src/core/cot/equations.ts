/**
 * Equations written in reasoning text, and GSM8K calculator annotations.
 *
 * Ambiguity is the enemy: an inline equation is only reported when the left side is a well-formed
 * arithmetic expression (at least one operator, delimited by whitespace or a bracket, not glued to a
 * variable or a word) and the right side is a number. "3 - 4 weeks", "2023-10-12", "3:45", "1:2",
 * "x = 5", "2x + 3 = 7", "5 x 3 inches", "1 hour = 60 minutes" are not equations to check.
 */
import { type Expr, type Token, evaluate, formatExpr, hasOperator, hasPercent, parseTokens, resolveWordOperators, tokenize } from './expr';
import { type MixedStyle, formatMixed, mayHaveMixedNumbers, mergeMixedNumbers } from './mixed';
import { type Rational, compare, equals, rat, formatRational, isTerminating, mul, neg, R_HUNDRED, roundTo, truncateTo, decimalString, toNumber } from './rational';

/** The equations of a text that has none (most texts, for each kind): one shared, frozen empty list. */
export const NO_EQUATIONS: Equation[] = Object.freeze([]) as unknown as Equation[];

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface WrittenNumber extends TextSpan {
  value: Rational;
  decimals: number;
  percent: boolean;
  grouped: boolean;
  /** Written as a mixed number ("4 1/4", "4¼", "4\\frac{1}{4}"). */
  mixed?: MixedStyle;
}

export interface Equation {
  kind: 'inline' | 'annotation';
  /** The computation (left side), its exact value and a canonical rendering for messages. */
  lhs: TextSpan;
  expression: string;
  value: Rational;
  /** The result as written (for a running total "2 + 3 = 5 + 4", the 5). */
  result: WrittenNumber;
  /** Whole span: left side to written result (an annotation: "<<" to ">>"). */
  start: number;
  end: number;
  /** True when the written result equals the value (exactly, or rounded/truncated to the written precision). */
  correct: boolean;
  /** Annotation only: the number written right after ">>", if any. */
  after?: WrittenNumber;
  /** Inline only: the written result is the number right after an annotation (the annotation carries the check). */
  annotated?: boolean;
  /** When the right side is an expression that disagrees and has no leading number to blame. */
  rhsExpression?: { span: TextSpan; value: Rational; expression: string };
  /** The right result written in the style of the wrong one, when formatLike cannot write it (clock times, durations: see clock.ts). */
  corrected?: string;
}

/** Whether `written` is an acceptable way to write `exact` (exact, or rounded/truncated to its decimals). */
export function acceptsResult(exact: Rational, written: Rational, decimals: number): boolean {
  if (equals(exact, written)) return true;
  // fast reject: far apart in doubles
  const a = toNumber(exact);
  const b = toNumber(written);
  const tol = 0.51 * 10 ** -decimals + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) > tol * 2 + 1e-12) return false;
  return equals(roundTo(exact, decimals), written) || equals(truncateTo(exact, decimals), written);
}

function numberOf(tok: Token, source: string): WrittenNumber {
  const w: WrittenNumber = {
    start: tok.start, end: tok.end, text: source.slice(tok.start, tok.end), value: tok.value!, decimals: tok.decimals ?? 0,
    percent: !!tok.percent, grouped: !!tok.grouped,
  };
  if (tok.mixed) w.mixed = tok.mixed;
  return w;
}

const OPERAND_START = new Set(['num', 'lp', 'frac', 'boxed']);
/** Characters that may sit right before a left side without a space. */
const OPEN_CHARS = new Set(['"', "'", '“', '‘', '`', '[', '>', '**', '$']);
const VARIABLE_LETTERS = /^[a-zA-Z]$/;
const OPERATOR_WORDS = new Set(['x', 'times', 'divided', 'multiplied']);
const CAPITAL_LABELS = new Set(['week', 'weeks', 'day', 'days', 'year', 'years', 'month', 'months', 'round', 'rounds', 'game', 'games', 'grades', 'levels', 'steps', 'chapters', 'pages']);
const LABEL_WORDS = new Set(['day', 'week', 'step', 'chapter', 'page', 'level', 'grade', 'question', 'problem', 'line', 'part', 'room', 'no', 'version', 'rule', 'figure', 'table', 'section']);

function isExprToken(t: Token): boolean {
  return t.kind === 'num' || t.kind === 'op' || t.kind === 'lp' || t.kind === 'rp' || t.kind === 'frac' || t.kind === 'boxed' || t.kind === 'unit';
}

/** Quick prefilter: texts without '=' next to digits have no equations. */
export function mayHaveEquations(text: string): boolean {
  return (text.indexOf('=') >= 0 || text.indexOf(' equals ') >= 0) && /\d/.test(text);
}

/** The value of a parsed side, trying percent-as-number alternatives when asked. */
function valueOf(e: Expr, percentAsNumber = false): Rational | undefined {
  return evaluate(e, percentAsNumber ? { percentAsNumber: true } : {});
}

interface Segment {
  from: number; // token index
  to: number; // exclusive
  expr: Expr;
  /** The side's tokens without unit words. */
  list: Token[];
}

/** Words that end a unit ("3 apples and ..."): a unit is a noun phrase right after a number. */
const NOT_UNIT = new Set(['already', 'up', 'down', 'altogether', 'now', 'still', 'only', 'just', 'all', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'so', 'then', 'which', 'that', 'because', 'for', 'to', 'in', 'at', 'on', 'with', 'from',
  'the', 'a', 'an', 'of', 'by', 'if', 'but', 'than', 'as', 'plus', 'minus', 'times', 'x', 'X', 'equals', 'gives', 'makes', 'leaves', 'left', 'more', 'less', 'it', 'he', 'she', 'they', 'we', 'i', 'you']);
/** At most two words, plus "per word" or "/ word" ("cubic inches / pump"). */
const MAX_UNIT_WORDS = 3;

/**
 * Marks unit words after numbers ("16 feet * 12 feet", "20 minutes / day * 3", "$5 per hour x 3")
 * as 'unit' tokens, which expressions may contain and the parser ignores. "x" or "times" after a
 * unit and before a number becomes multiplication.
 */
function markUnits(toks: Token[]): void {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'num') continue;
    let j = i + 1;
    let words = 0;
    let per = false;
    while (j < toks.length) {
      const t = toks[j];
      if (t.kind === 'word') {
        const w = t.text!;
        const next = toks[j + 1];
        if ((w === 'x' || w === 'X' || w === 'times') && j > i + 1 && next && (next.kind === 'num' || next.kind === 'lp')) {
          t.kind = 'op';
          t.text = '*';
          break;
        }
        // "pairs of roller skates", "tubes of lip gloss": "of" joins a unit phrase when a word follows
        if (w === 'of' && words > 0 && next?.kind === 'word' && !NOT_UNIT.has(next.text!.toLowerCase())) {
          t.kind = 'unit';
          j++;
          continue;
        }
        if (w === 'per' && words > 0 && !per && next?.kind === 'word') {
          per = true;
          t.kind = 'unit';
          j++;
          continue;
        }
        // a one-letter unit only right after a '/' written without spaces ("ml/g", "km/h")
        const glued = per && toks[j - 1]?.text === '/' && !t.space && !toks[j - 1].space;
        if (NOT_UNIT.has(w.toLowerCase()) || (w.length < 2 && !glued) || words >= MAX_UNIT_WORDS + (per ? 2 : 0)) break;
        t.kind = 'unit';
        words++;
      } else if (t.kind === 'op' && t.text === '/' && !per && toks[j + 1]?.kind === 'word' && !NOT_UNIT.has(toks[j + 1].text!.toLowerCase()) &&
        (toks[j + 1].text!.length >= 2 || (words > 0 && !t.space && !toks[j + 1].space))) {
        per = true;
        t.kind = 'unit';
      } else if (t.kind === 'op' && t.text === '-' && words > 0 && !t.space && toks[j + 1]?.kind === 'word' && !toks[j + 1].space) {
        // "push-ups", "t-shirts": a hyphen inside a unit word
        t.kind = 'unit';
      } else break;
      j++;
    }
    // "14 trash cans on the streets * 2 = 28", "36 books belonging to Albert + 9 books belonging to Stu = 45",
    // "8 friends + 1 (Samuel) + 1 (Cathy) = 10": a longer description of the quantity, between the number
    // and the next operator of the same equation
    const longer = describedQuantity(toks, i, j);
    if (longer > j) {
      for (let k = j; k < longer; k++) toks[k].kind = 'unit';
      j = longer;
    }
    // "5 cents (.05) x 100": a parenthetical restatement, not a product; and a trailing "/" or "per" is not part of the unit
    if (toks[j]?.kind === 'lp') {
      for (let k = i + 1; k < j; k++) if (toks[k].kind === 'unit') toks[k].kind = toks[k].text === '/' ? 'op' : 'word';
      j = i + 1;
    }
    while (j - 1 > i && toks[j - 1].kind === 'unit' && (toks[j - 1].text === '/' || toks[j - 1].text === 'per')) {
      toks[j - 1].kind = toks[j - 1].text === '/' ? 'op' : 'word';
      j--;
    }
    if (j > i + 1) {
      const words: string[] = [];
      for (let k = i + 1; k < j; k++) if (toks[k].kind === 'unit' && toks[k].text !== '/' && toks[k].text !== 'per') words.push(toks[k].text!);
      toks[i].unitAfter = true;
      toks[i].unit = words.join(' ');
    }
  }
}

/** Words that end a description of a quantity: verbs and clause words ("12 apples are 3 dozen"). */
const NOT_DESCRIPTION = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'so', 'then', 'which', 'that', 'because', 'if', 'but', 'than', 'equals', 'gives', 'makes',
  'plus', 'minus', 'times', 'x', 'X', 'divided', 'multiplied', 'when', 'while', 'since', 'thus', 'hence', 'therefore', 'will', 'would', 'can', 'could', 'must', 'should', 'do', 'does', 'did',
  'already', 'up', 'down', 'altogether', 'now', 'still', 'only', 'just', 'all', 'left', 'more', 'less', 'it', 'he', 'she', 'they', 'we', 'i', 'you']);
/** Words a description cannot start with: "1 / 3 of Solomon", "2 by 3", "5 more than": the number is an operand of what follows. */
const NOT_DESCRIPTION_START = new Set(['of', 'by', 'than', 'as', 'per', 'over', 'out', 'and', 'or']);
const MAX_DESCRIPTION = 6;

/**
 * End of a description of the quantity toks[i] that starts at toks[j] (words, "t - shirts", "Kris’",
 * a parenthesized name), when the description is followed by an operator and a number and an '='
 * comes later in the same clause, or (for an operand after an operator) by the '=' itself; else j.
 */
function describedQuantity(toks: Token[], i: number, j: number): number {
  let k = j;
  let words = 0;
  let paren = false;
  let compound = false;
  while (k < toks.length && k - j < MAX_DESCRIPTION + 2) {
    const t = toks[k];
    if (t.kind === 'word' || t.kind === 'unit') {
      const w = t.text!.toLowerCase();
      if (NOT_DESCRIPTION.has(t.text!) || NOT_DESCRIPTION.has(w) || (k === j && NOT_DESCRIPTION_START.has(w) && !(j > i + 1 && (w === 'and' || w === 'or')))) return j;
      // "5A", "2p + 12", "A + 2A": algebra, not a description (but "t - shirts" is a word)
      if (!t.space && k === i + 1) return j;
      if (t.text!.length === 1 && !(toks[k + 1]?.kind === 'op' && toks[k + 1].text === '-' && toks[k + 2]?.kind === 'word')) return j;
      words++;
    } else if (t.kind === 'other' && (t.text === '’' || t.text === "'") && k > j) {
      // "Kris’ brother"
    } else if (
      t.kind === 'op' && t.text === '-' && toks[k + 1]?.kind === 'word' &&
      // "push - ups", or a result "= 45 - foot sections"
      ((k > i + 1 && (toks[k - 1].kind === 'word' || toks[k - 1].kind === 'unit')) || (k === i + 1 && toks[i - 1]?.kind === 'eq' && toks[k + 1].text!.length >= 2))
    ) {
      // "push - ups", "t - shirts": a hyphenated word written with spaces
      compound = true;
    } else if (t.kind === 'lp' && !paren && toks[k + 1]?.kind === 'word' && toks[k + 2]?.kind === 'rp') {
      // "1 (Samuel)"
      paren = true;
      words++;
      k += 3;
      continue;
    } else break;
    k++;
  }
  if (k === j || words === 0 || words > MAX_DESCRIPTION) return j;
  const next = toks[k];
  const prev = toks[i - 1];
  // "= 40 push - ups.": a result described with a spaced hyphenated word
  if (compound && prev?.kind === 'eq') return k;
  if (!next) return j;
  if (next.kind === 'eq') return prev && prev.kind === 'op' ? k : j;
  if (next.kind !== 'op' || next.text === '^') return j;
  const operand = toks[k + 1];
  if (!operand || operand.kind !== 'num') return j;
  // an '=' later in the same clause
  for (let m = k + 2; m < toks.length && m < k + 24; m++) {
    const t = toks[m];
    if (t.kind === 'eq') return k;
    if (t.kind === 'nl' || (t.kind === 'other' && /^[.?!;:]$/.test(t.text!))) return j;
  }
  return j;
}

function stem(w: string): string {
  const l = w.toLowerCase();
  return l.length > 3 && l.endsWith('s') ? l.slice(0, -1) : l;
}

const MEASURES = new Map<string, string>(Object.entries({
  pound: 'mass', lb: 'mass', ounce: 'mass', oz: 'mass', gram: 'mass', kg: 'mass', kilogram: 'mass', ton: 'mass',
  foot: 'length', feet: 'length', ft: 'length', inche: 'length', inch: 'length', yard: 'length', mile: 'length', meter: 'length', cm: 'length', mm: 'length', km: 'length', kilometer: 'length', centimeter: 'length',
  liter: 'volume', ml: 'volume', gallon: 'volume', quart: 'volume', pint: 'volume', cup: 'volume',
  hour: 'time', hr: 'time', minute: 'time', min: 'time', second: 'time', sec: 'time', day: 'time', week: 'time', month: 'time', year: 'time',
  dollar: 'money', cent: 'money',
}));

/** "4 pounds - 6 ounces": two different units of one measure, so a conversion happens in between. */
function conflictingMeasures(a: string, b: string): boolean {
  const first = (u: string) => u.split(' ').map(stem).find((w) => MEASURES.has(w));
  const ua = first(a);
  const ub = first(b);
  return !!ua && !!ub && ua !== ub && MEASURES.get(ua) === MEASURES.get(ub);
}

/** Parses toks[from, to) ignoring unit words; rejects ranges with a unit only on the second number ("3 - 4 weeks"). */
function parseRange(toks: Token[], from: number, to: number): { expr: Expr; list: Token[] } | undefined {
  // braces group only in LaTeX (\frac{…}{…}, \boxed{…}); "{0} + {1} = {2}" is a format string
  let braces = false;
  let latex = false;
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (t.kind === 'lp' && t.text === '{') braces = true;
    else if (t.kind === 'frac' || t.kind === 'boxed') latex = true;
  }
  if (braces && !latex) return undefined;
  let list: Token[] | undefined;
  for (let k = from; k < to; k++) {
    if (toks[k].kind === 'unit') {
      list = toks.slice(from, to).filter((t) => t.kind !== 'unit');
      break;
    }
  }
  if (list) {
    for (let k = 1; k + 1 < list.length; k++) {
      const t = list[k];
      if (t.kind !== 'op' || (t.text !== '-' && t.text !== '+')) continue;
      const a = list[k - 1];
      const b = list[k + 1];
      if (a.kind !== 'num' || b.kind !== 'num') continue;
      // "3 - 4 weeks": a range (which goes up: "5000 - 1,110 feet" and "$90 - $18 discount" are differences)
      if (t.text === '-' && !a.unitAfter && b.unitAfter && !(a.value && b.value && compare(a.value, b.value) > 0)) return undefined;
      // "4 pounds - 6 ounces = 58 ounces": different units, a conversion in between
      if (a.unit && b.unit && conflictingMeasures(a.unit, b.unit)) return undefined;
    }
    const expr = parseTokens(list);
    return expr && { expr, list };
  }
  const expr = parseTokens(toks, from, to);
  return expr && { expr, list: toks.slice(from, to) };
}

/**
 * Inline equations (and chains) in `text`. Annotations `<<…>>` are skipped over (see
 * findAnnotations); a result written right after an annotation is marked `annotated`.
 */
export function findInlineEquations(text: string): Equation[] {
  if (!mayHaveEquations(text)) return [];
  const mixed = mayHaveMixedNumbers(text);
  if (text.length < 400 || text.indexOf('\n') < 0) return findInRange(text, 0, text.length, mixed);
  // long multi-line texts: only the lines with an '=' (equations never span lines)
  const out: Equation[] = [];
  let from = 0;
  while (from < text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    const eq = text.indexOf('=', from);
    if (eq < 0) break;
    if (eq < nl) out.push(...findInRange(text, from, nl, mixed));
    else {
      // jump to the line holding the next '='
      const lineStart = text.lastIndexOf('\n', eq) + 1;
      from = lineStart;
      continue;
    }
    from = nl + 1;
  }
  return out;
}

function findInRange(text: string, start: number, stop: number, mixed: boolean): Equation[] {
  const raw = tokenize(text, start, stop, { annotations: true });
  const toks = mixed ? mergeMixedNumbers(raw, text) : raw;
  const annAfter = new Set<number>(); // token indexes right after an annotation
  const clean: Token[] = [];
  for (const t of toks) {
    if (t.kind === 'ann') {
      // "= $<<6*3=18>>18": the currency sign belongs to the number after the annotation
      const last = clean[clean.length - 1];
      if (last && last.kind === 'other' && /^[$€£¥]$/.test(last.text!)) clean.pop();
      annAfter.add(clean.length);
      continue;
    }
    clean.push(t);
  }
  resolveWordOperators(clean);
  markUnits(clean);
  const out: Equation[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < clean.length; i++) {
    if (clean[i].kind !== 'eq' || consumed.has(i)) continue;
    // collect the chain: left side, then segments separated by '='
    const left = leftSide(clean, i, true) ?? leftSide(clean, i, false);
    const segs: (Segment | undefined)[] = [left];
    const eqs: number[] = [i];
    let k = i;
    for (;;) {
      let j = k + 1;
      let depth = 0;
      while (j < clean.length && isExprToken(clean[j])) {
        const t = clean[j];
        if (t.kind === 'lp') depth++;
        else if (t.kind === 'rp') {
          if (depth === 0) break;
          depth--;
        }
        j++;
      }
      // a trailing operator is not part of the side ("= 12 -" in "= 12 - that is")
      while (j > k + 1 && clean[j - 1].kind === 'op') j--;
      let seg = j > k + 1 ? parseSide(clean, k + 1, j) : undefined;
      if (!seg) {
        // "= 3 amoebae after 6 days": the unit words ran into the next quantity; stop at the first unit
        let u = k + 1;
        while (u < j && clean[u].kind !== 'unit') u++;
        if (u < j && u > k + 1) {
          j = u;
          while (j > k + 1 && clean[j - 1].kind === 'op') j--;
          seg = parseSide(clean, k + 1, j);
        }
      }
      const next = clean[j];
      if (seg && next && next.kind === 'eq') {
        segs.push(seg);
        eqs.push(j);
        consumed.add(j);
        k = j;
        continue;
      }
      if (seg && rightBoundaryOk(clean, j, text)) segs.push(seg);
      else segs.push(undefined);
      break;
    }
    checkChain(segs, clean, text, annAfter, out);
  }
  return out;
}

function parseSide(toks: Token[], from: number, to: number): Segment | undefined {
  const first = toks[from];
  for (let k = from; k < to; k++) if (toks[k].kind === 'num' && toks[k].leadingZero) return undefined;
  if (!OPERAND_START.has(first.kind) && !(first.kind === 'op' && first.text === '-')) return undefined;
  const p = parseRange(toks, from, to);
  return p ? { from, to, expr: p.expr, list: p.list } : undefined;
}

/** The well-formed arithmetic expression ending right before the '=' at `eq`, or undefined. */
function leftSide(toks: Token[], eq: number, units: boolean): Segment | undefined {
  let s = eq;
  let depth = 0;
  while (s > 0) {
    const t = toks[s - 1];
    if (!isExprToken(t) || (!units && t.kind === 'unit')) break;
    if (t.kind === 'rp') depth++;
    else if (t.kind === 'lp') {
      if (depth === 0) break;
      depth--;
    }
    s--;
  }
  if (s === eq) return undefined;
  const first = toks[s];
  // must start with an operand or a unary minus
  if (!OPERAND_START.has(first.kind)) {
    if (!(first.kind === 'op' && first.text === '-')) return undefined;
  }
  // glued to what precedes it: "a2+3", "3:45", "x2", "v1.2"
  const b = toks[s - 1];
  const before = b && b.kind === 'unit' ? { ...b, kind: 'word' as const } : b;
  if (before && !first.space) {
    if (before.kind === 'word' || before.kind === 'eq' || before.kind === 'num') return undefined;
    // "Total:13 + 26 + 52 = 91" is a label; "3:45" and "1:2" are not
    const labelColon = before.kind === 'other' && before.text === ':' && toks[s - 2] && (toks[s - 2].kind === 'word' || toks[s - 2].kind === 'unit');
    if (before.kind === 'other' && !OPEN_CHARS.has(before.text!) && !labelColon) return undefined;
  }
  if (before && before.kind === 'word') {
    const w = before.text!.toLowerCase();
    // "24 hours in a day - 4 hours cleaning - 2 hours = 18": a subtraction whose first operand is prose
    if (first.kind === 'op') return undefined;
    // "Weeks 1-2", "Day 3 + ...": a capitalized label
    if (/^[A-Z]/.test(before.text!) && CAPITAL_LABELS.has(w)) return undefined;
    // "60 students x 2 / 3 = 40": the expression is the tail of a product with a unit
    if (OPERATOR_WORDS.has(w)) return undefined;
    // "12 x 1 and 1/4 = 15": a mixed number
    const b2 = toks[s - 2];
    if (w === 'and' && b2 && b2.kind === 'num' && toks[s + 1]?.kind === 'op' && toks[s + 1].text === '/') return undefined;
    // "Step 2 - 3 ...", "Day 5 + ...": a label, not a quantity
    if (LABEL_WORDS.has(w)) return undefined;
  }
  if (before && before.kind === 'other') {
    const b2 = toks[s - 2];
    // ".8 + . 84 + .82": garbage inside a longer expression; "14, 400 / 80": a spaced thousands separator
    if (b2 && b2.kind === 'op') return undefined;
    if (before.text === ',' && b2 && b2.kind === 'num' && !before.space && first.kind === 'num' && /^\d{3}$/.test(first.value!.n.toString()) && first.value!.d === BigInt(1)) return undefined;
  }
  // "$100 + ($100 * (10 / 100) = $110": an unclosed "(" after an operator; the left side starts further left
  if (before && before.kind === 'lp') {
    const b2 = toks[s - 2];
    if (b2 && (b2.kind === 'op' || b2.kind === 'num')) return undefined;
  }
  for (let k = s; k < eq; k++) if (toks[k].kind === 'num' && toks[k].leadingZero) return undefined;
  const p = parseRange(toks, s, eq);
  if (!p) return undefined;
  return { from: s, to: eq, expr: p.expr, list: p.list };
}

/** What follows a final right side must not make it something else ("7x", "1:2", "3.4.5", "2/3/2024"). */
function rightBoundaryOk(toks: Token[], j: number, text: string): boolean {
  const next = toks[j];
  if (!next) return true;
  // an operator after the right side: it goes on with a variable ("= 24/Y", "= 16 + x")
  if (next.kind === 'op') return false;
  if (next.space) return true;
  if (next.kind === 'word') return !VARIABLE_LETTERS.test(next.text!) || next.text === 'm' || next.text === 'k' || next.text === 's';
  if (next.kind === 'other') {
    const after = text.charCodeAt(next.end);
    // "= 5: 2" is a ratio
    if (next.text === ':') return false;
    if ((next.text === '.' || next.text === ',' || next.text === '-' || next.text === '/') && after >= 48 && after <= 57) return false;
    return true;
  }
  if (next.kind === 'num') return false;
  return true;
}

function segmentSpan(toks: Token[], seg: Segment, text: string): TextSpan {
  const start = toks[seg.from].start;
  const end = toks[seg.to - 1].end;
  return { start, end, text: text.slice(start, end) };
}

/** The side is one written number ("12", "$15", "-3.5"): its token, with the sign folded in. */
function singleNumber(seg: Segment, toks: Token[]): Token | undefined {
  const e = seg.expr;
  if (e.type === 'num') return e.token;
  if (e.type === 'neg' && e.arg.type === 'num') {
    const t = e.arg.token;
    return { ...t, start: toks[seg.from].start, value: neg(t.value!) };
  }
  return undefined;
}

function checkChain(segs: (Segment | undefined)[], toks: Token[], text: string, annAfter: Set<number>, out: Equation[]): void {
  // the chain starts at the first computation; "1 hour = 60 minutes" (no operator) is not one
  let k = 0;
  while (k < segs.length - 1 && (!segs[k] || !hasOperator(segs[k]!.expr))) k++;
  let prev: Prev | undefined;
  for (; k < segs.length; k++) {
    const seg = segs[k];
    if (!seg) {
      prev = undefined;
      continue;
    }
    if (prev && !hasOperator(prev.seg.expr)) {
      // "4 - 2 = 2 hours = 120 minutes", "100 cents = $1": a plain number restated in other units
      prev = undefined;
    }
    if (!prev) {
      if (!hasOperator(seg.expr)) continue;
      const v = valueOf(seg.expr);
      if (!v) continue;
      // "14 / 1 / 4 = 56": a chain of divisions is often meant as a / (b / c); "$40,000 / 1 year/$5,000 = 8"
      // reads left to right although "1 year/$5,000" is written tight
      const alt = hasDivisionChain(seg.expr) ? evaluate(seg.expr, { rightAssociativeDivision: true }) : undefined;
      const loose = parseTokens(seg.list, 0, seg.list.length, false);
      const lv = loose && evaluate(loose);
      prev = { seg, value: v, alt, alt2: lv && !equals(lv, v) ? lv : undefined, alt3: bulletReading(seg, toks) };
      continue;
    }
    const lhsSpan = segmentSpan(toks, prev.seg, text);
    const expression = formatExpr(prev.seg.expr, text);
    const single = singleNumber(seg, toks);
    if (single) {
      const tok = single;
      const written = numberOf(tok, text);
      let correct = sideMatches(prev, { type: 'num', value: tok.value!, token: tok }, tok);
      if (!correct) {
        // "$1 / 2 = 50 cents", "1/4 = 25 percent": a unit change written after the result
        const unit = toks.slice(seg.from, seg.to + 1).find((t) => t.kind === 'word' || t.kind === 'unit');
        if (unit && /^(?:cents?|percent)$/i.test(unit.text!)) correct = acceptsResult(mul(prev.value, R_HUNDRED), tok.value!, tok.decimals ?? 0);
      }
      const eq: Equation = {
        kind: 'inline', lhs: lhsSpan, expression, value: prev.value, result: written, start: lhsSpan.start, end: written.end, correct,
      };
      if (annAfter.has(seg.from)) eq.annotated = true;
      out.push(eq);
      prev = { seg, value: written.value, alt: correct && !equals(written.value, prev.value) ? prev.value : undefined };
      continue;
    }
    // the right side is itself an expression
    const rv = valueOf(seg.expr);
    if (!rv) {
      prev = undefined;
      continue;
    }
    const lead = leadingNumber(seg);
    if (close(prev, rv) || (hasPercent(seg.expr) && closeAny(prev, valueOf(seg.expr, true)))) {
      // an equal rewriting ("= 7 * 2", "= \frac{3}{4}"): a computation whose result is that expression
      const span = segmentSpan(toks, seg, text);
      out.push({
        kind: 'inline', lhs: lhsSpan, expression, value: prev.value, result: { ...span, value: rv, decimals: 0, percent: false, grouped: false },
        start: lhsSpan.start, end: span.end, correct: true,
      });
      prev = { seg, value: rv };
      continue;
    }
    // "200 / 300 = 1 / 3": a fraction, not a running total that starts with the rounded 1
    const fraction = lead && seg.list[1].text === '/';
    if (lead && (fraction ? equals(lead.value!, prev.value) : sideMatches(prev, { type: 'num', value: lead.value!, token: lead }, lead))) {
      const written = numberOf(lead, text);
      out.push({ kind: 'inline', lhs: lhsSpan, expression, value: prev.value, result: written, start: lhsSpan.start, end: written.end, correct: true });
      // running total "2 + 3 = 5 + 4 = 9": the 5 is the previous result; continue from this segment,
      // also with the exact previous value substituted for a rounded one
      const alt = !equals(lead.value!, prev.value) ? substituteLead(seg, lead, prev.value) : undefined;
      prev = { seg, value: rv, alt };
      continue;
    }
    if (k === segs.length - 1 && prefixMatches(prev, seg)) {
      prev = undefined;
      continue;
    }
    const span = segmentSpan(toks, seg, text);
    out.push({
      kind: 'inline', lhs: lhsSpan, expression, value: prev.value,
      result: { ...span, value: rv, decimals: 0, percent: false, grouped: false },
      start: lhsSpan.start, end: span.end, correct: false,
      rhsExpression: { span, value: rv, expression: formatExpr(seg.expr, text) },
    });
    prev = { seg, value: rv };
  }
}

/** The final right side starts with a part equal to the left side ("= 1/3 of $150 left"): the rest is prose. */
interface Prev {
  seg: Segment;
  value: Rational;
  /** Other readings the writer may have meant (rounded value carried on, a / (b / c), left-to-right). */
  alt?: Rational;
  alt2?: Rational;
  /** "- 4 + 6 = 10" at the start of a line: a list bullet rather than a minus. */
  alt3?: Rational;
}

function bulletReading(seg: Segment, toks: Token[]): Rational | undefined {
  const first = toks[seg.from];
  const before = toks[seg.from - 1];
  if (!(first.kind === 'op' && first.text === '-' && (!before || before.kind === 'nl'))) return undefined;
  const next = seg.list[1];
  if (!next || !next.space) return undefined;
  const e = parseTokens(seg.list, 1, seg.list.length);
  return e && evaluate(e);
}

function prefixMatches(prev: Prev, seg: Segment): boolean {
  for (let n = seg.list.length - 1; n >= 1; n--) {
    const e = parseTokens(seg.list, 0, n);
    const v = e && evaluate(e);
    if (v && close(prev, v)) return true;
  }
  return false;
}

function hasDivisionChain(e: Expr): boolean {
  if (e.type === 'bin') return (e.op === '/' && e.left.type === 'bin' && e.left.op === '/') || hasDivisionChain(e.left) || hasDivisionChain(e.right);
  if (e.type === 'num') return false;
  return hasDivisionChain(e.arg);
}

function close(prev: { value: Rational; alt?: Rational; alt2?: Rational; alt3?: Rational }, v: Rational): boolean {
  return equals(prev.value, v) || (prev.alt !== undefined && equals(prev.alt, v)) || (prev.alt2 !== undefined && equals(prev.alt2, v)) || (prev.alt3 !== undefined && equals(prev.alt3, v));
}

function closeAny(prev: { value: Rational; alt?: Rational; alt2?: Rational; alt3?: Rational }, v: Rational | undefined): boolean {
  return v !== undefined && close(prev, v);
}

function leadingNumber(seg: Segment): Token | undefined {
  const t = seg.list[0];
  if (!t || t.kind !== 'num' || seg.list.length < 3) return undefined;
  const op = seg.list[1];
  return op.kind === 'op' ? t : undefined;
}

function substituteLead(seg: Segment, lead: Token, value: Rational): Rational | undefined {
  const replace = (e: Expr): Expr => {
    if (e.type === 'num') return e.token === lead ? { ...e, value, token: { ...lead, percent: false, value } } : e;
    if (e.type === 'bin') return { ...e, left: replace(e.left), right: replace(e.right) };
    return { ...e, arg: replace(e.arg) };
  };
  return evaluate(replace(seg.expr));
}

/** Does the written number on the right match the previous side's value (with every tolerance)? */
function sideMatches(prev: Prev, rhs: Expr, tok: Token): boolean {
  const decimals = tok.decimals ?? 0;
  if (acceptsResult(prev.value, tok.value!, decimals)) return true;
  if (prev.alt && acceptsResult(prev.alt, tok.value!, decimals)) return true;
  if (prev.alt2 && acceptsResult(prev.alt2, tok.value!, decimals)) return true;
  if (prev.alt3 && acceptsResult(prev.alt3, tok.value!, decimals)) return true;
  // "6 km / 1 / 30 hour": a chain of divisions often means a / (b / c)
  if (hasDivisionChain(prev.seg.expr)) {
    const v = evaluate(prev.seg.expr, { rightAssociativeDivision: true });
    if (v && acceptsResult(v, tok.value!, decimals)) return true;
  }
  // "20 + 5 = 25%", "25% + 5% = 30": a percent sign used as a unit label on one side
  const lp = hasPercent(prev.seg.expr);
  const rp = !!tok.percent;
  if (lp || rp) {
    // read as a plain number, "233%" has the precision of "233"
    const plain = rp ? Math.max(0, decimals - 2) : decimals;
    const l2 = lp ? valueOf(prev.seg.expr, true) : prev.value;
    const r2 = rp ? valueOf(rhs, true) : tok.value;
    if (l2 && r2 && acceptsResult(l2, r2, plain)) return true;
    if (l2 && acceptsResult(l2, tok.value!, decimals)) return true;
    if (r2 && acceptsResult(prev.value, r2, plain)) return true;
    for (const alt of [prev.alt, prev.alt2, prev.alt3]) if (alt && r2 && acceptsResult(alt, r2, plain)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// GSM8K calculator annotations

const ANNOTATION_RE = /<<([^<>\n]*?)=([^<>=\n]*)>>/g;
const AFTER_RE = /^[$€£]?(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+)(%?)/;

/** Every `<<expr=result>>` annotation whose expression parses; `after` is the number written right after it. */
export function findAnnotations(text: string): Equation[] {
  const out: Equation[] = [];
  if (text.indexOf('<<') < 0) return out;
  ANNOTATION_RE.lastIndex = 0;
  for (let m = ANNOTATION_RE.exec(text); m; m = ANNOTATION_RE.exec(text)) {
    const exprStart = m.index + 2;
    const exprEnd = exprStart + m[1].length;
    const resStart = exprEnd + 1;
    const resEnd = resStart + m[2].length;
    const toks = tokenize(text, exprStart, exprEnd);
    resolveWordOperators(toks);
    const expr = parseTokens(toks);
    if (!expr) continue;
    const value = evaluate(expr);
    if (!value) continue;
    const resToks = tokenize(text, resStart, resEnd);
    const res = parseTokens(resToks);
    if (!res) continue;
    let resultTok: Token | undefined;
    let resultValue: Rational | undefined;
    if (res.type === 'num') {
      resultTok = res.token;
      resultValue = res.token.value;
    } else if (res.type === 'neg' && res.arg.type === 'num') {
      resultTok = { ...res.arg.token, start: resToks[0].start, value: evaluate(res) };
      resultValue = resultTok.value;
    }
    if (!resultTok || !resultValue) continue;
    const result = numberOf(resultTok, text);
    let correct = acceptsResult(value, resultValue, result.decimals);
    if (!correct && (hasPercent(expr) || result.percent)) {
      const plain = result.percent ? Math.max(0, result.decimals - 2) : result.decimals;
      const l2 = evaluate(expr, { percentAsNumber: true });
      const r2 = result.percent ? evaluate(res, { percentAsNumber: true }) : resultValue;
      correct = (!!l2 && !!r2 && acceptsResult(l2, r2, plain)) || (!!r2 && acceptsResult(value, r2, plain)) || (!!l2 && acceptsResult(l2, resultValue, result.decimals));
    }
    const end = m.index + m[0].length;
    const eq: Equation = {
      kind: 'annotation', lhs: { start: exprStart, end: exprEnd, text: m[1] }, expression: formatExpr(expr, text),
      value, result, start: m.index, end, correct,
    };
    const a = AFTER_RE.exec(text.slice(end, end + 40));
    if (a) {
      const aStart = end + (a[0].length - a[0].replace(/^[$€£]/, '').length);
      const numText = a[1];
      const toksA = tokenize(text, aStart, end + a[0].length);
      const pa = parseTokens(toksA);
      const v = pa && evaluate(pa);
      if (v) {
        eq.after = { start: aStart, end: end + a[0].length, text: text.slice(aStart, end + a[0].length), value: v, decimals: (numText.split('.')[1] ?? '').length, percent: a[2] === '%', grouped: numText.includes(',') };
      }
    }
    out.push(eq);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting corrected results

/** The exact value written in the style of `written` (same decimals when it was rounded, commas if it had them). */
export function formatLike(value: Rational, written: { decimals: number; grouped: boolean; percent: boolean; mixed?: MixedStyle; text?: string }): string {
  if (written.mixed && !written.percent) return formatMixed(value, written.mixed, /\d\s/.test(written.text ?? ''));
  let v = value;
  let suffix = '';
  if (written.percent) {
    v = { n: value.n * BigInt(100), d: value.d };
    suffix = '%';
    const g = gcdSimple(v.n, v.d);
    v = { n: v.n / g, d: v.d / g };
  }
  let s: string;
  if (written.decimals > 0 && !equalsDecimal(v, written.decimals)) s = decimalString(roundTo(v, written.decimals), written.decimals);
  else if (written.decimals > 0) s = decimalString(v, written.decimals);
  else if (isTerminating(v)) s = formatRational(v);
  else s = formatRational(roundTo(v, 2)).replace(/…$/, '');
  if (written.grouped) s = group(s);
  return s + suffix;
}

function equalsDecimal(v: Rational, k: number): boolean {
  return equals(roundTo(v, k), v);
}

function gcdSimple(a: bigint, b: bigint): bigint {
  if (a < BigInt(0)) a = -a;
  while (b !== BigInt(0)) [a, b] = [b, a % b];
  return a === BigInt(0) ? BigInt(1) : a;
}

function group(s: string): string {
  const [int, frac] = s.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const g = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${g}${frac !== undefined ? `.${frac}` : ''}`;
}

const SCALES = [1, 10, 100, 1000, 60].map((n) => BigInt(n));

/**
 * True when `written` is `exact` up to a unit change people make between the last step and the
 * answer (a factor of 10, 100, 1000: dollars and cents, fractions and percent, thousands; 60: hours
 * and minutes), rounded or truncated to the precision `written` has.
 */
export function acceptsUpToUnit(exact: Rational, written: Rational, decimals: number): boolean {
  if (acceptsResult(exact, written, decimals)) return true;
  for (const k of SCALES) {
    for (const scaled of [rat(exact.n * k, exact.d), rat(exact.n, exact.d * k)]) {
      if (equals(scaled, written)) return true;
      // rounding after a unit change only when the rounding error stays small ("33.333%" -> 33)
      if (Math.abs(toNumber(scaled)) >= 1 && acceptsResult(scaled, written, decimals)) return true;
    }
  }
  return false;
}

/** acceptsUpToUnit without rounding. */
export function sameUpToUnit(a: Rational, b: Rational): boolean {
  for (const k of SCALES) {
    if (equals(rat(a.n * k, a.d), b) || equals(a, rat(b.n * k, b.d))) return true;
  }
  return false;
}
