/**
 * One analysis per record, shared by every COT rule (kept in the record context's shared scratch space;
 * each part is computed on first use so a rule that needs only the final answer never tokenizes equations).
 */
import type { FindingDraft, Fix, RecordContext, Span, TextEdit } from '../types';
import { type AlgebraSlip, algebraSlips } from './algebra';
import { findClockEquations } from './clock';
import { type Equation, findAnnotations, findInlineEquations, mayHaveEquations } from './equations';
import { type CotFields, type ReasoningField, cotFields, readCotPointers } from './fields';
import { type AnswerConvention, type FinalAnswer, extractFinalAnswer } from './finalAnswer';
import { lineFacts } from './lines';
import { type QuickFacts, quickScan } from './quick';
import { type Step, splitSteps } from './steps';

/** How a record writes its final answer: the convention plus the exact text around the value. */
export interface ConventionUse {
  convention: AnswerConvention;
  /** Text from the marker to the value ("#### ", "The answer is: ", "$\\boxed{"). */
  prefix: string;
  /** Text after the value up to the end of the statement ("}", "</answer>", "."). */
  suffix: string;
  /** convention, prefix and suffix joined (a map key). */
  key: string;
}

/** The wording of the last record's final answer (see ReasoningAnalysis.conventionUse). */
let lastUse: ConventionUse | undefined;

export class ReasoningAnalysis {
  private _final: FinalAnswer | undefined | null = null;
  private _annotations: Equation[] | undefined;
  private _suspects: Equation[] | undefined;
  private _inline: Equation[] | undefined;
  private _steps: Step[] | undefined;
  private _equations: Equation[] | undefined;
  private _quick: QuickFacts | undefined;
  private _use: ConventionUse | undefined | null = null;
  private _algebra: AlgebraSlip[] | undefined;
  private _lines = -1;
  private _clock: Equation[] | undefined;
  constructor(readonly field: ReasoningField) {}

  /** How the final answer is written (convention and wording), shared by the file rules. */
  get conventionUse(): ConventionUse | undefined {
    if (this._use === null) {
      const f = this.final;
      if (!f) this._use = undefined;
      else {
        const text = this.field.text;
        // consecutive records almost always share the wording: reuse that object (no slices, no new
        // key string to hash in the file rules' tallies)
        const prev = lastUse;
        if (
          prev && prev.convention === f.convention && f.start - f.markerStart === prev.prefix.length && f.statementEnd - f.end === prev.suffix.length &&
          text.startsWith(prev.prefix, f.markerStart) && text.startsWith(prev.suffix, f.end)
        ) this._use = prev;
        else {
          const prefix = text.slice(f.markerStart, f.start);
          const suffix = text.slice(f.end, f.statementEnd);
          this._use = lastUse = { convention: f.convention, prefix, suffix, key: `${f.convention}\u0000${prefix}\u0000${suffix}` };
        }
      }
    }
    return this._use;
  }

  /** Cheap facts from one pass in doubles (the hot path; see quick.ts). */
  get quick(): QuickFacts {
    return (this._quick ??= quickScan(this.field.text));
  }

  /** LINE_LABEL and LINES_DISTINCT bits of the shared line pass (see lines.ts). */
  get lineFacts(): number {
    if (this._lines < 0) this._lines = lineFacts(this.field.text);
    return this._lines;
  }

  get text(): string {
    return this.field.text;
  }
  get final(): FinalAnswer | undefined {
    if (this._final === null) this._final = extractFinalAnswer(this.field.text);
    return this._final;
  }
  get annotations(): Equation[] {
    return (this._annotations ??= findAnnotations(this.field.text));
  }
  /**
   * The annotations COT004 and COT005 must judge exactly: those the quick scan did not settle. The
   * settled ones (plain whole numbers, right, repeated unchanged after ">>") are blanked in a copy of
   * the text of the same length, so the offsets stay those of the text and the exact analysis, the
   * costly part of a record with a slip, reads only the others.
   */
  get suspectAnnotations(): Equation[] {
    if (!this._suspects) {
      const settled = this.quick.settled;
      if (!settled || this._annotations) this._suspects = this.annotations;
      else {
        const text = this.field.text;
        let masked = '';
        let from = 0;
        for (const open of settled) {
          masked += `${text.slice(from, open)}  `;
          from = open + 2;
        }
        this._suspects = findAnnotations(masked + text.slice(from));
      }
    }
    return this._suspects;
  }
  get inline(): Equation[] {
    return (this._inline ??= mayHaveEquations(this.field.text) ? findInlineEquations(this.field.text) : []);
  }
  /** Annotations and inline equations in text order. */
  get equations(): Equation[] {
    if (!this._equations) {
      const a = this.annotations;
      const b = this.inline;
      this._equations = a.length && b.length ? [...a, ...b].sort((x, y) => x.start - y.start) : a.length ? a : b;
    }
    return this._equations;
  }
  /** Linear equations in one unknown that disagree with the value the others settle on. */
  get algebra(): AlgebraSlip[] {
    return (this._algebra ??= algebraSlips(this.field.text));
  }
  /** Clock-time and duration equations ("9:30 + 2:45 = 12:15", "from 8 AM to 11 AM is 3 hours"; see clock.ts). */
  get clock(): Equation[] {
    return (this._clock ??= findClockEquations(this.field.text, this.quick.freeEquals));
  }
  get steps(): Step[] {
    return (this._steps ??= splitSteps(this.field.text));
  }

