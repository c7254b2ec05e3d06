/** The model's answer against the dataset's: word diff, and for reasoning records both final answers and whether they match. */
import { extractFinalAnswer, compareAnswers, type AnswerComparison } from '../cot/finalAnswer';
import { wordDiff, type DiffPart } from './wordDiff';

export interface AnswerCheck {
  diff?: DiffPart[];
  /** Present when the dataset's answer states a final answer (GSM8K "#### 72", "The answer is …", \boxed{}, …). */
  final?: { dataset: string; model?: string; comparison: AnswerComparison | 'missing' };
  exactMatch: boolean;
}

export function checkAnswer(expected: string | undefined, answer: string): AnswerCheck {
  if (expected === undefined) return { exactMatch: false };
  const out: AnswerCheck = { diff: wordDiff(expected, answer), exactMatch: expected.trim() === answer.trim() };
  const want = extractFinalAnswer(expected);
  if (want) {
    const got = extractFinalAnswer(answer);
    out.final = { dataset: want.text, model: got?.text, comparison: got ? compareAnswers(got, want) : 'missing' };
  }
  return out;
}
