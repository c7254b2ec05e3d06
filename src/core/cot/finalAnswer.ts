/**
 * Final-answer extraction for every common convention, with exact offsets:
 *   "#### 72" (GSM8K), "The final answer is 72", "So the answer is 72", "The answer is: 72" (MetaMath),
 *   "Answer: 72", "\boxed{72}", "<answer>72</answer>", multiple-choice letters "(B)", yes/no.
 * The last final-answer statement in the text wins; a \boxed{} inside "The final answer is $\boxed{72}$"
 * gives the value, the phrase gives the convention.
 */
import { evaluateString } from './expr';
import { fourHashesAt, shortLastLineStart } from './lines';
import { parseNumberText } from './numbers';
import { type Rational, equals, mul, parseDecimal, R_HUNDRED } from './rational';

export type AnswerConvention = 'gsm8k' | 'final-answer-is' | 'answer-is' | 'answer-colon' | 'boxed' | 'answer-tag';

export const CONVENTION_LABELS: Record<AnswerConvention, string> = {
  gsm8k: '"#### N"',
  'final-answer-is': '"The final answer is N"',
  'answer-is': '"The answer is N"',
  'answer-colon': '"Answer: N"',
  boxed: '"\\boxed{N}"',
  'answer-tag': '"<answer>N</answer>"',
};

export type AnswerKind = 'number' | 'choice' | 'yesno' | 'text';

export interface FinalAnswer {
  /** The answer as written (markup such as $…$, **…**, \boxed{} and a final period removed). May be a getter, like `number`. */
  text: string;
  /** Offsets of `text` in the source string, [start, end). */
  start: number;
  end: number;
  convention: AnswerConvention;
  /** Where the final-answer statement starts ("####", "The answer", "\boxed", "<answer>"). */
  markerStart: number;
  /** Where the statement ends (end of the value, closing brace or tag, final period). */
  statementEnd: number;
  kind: AnswerKind;
  /** The exact value of a numeric answer. May be computed on first read (a getter): read it, do not rely on `{...answer}` copying it. */
  number?: Rational;
  /** The number as a double, when the fast path read it (cheap comparisons before exact ones). */
  numeric?: number;
  /** Multiple-choice letter, upper case. */
  choice?: string;
  yesno?: 'yes' | 'no';
}

interface Candidate {
  convention: AnswerConvention;
  markerStart: number;
  valueStart: number;
  valueEnd: number;
  statementEnd: number;
}

/** "#### 72", "#### $1,200", "#### -3", "#### (B)"; not a markdown heading ("#### Ingredients:"). */
const GSM8K_RE = /(?:^|\n)[ \t]*####[ \t]*([-+$€£.(\d][^\n]*|[A-E](?:[ \t]*$|[.)][^\n]*))/gm;
const FINAL_IS_RE = /\b(?:the\s+)?final\s+answer\s*(?:is|:|=|would\s+be|will\s+be)[ \t]*:?[ \t]*/gi;
const ANSWER_IS_RE = /\b(?:(?:so|thus|therefore|hence)[ \t,]+)?the\s+(?:correct\s+|right\s+|best\s+)?answer(?:\s+(?:is|would\s+be|will\s+be|must\s+be|=)[ \t]*:?|[ \t]*:)[ \t]*/gi;
const ANSWER_COLON_RE = /(?:^|\n)[ \t]*(?:#+[ \t]*|\*\*|__)?(?:final[ \t]+)?answer(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*/gi;
const BOXED_RE = /\\(?:boxed|fbox)\{/g;
const TAG_RE = /<answer>/gi;

/** Index of the brace closing the one opened right before `from`, or -1. */
function closeBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** End of the value that follows a phrase: end of line, or end of the sentence. */
function valueEnd(text: string, from: number): number {
  let end = text.indexOf('\n', from);
  if (end < 0) end = text.length;
  // a literal "\n" escape left in the text
  const lit = text.indexOf('\\n', from);
  if (lit >= 0 && lit < end && !/^\\n(?:eq|e\b|ewline|abla|ot|u\b|eg)/.test(text.slice(lit, lit + 8))) end = lit;
  let braces = 0;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '{') braces++;
    else if (c === '}') braces--;
    else if (braces <= 0 && (c === '.' || c === '!' || c === '?' || c === ';')) {
      const next = text[i + 1];
      const prev = text[i - 1];
      // a decimal point ("3.50") or an abbreviation is not a sentence end
      if (c === '.' && prev && /\d/.test(prev) && next && /\d/.test(next)) continue;
      if (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '"' || next === '\r' || i + 1 === end) return i;
    }
  }
  return end;
}

