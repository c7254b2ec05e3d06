import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, NO_FINDINGS } from '../../cot/analysis';
import { acceptsResult, acceptsUpToUnit } from '../../cot/equations';
import { classifyAnswer, compareAnswers } from '../../cot/finalAnswer';
import { extractNumbers } from '../../cot/numbers';
import { type Rational, add, div, mul, neg, sub } from '../../cot/rational';
import { clearLastResult, includesValue, numbersAfter, stepBefore } from '../../cot/results';
import type { ReasoningAnalysis } from '../../cot/analysis';

/**
 * Does the reasoning mention `value` anywhere (any number equal to it up to rounding to `decimals`,
 * a unit change or a sign written apart: "- 47"; thousands grouped with spaces: "100 000")?
 */
function mentions(r: ReasoningAnalysis, value: Rational, decimals: number): boolean {
  const text = r.text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1');
  for (const n of [...extractNumbers(text, { words: true }), ...(text === r.text ? [] : extractNumbers(r.text))]) {
    if (acceptsUpToUnit(n.value, value, decimals) || acceptsUpToUnit(neg(n.value), value, decimals)) return true;
  }
  return false;
}

/** Can `value` be one operation on two numbers of the last step ("89 divided by 3 pounds" -> 29.67)? */
function oneStepAway(r: ReasoningAnalysis, value: Rational, decimals: number): boolean {
  const i = stepBefore(r, r.text.length);
  const nums = i < 0 ? [] : extractNumbers(r.steps[i].text, { words: true }).map((n) => n.value);
  for (const x of nums) {
    for (const y of nums) {
      for (const v of [add(x, y), sub(x, y), mul(x, y), div(x, y)]) if (v && acceptsResult(v, value, decimals)) return true;
    }
  }
  return false;
}

const j = JSON.stringify;

function short(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** COT002: the final answer in the reasoning disagrees with the record's separate answer field. */
export const answerFieldMismatch: RecordRule = {
  id: 'COT002',
  name: 'answer-field-mismatch',
  description: 'The reasoning\'s final answer disagrees with the record\'s answer field.',
  tags: ['cot', 'final-answer'],
  defaultSeverity: 'error',
  scope: 'record',
  docs: {
    rationale:
      'Records with a rationale and a separate answer (FLAN CoT, question/rationale/answer files) are often assembled from different sources; when the two disagree, ' +
      'the model is trained to reason to one answer and state another. Answers are compared by meaning: numbers by value ("$1,200.00" equals "1200"), ' +
      'multiple-choice letters ("(B)" equals "B"), yes/no, and text without case or punctuation. When the rationale has no final-answer statement, ' +
      'a numeric answer is compared with the result its last step clearly computes, and when no step clearly computes it, the answer must at least be a number the reasoning mentions ' +
      '(up to rounding and a unit change such as cents and dollars) or one operation away from two numbers of the last step ("89 divided by 3"). ' +
      'A mixed number is one number there: "7 3/4 miles" mentions 7.75 (and, rounded down, 7), not 3/4.',
    bad: [
      j({ question: 'Weng earns $12 an hour. How much for 50 minutes?', rationale: 'Weng earns 12 / 60 = $0.2 per minute. Working 50 minutes, she earned 0.2 x 50 = $10.', answer: '12' }),
      j({ question: 'Is the claim true?', rationale: 'The claim contradicts the record. So the answer is no.', answer: 'yes' }),
    ],
    good: [
      j({ question: 'Weng earns $12 an hour. How much for 50 minutes?', rationale: 'Weng earns 12 / 60 = $0.2 per minute. Working 50 minutes, she earned 0.2 x 50 = $10.', answer: '10' }),
      j({ question: 'Which option?', rationale: '1/5 * 5600 = 1120. The answer is (C).', answer: 'C' }),
    ],
  },
  check(ctx) {
    const a = analyzeRecord(ctx);
    const answer = a.fields.answer;
    if (!answer || !answer.text.trim()) return NO_FINDINGS;
    let out: FindingDraft[] | undefined;
    for (const r of a.reasonings) {
      if (r.field.pointer === answer.pointer) continue;
      const final = r.final;
      if (final) {
        if (compareAnswers(final, answer.text) !== 'mismatch') continue;
        (out ??= []).push({
          ...ctx.locate(answer.pointer, 'value'), field: answer.pointer,
          message: `the answer field says "${short(answer.text)}" but the reasoning concludes "${short(final.text)}"`,
          related: [{ message: 'final answer in the reasoning', line: ctx.locateInString(r.field.pointer, final.start, final.end).line }],
        });
        continue;
      }
      const cls = classifyAnswer(answer.text);
      if (cls.kind !== 'number' || !cls.number) continue;
      const last = clearLastResult(r, undefined);
      const decimals = (answer.text.split('.')[1] ?? '').replace(/\D.*$/, '').length;
      if (!last) {
        // no final-answer statement and no clear last computation: the answer must at least be a number the reasoning reaches
        if (r.field.role !== 'rationale' || !r.reasons() || mentions(r, cls.number, decimals) || oneStepAway(r, cls.number, decimals)) continue;
        (out ??= []).push({ ...ctx.locate(answer.pointer, 'value'), field: answer.pointer, message: `the answer field says "${short(answer.text)}", a number the reasoning never arrives at` });
        continue;
      }
      if (acceptsResult(last.written.value, cls.number, decimals) || acceptsResult(last.equation.value, cls.number, decimals)) continue;
      if (acceptsUpToUnit(last.written.value, cls.number, decimals) || acceptsUpToUnit(last.equation.value, cls.number, decimals)) continue;
      if (includesValue(numbersAfter(r, last.written.end, last.step), cls.number)) continue;
      (out ??= []).push({
        ...ctx.locate(answer.pointer, 'value'), field: answer.pointer,
        message: `the answer field says "${short(answer.text)}" but the reasoning ends with ${last.equation.expression} = ${last.written.text}`,
        related: [{ message: 'last computation in the reasoning', line: ctx.locateInString(r.field.pointer, last.equation.start, last.equation.end).line }],
      });
    }
    return out ?? NO_FINDINGS;
  },
};
