/**
 * Helpers the COT rules share: the last computed result of a reasoning, numbers of a step, answer
 * conventions of records.
 */
import type { RecordEntry } from '../types';
import type { ConventionUse, ReasoningAnalysis } from './analysis';
import type { Equation, WrittenNumber } from './equations';
import type { AnswerConvention, FinalAnswer } from './finalAnswer';
import { extractNumbers } from './numbers';
import { type Rational, equals, parseDecimal } from './rational';

export interface ComputedResult {
  equation: Equation;
  /** The result as the text states it (for an annotation: the number after it, else its result). */
  written: WrittenNumber;
  /** Index of the step holding the computation. */
  step: number;
}

/** The last computation that ends at or before `pos`. */
export function lastComputation(r: ReasoningAnalysis, pos = r.text.length): ComputedResult | undefined {
  const eqs = r.equations;
  for (let i = eqs.length - 1; i >= 0; i--) {
    const e = eqs[i];
    if (e.end > pos || e.rhsExpression) continue;
    const written = e.kind === 'annotation' && e.after ? e.after : e.result;
    return { equation: e, written, step: r.stepIndexAt(e.start) };
  }
  return undefined;
}

/** Numbers written in step `i` (by value). */
export function stepNumbers(r: ReasoningAnalysis, i: number, exclude?: { start: number; end: number }): Rational[] {
  const s = r.steps[i];
  if (!s) return [];
  return extractNumbers(s.text)
    .filter((n) => !exclude || n.end + s.start <= exclude.start || n.start + s.start >= exclude.end)
    .map((n) => n.value);
}

/** Numbers written after `pos` up to the end of step `i` (outside `exclude`): "= 6 pages per hour, which is 7 …". */
export function numbersAfter(r: ReasoningAnalysis, pos: number, i: number, exclude?: { start: number; end: number }): Rational[] {
  const s = r.steps[i];
  if (!s || pos >= s.end) return [];
  const tail = r.text.slice(pos, s.end);
  return extractNumbers(tail)
    .filter((n) => !exclude || n.end + pos <= exclude.start || n.start + pos >= exclude.end)
    .map((n) => n.value);
}

export function includesValue(values: Rational[], v: Rational): boolean {
  return values.some((x) => equals(x, v));
}

/** The index of the last non-empty step that starts before `pos`. */
export function stepBefore(r: ReasoningAnalysis, pos: number): number {
  const steps = r.steps;
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i].start < pos && /\w/.test(steps[i].text)) return i;
  return -1;
}

/**
 * The computation that produces the final answer, when the text clearly has one: the last
 * computation before the final answer, in the step right before it (or the same step), or followed
 * only by steps that restate its result ("Lee earned $558 mowing lawns."). An algebra step ending
 * in "x = 26" or "26 = x" counts as a computation. `undefined` when this is not clear.
 */
export function clearLastResult(r: ReasoningAnalysis, final: (Pick<FinalAnswer, 'markerStart'> & Partial<Pick<FinalAnswer, 'statementEnd'>>) | undefined): ComputedResult | undefined {
  const end = reasoningEnd(r, final);
  let last = lastComputation(r, end);
  const before = stepBefore(r, end);
  if (before < 0) return undefined;
  const assigned = assignment(r, before, end);
  if (assigned && (!last || last.step < before)) last = assigned;
  if (!last) return undefined;
  const finalStep = final ? r.stepIndexAt(final.markerStart) : -1;
  if (last.step === before || (finalStep >= 0 && last.step === finalStep)) return last;
  if (last.step > before) return undefined;
  // the steps in between may only restate the result, with quantities of the question around it
  // ("The 3 people lost a total of 89 pounds.")
  // ("Lee earned $558 mowing lawns. The final answer is 565.": the final-answer statement itself is no restatement)
  const statement = final?.statementEnd !== undefined ? { start: final.markerStart, end: final.statementEnd } : undefined;
  let given: Rational[] | undefined;
  for (let i = last.step + 1; i <= before; i++) {
    const nums = stepNumbers(r, i, statement);
    const isResult = (v: Rational) => equals(v, last!.written.value) || equals(v, last!.equation.value);
    if (!nums.some(isResult)) return undefined;
    for (const v of nums) {
      if (isResult(v)) continue;
      // only a plain statement: no computation or comparison in words or signs ("because 750 minus 700 equals 50", "5 < 6.25")
      if (COMPUTES_RE.test(textOutside(r, i, statement))) return undefined;
      given ??= r.field.question ? extractNumbers(r.field.question.text).map((n) => n.value) : [];
      if (!includesValue(given, v)) return undefined;
    }
  }
  return last;
}