/** Only blanks, or a sentence end, between the previous sentence and `at`. */
function sentenceStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k < 0) return true;
  const c = text[k];
  return c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === '"' || (c === 'n' && text[k - 1] === '\\');
}

function collect(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (text.indexOf('####') >= 0) {
    GSM8K_RE.lastIndex = 0;
    for (let m = GSM8K_RE.exec(text); m; m = GSM8K_RE.exec(text)) {
      const markerStart = m.index + m[0].indexOf('#');
      const valueStart = m.index + m[0].length - m[1].length;
      out.push({ convention: 'gsm8k', markerStart, valueStart, valueEnd: valueStart + m[1].length, statementEnd: valueStart + m[1].length });
    }
  }
  const lower = text.indexOf('nswer') >= 0 || text.indexOf('NSWER') >= 0;
  if (lower) {
    for (const [re, convention] of [[FINAL_IS_RE, 'final-answer-is'], [ANSWER_IS_RE, 'answer-is'], [ANSWER_COLON_RE, 'answer-colon']] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const markerStart = m.index + (m[0].length - m[0].trimStart().length);
        const valueStart = m.index + m[0].length;
        // "The answer: (A)" only as a sentence of its own, not "to find the answer: add them"; a capital "The"
        // starts a sentence even without the full stop before it ("… = 8 kmph The answer: (D).", FLAN AQuA)
        if (convention === 'answer-is' && !/\b(?:is|be|=)\b/i.test(m[0]) && !/^(?:so|thus|therefore|hence)/i.test(m[0].trimStart()) && !sentenceStart(text, markerStart) && !text.startsWith('The', markerStart)) continue;
        const end = valueEnd(text, valueStart);
        if (end <= valueStart) continue;
        const stmtEnd = end < text.length && /[.!?;]/.test(text[end]) ? end + 1 : end;
        out.push({ convention, markerStart, valueStart, valueEnd: end, statementEnd: stmtEnd });
      }
    }
  }
  if (text.indexOf('\\boxed') >= 0 || text.indexOf('\\fbox') >= 0) {
    BOXED_RE.lastIndex = 0;
    for (let m = BOXED_RE.exec(text); m; m = BOXED_RE.exec(text)) {
      const open = m.index + m[0].length;
      const close = closeBrace(text, open);
      if (close < 0) continue;
      out.push({ convention: 'boxed', markerStart: m.index, valueStart: open, valueEnd: close, statementEnd: close + 1 });
    }
  }
  if (text.indexOf('<answer>') >= 0 || text.indexOf('<ANSWER>') >= 0) {
    TAG_RE.lastIndex = 0;
    for (let m = TAG_RE.exec(text); m; m = TAG_RE.exec(text)) {
      const open = m.index + m[0].length;
      const close = text.toLowerCase().indexOf('</answer>', open);
      if (close < 0) continue;
      out.push({ convention: 'answer-tag', markerStart: m.index, valueStart: open, valueEnd: close, statementEnd: close + 9 });
    }
  }
  return out;
}

/** Removes wrappers around a value, adjusting offsets: whitespace, **bold**, $math$, \( \), quotes, a final period. */
function unwrap(text: string, start: number, end: number): [number, number] {
  for (let guard = 0; guard < 8; guard++) {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    const s = text.slice(start, end);
    if (s.length >= 2 && /[.,;:!]$/.test(s)) {
      end--;
      continue;
    }
    if (s.startsWith('**') && s.endsWith('**') && s.length > 4) {
      start += 2;
      end -= 2;
      continue;
    }
    if (s.startsWith('**') !== s.endsWith('**')) {
      // an unpaired bold marker left over from "**Final Answer:** **42**"
      if (s.startsWith('**')) start += 2;
      else end -= 2;
      continue;
    }
    if (s.startsWith('$') && s.endsWith('$') && s.length > 2 && !/^\$\d[\d,.]*\$?$/.test(s.slice(0, -1))) {
      start += s.startsWith('$$') ? 2 : 1;
      end -= s.endsWith('$$') ? 2 : 1;
      continue;
    }
    if (s.startsWith('\\(') && s.endsWith('\\)')) {
      start += 2;
      end -= 2;
      continue;
    }
    if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === '“' && s.endsWith('”')) || (s[0] === "'" && s.endsWith("'")))) {
      start++;
      end--;
      continue;
    }
    const boxed = /^\\(?:boxed|fbox)\{/.exec(s);
    if (boxed && s.endsWith('}') && closeBrace(text, start + boxed[0].length) === end - 1) {
      start += boxed[0].length;
      end--;
      continue;
    }
    break;
  }
  return [start, end];
}

