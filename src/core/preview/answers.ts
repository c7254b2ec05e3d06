/**
 * The model's answer against the dataset's, for the preview: a word diff, and the same final-answer and
 * exact-match verdicts as the batch evaluation (src/core/eval/answers), so one record and a whole file agree.
 */
import { compareAnswers, type AnswerComparison } from '../cot/finalAnswer';
import { exactMatchOf, finalAnswerOf } from '../eval/answers';
import { wordDiff, type DiffPart } from './wordDiff';

export interface AnswerCheck {
  diff?: DiffPart[];
  /** Present when the dataset's answer has a final answer ("#### 72", "The answer is …", \boxed{}, a bare short answer). */
  final?: { dataset: string; model?: string; comparison: AnswerComparison | 'missing' };
  exactMatch: boolean;
}

export function checkAnswer(expected: string | undefined, answer: string): AnswerCheck {
  if (expected === undefined) return { exactMatch: false };
  const out: AnswerCheck = { diff: wordDiff(expected, answer), exactMatch: exactMatchOf(expected, answer) === true };
  const want = finalAnswerOf(expected);
  if (want !== undefined) {
    const got = finalAnswerOf(answer);
    out.final = { dataset: want, model: got, comparison: got === undefined ? 'missing' : compareAnswers(got, want) };
  }
  return out;
}
