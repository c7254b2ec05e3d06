import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, NO_FINDINGS } from '../../cot/analysis';

const j = JSON.stringify;

/** Words (of letters) in a string. */
function wordCount(s: string): number {
  return (s.match(/[A-Za-z]{2,}/g) ?? []).length;
}

/** COT011: substantial reasoning after the final answer statement. */
export const reasoningAfterAnswer: RecordRule = {
  id: 'COT011',
  name: 'reasoning-after-answer',
  description: 'The text keeps reasoning after its final answer statement.',
  tags: ['cot', 'final-answer', 'structure'],
  defaultSeverity: 'warning',
  scope: 'record',
  defaultOptions: { minWords: 12 },
  optionsSchema: {
    type: 'object',
    properties: { minWords: { type: 'integer', minimum: 1, description: 'Words after the final answer that count as reasoning (a computation always does).' } },
    additionalProperties: false,
  },
  docs: {
    rationale:
      'Answer extraction takes the last final-answer statement; reasoning after it is either a second attempt (which one is the answer?) or text appended by mistake, ' +
      'and a model trained on it learns to keep talking after answering. A short closing remark is fine; a computation or at least `minWords` words after the answer are reported.',
    bad: [j({ question: 'How many?', answer: 'She has 3 + 4 = <<3+4=7>>7 apples.\n#### 7\nWait, she also gets 2 more apples from her friend, so she has 7 + 2 = 9 apples in total.' })],
    good: [j({ question: 'How many?', answer: 'She has 3 + 4 = <<3+4=7>>7 apples.\n#### 7' }), j({ instruction: 'What is 3 + 4?', output: '3 + 4 = 7. The answer is 7. I hope this helps!' })],
  },
  check(ctx) {
    const minWords = typeof ctx.options.minWords === 'number' ? ctx.options.minWords : 12;
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      const final = r.final;
      if (!final) continue;
      const text = r.text;
      if (final.statementEnd >= text.length) continue;
      let start = final.statementEnd;
      // closing markup that belongs to the statement ("$", "**", "</think>", ")")
      const rest = text.slice(start);
      const lead = /^[\s$*_).\]}"'”]*/.exec(rest)![0].length;
      start += lead;
      if (start >= text.length) continue;
      const after = text.slice(start);
      const computes = r.equations.some((e) => e.start >= start);
      if (!computes && wordCount(after) < minWords) continue;
      const end = text.length - (after.length - after.trimEnd().length);
      (out ??= []).push({
        ...ctx.locateInString(r.field.pointer, start, end), field: r.field.pointer,
        message: computes ? 'the text computes more after its final answer' : `${wordCount(after)} more words follow the final answer`,
      });
    }
    return out ?? NO_FINDINGS;
  },
};
