/** Comparing a model's answer with the dataset's: extracted final answers and exact match. */
import { compareAnswers, extractFinalAnswer } from '../cot/finalAnswer';

/** A bare answer: one line of at most this many words ("72", "Paris", "New York City"). */
const SHORT_ANSWER_WORDS = 6;

/**
 * The final answer of a text: a stated one ("#### 72", "The answer is B", \boxed{}), else the whole
 * text when it is a bare answer of a few words (a dataset whose answer field is just "72" or "Paris").
 */
export function finalAnswerOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const stated = extractFinalAnswer(text);
  if (stated) return stated.text;
  const t = text.trim().replace(/\.$/, '');
  return t && !t.includes('\n') && t.split(/\s+/).length <= SHORT_ANSWER_WORDS ? t : undefined;
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');

export function exactMatchOf(dataset: string | undefined, model: string | undefined): boolean | null {
  if (dataset === undefined || model === undefined) return null;
  return squash(dataset) === squash(model);
}

export function finalMatchOf(dataset: string | undefined, model: string | undefined, answered: boolean): boolean | null {
  if (dataset === undefined || !answered) return null;
  if (model === undefined) return false; // answered, but no final answer to be found
  return compareAnswers(dataset, model) === 'match';
}