  /**
   * Does this text reason toward an answer? A rationale, or a general response that ends with its final
   * answer ("… The final answer is 42."): at least two steps with numbers or computations. Any other
   * general response: at least two computations in different steps.
   */
  reasons(): boolean {
    const text = this.field.text;
    if (!/\d/.test(text)) return false;
    const eqs = this.equations;
    const steps = this.steps;
    const stepOf = (pos: number) => steps.findIndex((s) => s.start <= pos && pos < s.end);
    const eqSteps = new Set(eqs.map((e) => stepOf(e.start)));
    if (eqSteps.size >= 2) return true;
    // a general response that ends with its final-answer statement is judged like a rationale
    if (this.field.role !== 'rationale' && !this.endsWithFinal()) return false;
    return this.numberedSteps();
  }

  /** At least two steps hold a number (how a rationale is told from a remark). */
  numberedSteps(): boolean {
    let withNumbers = 0;
    for (const s of this.steps) if (/\d/.test(s.text) && ++withNumbers >= 2) return true;
    return false;
  }

  /** The text ends with its final-answer statement (closing markup and punctuation aside). */
  endsWithFinal(): boolean {
    const f = this.final;
    return f !== undefined && /^[\s$*_).\]}"'”]*$/.test(this.field.text.slice(f.statementEnd));
  }

  /** Index of the step containing `pos`, or -1. */
  stepIndexAt(pos: number): number {
    const steps = this.steps;
    for (let i = 0; i < steps.length; i++) if (steps[i].start <= pos && pos < Math.max(steps[i].end, steps[i].start + 1)) return i;
    return -1;
  }
}

export class RecordAnalysis {
  readonly reasonings: ReasoningAnalysis[];
  /**
   * key: the format and CoT pointers it was made for; text: the record text it was made from; cot: the
   * `cot` option object it was made for (undefined: none), the identity the quick test compares.
   */
  constructor(readonly fields: CotFields, readonly key: string, readonly text: string, readonly cot: unknown) {
    const list = fields.reasonings;
    this.reasonings = new Array<ReasoningAnalysis>(list.length);
    for (let i = 0; i < list.length; i++) this.reasonings[i] = new ReasoningAnalysis(list[i]);
  }
}

/** Where the record's analysis is kept in its context's shared scratch space. */
const ANALYSIS = Symbol('cot analysis');

/**
 * The record's CoT analysis, shared by every COT rule checking the record (kept in ctx.shared). It depends
 * on the format and the configured CoT pointers: a rule configured with other pointers gets its own.
 * Every COT rule asks for it on every record, so the usual case (the same `cot` option object, or none)
 * is settled by identity before any key is made.
 */
export function analyzeRecord(ctx: RecordContext): RecordAnalysis {
  const shared = ctx.shared;
  const kept = shared[ANALYSIS] as RecordAnalysis | undefined;
  const cot = ctx.options.cot;
  const text = ctx.record.text;
  // the scratch space is this context's: the format is the same, and the same option object the same pointers
  if (kept !== undefined && kept.cot === cot && kept.text === text) return kept;
  const pointers = cot === undefined ? undefined : readCotPointers(ctx.options);
  const key = pointers ? `${ctx.format?.id ?? ''}|${JSON.stringify(pointers)}` : ctx.format?.id ?? '';
  if (kept !== undefined && kept.key === key && kept.text === text) return kept;
  const value = new RecordAnalysis(cotFields(ctx), key, text, cot);
  shared[ANALYSIS] = value;
  return value;
}

/**
 * What a COT rule returns for a record without findings (almost every record): one shared, frozen
 * empty list instead of a new array per rule and record.
 */
export const NO_FINDINGS: FindingDraft[] = Object.freeze([]) as unknown as FindingDraft[];

/** The span of text[start, end) of the string at `pointer`, as finding coordinates. */
export function spanOf(ctx: RecordContext, pointer: string, start: number, end: number): Span {
  return ctx.locateInString(pointer, start, end);
}

/** A JSON string body for `text` (what to write inside the quotes). */
export function jsonBody(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** An edit replacing text[start, end) of the string at `pointer` with `text` (decoded form). */
export function replaceEdit(ctx: RecordContext, pointer: string, start: number, end: number, text: string): TextEdit {
  const s = ctx.locateInString(pointer, start, end);
  return { line: s.line, startColumn: s.startColumn, endLine: s.endLine, endColumn: s.endColumn, text: jsonBody(text) };
}

export function fix(title: string, edits: TextEdit[]): Fix {
  return { title, edits };
}