/**
 * Where the reasoning before the final answer ends: at the final-answer statement, or where its step starts
 * when that step is only a lead-in without numbers ("So the final answer is 70.", "Therefore, \boxed{70}.").
 */
function reasoningEnd(r: ReasoningAnalysis, final: Pick<FinalAnswer, 'markerStart'> | undefined): number {
  if (!final) return r.text.length;
  const own = r.stepIndexAt(final.markerStart);
  return own > 0 && !/\d/.test(r.text.slice(r.steps[own].start, final.markerStart)) ? r.steps[own].start : final.markerStart;
}

/** "= 56 nights" ending a step: the number right after its last '=', then only words. */
const WRITTEN_RESULT_RE = /=\s*([$€£¥]?-?\d[\d,]*(?:\.\d+)?)(?![\d.,]*\d)[^\d=]{0,40}$/;

/**
 * The result the step right before the final answer writes last, when the step ends in "= N" and a few words
 * ("… will last him 560//10 = 56 nights", "2x=20 games."): for computations the parser cannot read (floor
 * division, algebra, quantities in words), what the reasoning itself last states as a result.
 */
export function writtenLastResult(r: ReasoningAnalysis, final: Pick<FinalAnswer, 'markerStart'>): { text: string; value: Rational } | undefined {
  const end = reasoningEnd(r, final);
  const i = stepBefore(r, end);
  if (i < 0) return undefined;
  const s = r.steps[i];
  const m = WRITTEN_RESULT_RE.exec(r.text.slice(s.start, Math.min(s.end, end)).trimEnd());
  const value = m ? parseDecimal(m[1].replace(/[$€£¥,]/g, '')) : undefined;
  return m && value ? { text: m[1], value } : undefined;
}

/** The text of step `i` without the part inside `span` (absolute offsets). */
function textOutside(r: ReasoningAnalysis, i: number, span: { start: number; end: number } | undefined): string {
  const s = r.steps[i];
  if (!span || span.end <= s.start || span.start >= s.end) return s.text;
  return r.text.slice(s.start, Math.max(s.start, span.start)) + r.text.slice(Math.min(s.end, span.end), s.end);
}

const COMPUTES_RE = /\b(?:plus|minus|times|divided|multiplied|equals?|is|are|was|were|because|than|more|less|left|remain\w*|per|each|every|average\w*|half|twice|double|triple)\b|[<>=÷×*/+%]|\d\s*[-:x]\s*\d/i;

