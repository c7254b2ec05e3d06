import type { FileRule, FindingDraft, RecordEntry, Span, TextEdit } from '../../types';
import { type ReasoningAnalysis, analyzeRecord, jsonBody } from '../../cot/analysis';
import { CONVENTION_LABELS } from '../../cot/finalAnswer';
import { type ConventionUse, ConventionTally, EntryMemo, answerStatement, clearLastResult, conventionUse } from '../../cot/results';

const j = JSON.stringify;

interface Missing {
  pointer: string;
  /** Span of the last step, relative to the record's first line. */
  span: Span;
  /** Where to append (end of the string), relative likewise. */
  end: Span;
  text: string;
  /** The result the last step computes (the value of the answer line the fix appends). */
  value?: string;
  /** A general response (not a CoT field): reported only in files where final answers are the norm. */
  response: boolean;
}

function relative(s: Span, line: number): Span {
  return { line: s.line - line, startColumn: s.startColumn, endLine: s.endLine - line, endColumn: s.endColumn };
}

/** The last step has an '=' next to a number ("… = 121 people", "gives p = $1000", "20 = A"). */
function endsComputing(r: ReasoningAnalysis): boolean {
  const steps = r.steps;
  return steps.length > 0 && /\d\s*=|=\s*[$€£¥]?-?\d/.test(steps[steps.length - 1].text);
}

/**
 * COT001: a record that reasons (at least two steps with numbers or computations) but has no
 * recognizable final answer and no separate answer field. A file rule so the quick fix can append
 * the answer line in the file's prevailing convention.
 */
export const missingFinalAnswer: FileRule = {
  id: 'COT001',
  name: 'missing-final-answer',
  description: 'The reasoning never states a final answer ("#### 72", "The answer is 72", \\boxed{72}, …) and the record has no answer field.',
  tags: ['cot', 'final-answer'],
  defaultSeverity: 'warning',
  scope: 'file',
  docs: {
    rationale:
      'Evaluation harnesses and answer-extraction code look for an explicit final answer; a rationale that stops after its last step teaches the model to stop without one, ' +
      'and makes the record unusable for answer-based filtering. The rule applies to texts that reason (at least two steps with numbers or computations) ' +
      'when the record has no separate answer field; a general response (an alpaca output, an assistant turn) only in files where most records state a final answer or compute. The quick fix appends the last computed result in the wording most records of the file use (for example "#### 72").',
    bad: [j({ question: 'Natalia sold 48 clips in April and half as many in May. How many altogether?', answer: 'Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether.' })],
    good: [
      j({ question: 'Natalia sold 48 clips in April and half as many in May. How many altogether?', answer: 'Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether.\n#### 72' }),
      j({ question: 'How many clips altogether?', rationale: 'Natalia sold 48 / 2 = 24 clips in May. Natalia sold 48 + 24 = 72 clips altogether.', answer: '72' }),
    ],
  },
  create(env) {
    const tally = new ConventionTally();
    // What each record contributed, for remove(): its final-answer wording (such a record reasons), else
    // whether it reasons (true: computations but no final answer). One slot on the entry, so a streamed
    // file is not kept alive; only records missing an answer are held strongly, with what the finding needs.
    const contributed = new EntryMemo<ConventionUse | boolean>(env.streaming);
    const missing = new Map<RecordEntry, Missing[]>();
    /** Records with a reasoning text, and those that reason (a final answer, or computations). */
    let reasoningRecords = 0;
    let reasoners = 0;
    return {
      add(entry, ctx) {
        const a = analyzeRecord(ctx);
        if (!a.reasonings.length) return;
        let use: ConventionUse | undefined;
        let list: Missing[] | undefined;
        let reasons = false;
        for (const r of a.reasonings) {
          if (r.final) {
            use ??= conventionUse(r);
            reasons = true;
            continue;
          }
          if (a.fields.answer) continue;
          // a general response written like a rationale (two steps with numbers) that ends in a computation
          // the scan cannot read (algebra "S = 847 / 7 = 121", "23 meters – 13 meters = 10 meters"): a weaker
          // candidate, reported under the same file condition but not counted as a record that reasons
          const strong = r.reasons();
          if (!strong && !(r.field.role !== 'rationale' && r.numberedSteps() && endsComputing(r))) continue;
          if (strong) reasons = true;
          const steps = r.steps;
          const lastStep = steps[steps.length - 1];
          const len = r.text.length;
          const m: Missing = {
            pointer: r.field.pointer,
            span: relative(ctx.locateInString(r.field.pointer, lastStep ? lastStep.start : 0, lastStep ? lastStep.end : len), entry.line),
            end: relative(ctx.locateInString(r.field.pointer, len, len), entry.line),
            text: r.text,
            response: r.field.role !== 'rationale',
          };
          const last = clearLastResult(r, undefined);
          if (last && last.step === steps.length - 1) m.value = last.written.text.replace(/^-?[$€£¥]/, (x) => x.replace(/[$€£¥]/, ''));
          (list ??= []).push(m);
        }
        reasoningRecords++;
        if (reasons) reasoners++;
        contributed.set(entry, use ? tally.add(use) : reasons);
        if (list) missing.set(entry, list);
      },
      remove(entry) {
        const use = contributed.get(entry);
        if (use === undefined) return;
        reasoningRecords--;
        if (use !== false) reasoners--;
        if (typeof use === 'object') tally.remove(use);
        contributed.delete(entry);
        missing.delete(entry);
      },
      findings() {
        const out: FindingDraft[] = [];
        const prevailing = tally.prevailing(0.5, 3);
        const wording = prevailing && tally.wording(prevailing.convention);
        for (const [entry, list] of missing) {
          for (const m of list) {
            // a general response is reported where reasoning to an answer is what the file is about:
            // most records state a final answer, or most records compute
            if (m.response && !((wording && tally.total >= 0.5 * reasoningRecords) || reasoners >= 0.5 * reasoningRecords)) continue;
            const at = (s: Span) => ({ line: s.line + entry.line, startColumn: s.startColumn, endLine: s.endLine + entry.line, endColumn: s.endColumn });
            const d: FindingDraft = {
              ...at(m.span), field: m.pointer,
              message: wording
                ? tally.total >= 0.5 * reasoningRecords
                  ? `the reasoning has no final answer; most records of this file end with ${CONVENTION_LABELS[wording.convention]}`
                  : `the reasoning has no final answer; the records of this file that state one (${tally.total} of ${reasoningRecords}) use ${CONVENTION_LABELS[wording.convention]}`
                : 'the reasoning has no final answer (e.g. "#### 72", "The answer is 72", "\\boxed{72}") and the record has no answer field',
            };
            if (wording && m.value) {
              const insert = answerStatement(m.text, wording, m.value);
              const e = at(m.end);
              const edit: TextEdit = { line: e.line, startColumn: e.startColumn, endLine: e.endLine, endColumn: e.endColumn, text: jsonBody(insert) };
              d.fix = { title: `Append the final answer line "${insert.trim()}"`, edits: [edit] };
            }
            out.push(d);
          }
        }
        return out;
      },
    };
  },
};
