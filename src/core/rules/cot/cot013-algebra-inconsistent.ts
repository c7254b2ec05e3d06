import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, NO_FINDINGS } from '../../cot/analysis';
import { describeSlip } from '../../cot/algebra';

const j = JSON.stringify;

/** COT013: a linear equation in one unknown whose solution disagrees with the value the other equations settle on. */
export const algebraInconsistent: RecordRule = {
  id: 'COT013',
  name: 'algebra-inconsistent',
  description: 'An equation in one unknown gives a different value than the other equations of the reasoning ("4x + 12 = 64" next to "4x = 51", "x = 12.75").',
  tags: ['cot', 'arithmetic', 'algebra'],
  defaultSeverity: 'warning',
  scope: 'record',
  docs: {
    rationale:
      'Word problems are often solved with an unknown: "Let x be…", "4x + 12 = 63", "4x = 51", "x = 12.75". A slip in one of these equations is invisible to a check of plain arithmetic, ' +
      'yet it teaches the model a wrong manipulation. The rule reads every equation whose two sides are linear in the same single letter (implicit multiplication "4x" and "2(x + 3)" included), ' +
      'solves each one exactly and compares the solutions. When at least two equations agree on a value and more equations give it than any other value, the one equation that gives ' +
      'something else (or cannot hold for any value, "x + 5 = x + 6") is reported, with the value of both of its sides at the settled value. ' +
      'Equations with two unknowns, non-linear ones ("x * x"), values in different units ("3x = 1 hour", "3x = 60 minutes") and reasonings with several disagreeing equations stay silent. ' +
      'There is no quick fix: which number of the equation is wrong is for the author to decide.',
    bad: [
      j({ question: 'Tom bought 4 shirts and a $12 hat for $63. How much was one shirt?', rationale: 'Let x be the price of a shirt. 4x + 12 = 64. So 4x = 51 and x = 12.75.', answer: '12.75' }),
      j({ question: 'Ann has twice as many pens as Bo; together they have 30. How many has Bo?', rationale: 'Let b be the pens of Bo. b + 2b = 30, so 3b = 30 and b = 15.', answer: '15' }),
    ],
    good: [
      j({ question: 'Tom bought 4 shirts and a $12 hat for $63. How much was one shirt?', rationale: 'Let x be the price of a shirt. 4x + 12 = 63. So 4x = 51 and x = 12.75.', answer: '12.75' }),
      j({ question: 'Two numbers add up to 10 and differ by 2.', rationale: 'x + y = 10 and x - y = 2, so 2x = 12, x = 6 and y = 4.', answer: '6 and 4' }),
      j({ question: 'Solve for x.', rationale: 'x = 5.', answer: '5' }),
    ],
  },
  check(ctx) {
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      // only '=' inside calculator annotations or right before one: no side can be read (see algebra.ts)
      if (!r.quick.freeEquals) continue;
      for (const slip of r.algebra) {
        const pointer = r.field.pointer;
        (out ??= []).push({ ...ctx.locateInString(pointer, slip.equation.start, slip.equation.end), field: pointer, message: describeSlip(slip) });
      }
    }
    return out ?? NO_FINDINGS;
  },
};