const CHOICE_RE = /^\(([A-Ea-e])\)(?:\s|$)|^([A-E])(?:[).:]?\s*$|[).:]\s+\S)/;

/** Classifies an answer text: number, multiple-choice letter, yes/no or free text. */
export function classifyAnswer(text: string): Pick<FinalAnswer, 'kind' | 'number' | 'choice' | 'yesno'> {
  const t = text.trim();
  const c = CHOICE_RE.exec(t);
  if (c) return { kind: 'choice', choice: (c[1] ?? c[2]).toUpperCase() };
  const yn = /^(yes|no)\b[.!]?$/i.exec(t) ?? /^(yes|no)\b/i.exec(t);
  if (yn && t.length <= 40) return { kind: 'yesno', yesno: yn[1].toLowerCase() as 'yes' | 'no' };
  const n = parseNumberText(t) ?? (/^[-\d\s.,+*/^(){}\\]*(?:\\d?frac[-\d\s.,+*/^(){}\\]*)?$/.test(t) && /\d/.test(t) ? evaluateString(t) : undefined);
  if (n) return { kind: 'number', number: n };
  return { kind: 'text' };
}

/**
 * Hot path for GSM8K: the text ends with a "#### N" line holding a plain number and uses no other
 * convention. Anything else goes through the general extraction.
 */
function gsm8kFast(text: string): FinalAnswer | undefined {
  const at = lastLineMarker(text);
  if (at < 0) return undefined;
  let vs = at + 4;
  while (text.charCodeAt(vs) === 32) vs++;
  let ve = text.length;
  while (ve > vs && (text.charCodeAt(ve - 1) === 32 || text.charCodeAt(ve - 1) === 13)) ve--;
  // the last line is the last statement: whatever conventions appear earlier, this one wins
  const numeric = plainNumber(text, vs, ve);
  if (numeric === undefined) return undefined;
  return new FastFinal(text, vs, ve, at, numeric);
}

/**
 * Where the text's last "####" is, when it starts the last line (text.lastIndexOf('####') at a line
 * start with no newline after it), else -1. String#lastIndexOf is a slow general search: a GSM8K last
 * line is short, so it is found by walking back from the end (up to 64 characters, else the search).
 */
function lastLineMarker(text: string): number {
  const at = shortLastLineStart(text);
  if (at < 0) {
    // a last line of 64 characters or more: the general search, skipped at once without any '#'
    if (text.indexOf('#') < 0) return -1;
    const last = text.lastIndexOf('####');
    return last < 0 || (last > 0 && text.charCodeAt(last - 1) !== 10) || text.indexOf('\n', last) >= 0 ? -1 : last;
  }
  // the last line starts with "####", and no later "####" starts on it
  if (!fourHashesAt(text, at)) return -1;
  for (let i = at + 1; i + 4 <= text.length; i++) if (fourHashesAt(text, i)) return -1;
  return at;
}

/** A plain number in text[from, to) ("72", "-3.5", "$1,200"), read as a double; undefined otherwise. */
function plainNumber(text: string, from: number, to: number): number | undefined {
  let i = from;
  let neg = false;
  if (text.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  if (text.charCodeAt(i) === 36) i++;
  let v = 0;
  let digits = 0;
  let scale = 0;
  let point = false;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
      if (point) scale++;
    } else if (c === 44 && !point && digits > 0) continue;
    else if (c === 46 && !point && i + 1 < to) point = true;
    else return undefined;
  }
  if (!digits) return undefined;
  const r = scale ? v / 10 ** scale : v;
  return neg ? -r : r;
}

/**
 * The GSM8K fast path's answer: its text (a slice) and exact value are made only when a rule needs
 * more than the offsets and the double.
 */
class FastFinal implements FinalAnswer {
  readonly convention = 'gsm8k' as const;
  readonly kind = 'number' as const;
  private exact: Rational | undefined;
  private written: string | undefined;
  readonly statementEnd: number;
  constructor(private readonly source: string, readonly start: number, readonly end: number, readonly markerStart: number, readonly numeric: number) {
    this.statementEnd = end;
  }
  get text(): string {
    return (this.written ??= this.source.slice(this.start, this.end));
  }
  get number(): Rational {
    return (this.exact ??= parseDecimal(this.text.replace('$', ''))!);
  }
}