const ASSIGN_RE = /(?:^|[\s(,:;])(?:([A-Za-z])\s*=\s*\$?(-?\d[\d,]*(?:\.\d+)?)|(-?\d[\d,]*(?:\.\d+)?)\s*=\s*([A-Za-z]))(?![\w.]\w)/g;

/** "x = 26" / "160 = Y" at the end of step `i` (before `end`), as a computed result. */
function assignment(r: ReasoningAnalysis, i: number, end: number): ComputedResult | undefined {
  const step = r.steps[i];
  if (!step || step.text.indexOf('=') < 0) return undefined;
  const stop = Math.min(step.end, end);
  let found: RegExpExecArray | undefined;
  ASSIGN_RE.lastIndex = 0;
  const text = r.text.slice(step.start, stop);
  for (let m = ASSIGN_RE.exec(text); m; m = ASSIGN_RE.exec(text)) found = m;
  if (!found) return undefined;
  const numText = found[2] ?? found[3];
  const value = parseDecimal(numText);
  if (!value) return undefined;
  const at = step.start + found.index + found[0].indexOf(numText, found[2] ? found[0].indexOf('=') : 0);
  const written: WrittenNumber = { start: at, end: at + numText.length, text: numText, value, decimals: (numText.split('.')[1] ?? '').length, percent: false, grouped: numText.includes(',') };
  const letter = found[1] ?? found[4];
  const equation: Equation = {
    kind: 'inline', lhs: { start: at, end: at + numText.length, text: numText }, expression: letter, value, result: written,
    start: step.start + found.index, end: at + numText.length, correct: true,
  };
  return { equation, written, step: i };
}

export type { ConventionUse };

export function conventionUse(r: ReasoningAnalysis): ConventionUse | undefined {
  return r.conventionUse;
}

interface WordingCount {
  /** The first object added for this wording (the one every record of that wording gets back). */
  use: ConventionUse;
  count: number;
}

interface ConventionCount {
  convention: AnswerConvention;
  count: number;
}

/**
 * Tally of conventions over a file, with the most common exact wording of each. Counts live in small
 * holder objects (a record adds one to them, no map writes), and the wording of the previous record
 * is remembered: consecutive records share one ConventionUse object (see ReasoningAnalysis.conventionUse).
 */
export class ConventionTally {
  /** In order of first use (ties go to the convention seen first). */
  private conventions: ConventionCount[] = [];
  private byConvention = new Map<AnswerConvention, ConventionCount>();
  private wordings = new Map<string, WordingCount>();
  private lastUse: ConventionUse | undefined;
  private lastWording: WordingCount | undefined;
  private lastConvention: ConventionCount | undefined;
  total = 0;

  private conventionCount(c: AnswerConvention): ConventionCount {
    let h = this.byConvention.get(c);
    if (!h) {
      h = { convention: c, count: 0 };
      this.byConvention.set(c, h);
      this.conventions.push(h);
    }
    return h;
  }

  /** Counts a record's wording; returns the shared object for that wording (keep it, not `u`). */
  add(u: ConventionUse): ConventionUse {
    this.total++;
    if (u === this.lastUse) {
      this.lastConvention!.count++;
      this.lastWording!.count++;
      return this.lastWording!.use;
    }
    const c = this.conventionCount(u.convention);
    c.count++;
    let w = this.wordings.get(u.key);
    if (!w) this.wordings.set(u.key, (w = { use: u, count: 0 }));
    w.count++;
    this.lastUse = u;
    this.lastWording = w;
    this.lastConvention = c;
    return w.use;
  }

  remove(u: ConventionUse): void {
    this.total--;
    this.lastUse = undefined;
    const c = this.byConvention.get(u.convention);
    if (c) c.count--;
    else this.conventionCount(u.convention);
    const w = this.wordings.get(u.key);
    if (w && w.count > 1) w.count--;
    else this.wordings.delete(u.key);
  }

  /** The convention most records use so far (the first seen among equals), or undefined. */
  leader(): AnswerConvention | undefined {
    let best: ConventionCount | undefined;
    for (const c of this.conventions) if (c.count > (best ? best.count : 0)) best = c;
    return best && this.total !== 0 ? best.convention : undefined;
  }

  /** The prevailing convention: used by at least `minShare` of the records that have one, and by at least `minRecords`. */
  prevailing(minShare: number, minRecords: number): { convention: AnswerConvention; share: number; count: number } | undefined {
    let best: AnswerConvention | undefined;
    let n = 0;
    for (const c of this.conventions) {
      if (c.count > n) {
        best = c.convention;
        n = c.count;
      }
    }
    if (!best || n < minRecords || this.total === 0 || n / this.total < minShare) return undefined;
    return { convention: best, share: n / this.total, count: n };
  }

  /** The most common wording of a convention. */
  wording(convention: AnswerConvention): ConventionUse | undefined {
    let best: ConventionUse | undefined;
    let n = 0;
    for (const w of this.wordings.values()) {
      if (w.use.convention === convention && w.count > n) {
        best = w.use;
        n = w.count;
      }
    }
    if (!best) return undefined;
    return { convention, prefix: best.prefix, suffix: best.suffix, key: best.key };
  }
}

/** The final-answer statement for `value` in the given wording, ready to append after `text`. */
export function answerStatement(text: string, wording: ConventionUse, value: string): string {
  const sep = wording.convention === 'gsm8k' || /\n/.test(text) ? '\n' : text.endsWith(' ') || text === '' ? '' : ' ';
  const prefix = wording.convention === 'gsm8k' ? wording.prefix.replace(/^\s+/, '') : wording.prefix;
  return `${sep}${prefix}${value}${wording.suffix}`;
}

/**
 * What a file rule remembers about one record until `remove(entry)`: a symbol-keyed slot on the entry
 * itself. Unlike a WeakMap it costs the garbage collector nothing, and unlike a Map it keeps nothing
 * alive. In the CLI's streaming pass (`streaming`: records are never removed) it remembers nothing: a new
 * property on every record's entry costs a property store that grows the object.
 */
export class EntryMemo<T> {
  private readonly key = Symbol('cot-entry-memo');
  constructor(private readonly streaming = false) {}
  get(e: RecordEntry): T | undefined {
    return (e as unknown as Record<symbol, T | undefined>)[this.key];
  }
  set(e: RecordEntry, v: T): void {
    if (!this.streaming) (e as unknown as Record<symbol, T | undefined>)[this.key] = v;
  }
  delete(e: RecordEntry): void {
    (e as unknown as Record<symbol, T | undefined>)[this.key] = undefined;
  }
}