/** The text's final answer (the last final-answer statement), or undefined. */
export function extractFinalAnswer(text: string): FinalAnswer | undefined {
  const fast = gsm8kFast(text);
  if (fast) return fast;
  const cands = collect(text);
  if (!cands.length) return undefined;
  // a candidate nested in another one's value gives its value to the outer one
  let best: Candidate | undefined;
  for (const c of cands) {
    const outer = cands.find((o) => o !== c && ((o.valueStart <= c.markerStart && c.statementEnd <= o.valueEnd + 1) || (o.markerStart < c.markerStart && c.markerStart < o.valueStart)));
    if (outer) continue;
    if (!best || c.markerStart > best.markerStart) best = c;
  }
  if (!best) return undefined;
  let vs = best.valueStart;
  let ve = best.valueEnd;
  const inner = cands.filter((c) => c !== best && best!.valueStart <= c.markerStart && c.statementEnd <= best!.valueEnd + 1);
  if (inner.length) {
    const last = inner.reduce((a, b) => (b.markerStart > a.markerStart ? b : a));
    vs = last.valueStart;
    ve = last.valueEnd;
  }
  [vs, ve] = unwrap(text, vs, ve);
  if (ve <= vs) return undefined;
  const value = text.slice(vs, ve);
  return {
    text: value, start: vs, end: ve, convention: best.convention, markerStart: best.markerStart,
    statementEnd: Math.max(best.statementEnd, ve), ...classifyAnswer(value),
  };
}

export type AnswerComparison = 'match' | 'mismatch' | 'incomparable';

function normText(s: string): string {
  return s.toLowerCase().replace(/[“”"'`*_.,;:!?()[\]{}]/g, ' ').replace(/\b(?:the|a|an)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

function asAnswer(a: string | Pick<FinalAnswer, 'text' | 'kind' | 'number' | 'choice' | 'yesno'>): Pick<FinalAnswer, 'text' | 'kind' | 'number' | 'choice' | 'yesno'> {
  return typeof a === 'string' ? { text: a, ...classifyAnswer(a) } : a;
}

function numbersEqual(a: Rational, at: string, b: Rational, bt: string): boolean {
  if (equals(a, b)) return true;
  // "50%" against "50": a percent sign used as a unit
  const ap = /%|percent/.test(at);
  const bp = /%|percent/.test(bt);
  if (ap !== bp) return equals(ap ? mul(a, R_HUNDRED) : a, bp ? mul(b, R_HUNDRED) : b);
  return false;
}

/**
 * Compares two answers: numbers by value ("$1,200.00" = "1200" = "1,200"), multiple-choice by letter
 * ("(B)" = "B" = "B) 992"; a letter's text against a number), yes/no, free text case- and
 * punctuation-insensitively. 'incomparable' when the kinds do not meet (a number against a word).
 */
export function compareAnswers(a: string | FinalAnswer, b: string | FinalAnswer): AnswerComparison {
  const x = asAnswer(a);
  const y = asAnswer(b);
  if (x.kind === 'number' && y.kind === 'number') return numbersEqual(x.number!, x.text, y.number!, y.text) ? 'match' : 'mismatch';
  if (x.kind === 'choice' && y.kind === 'choice') return x.choice === y.choice ? 'match' : 'mismatch';
  if (x.kind === 'yesno' && y.kind === 'yesno') return x.yesno === y.yesno ? 'match' : 'mismatch';
  if ((x.kind === 'choice') !== (y.kind === 'choice')) {
    // "(B) 992" against "992"
    const ch = x.kind === 'choice' ? x : y;
    const other = x.kind === 'choice' ? y : x;
    const rest = ch.text.replace(/^\(?[A-Ea-e][).:]?\s*/, '');
    if (!rest) return 'incomparable';
    return compareAnswers(rest, other.text) === 'match' ? 'match' : 'incomparable';
  }
  if (x.kind === 'text' && y.kind === 'text') {
    const nx = normText(x.text);
    const ny = normText(y.text);
    if (!nx || !ny) return 'incomparable';
    return nx === ny ? 'match' : 'mismatch';
  }
  if (x.kind === 'yesno' || y.kind === 'yesno') {
    const other = x.kind === 'yesno' ? y : x;
    return other.kind === 'text' && /^(?:true|false)$/i.test(other.text.trim())
      ? ((x.kind === 'yesno' ? x.yesno : y.yesno) === 'yes') === /^true$/i.test(other.text.trim()) ? 'match' : 'mismatch'
      : 'incomparable';
  }
  return 'incomparable';
}

/** True when two answers agree (see compareAnswers); incomparable answers do not match. */
export function answersMatch(a: string | FinalAnswer, b: string | FinalAnswer): boolean {
  return compareAnswers(a, b) === 'match';
}
