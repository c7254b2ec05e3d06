import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, fix, NO_FINDINGS, replaceEdit } from '../../cot/analysis';
import { acceptsResult, acceptsUpToUnit } from '../../cot/equations';
import { toNumber } from '../../cot/rational';
import { clearLastResult, includesValue, numbersAfter, writtenLastResult } from '../../cot/results';

const j = JSON.stringify;

/** COT006: the numeric final answer differs from the result the last step clearly computes. */
export const finalAnswerNotLastResult: RecordRule = {
  id: 'COT006',
  name: 'final-answer-not-last-result',
  description: 'The final answer differs from the result the last reasoning step computes.',
  tags: ['cot', 'final-answer'],
  defaultSeverity: 'error',
  scope: 'record',
  docs: {
    rationale:
      'When the last step computes 42 and the final answer line says 43, one of them is wrong, and a model trained on it learns that the answer need not follow from the reasoning. ' +
      'To stay quiet on correct data the rule only speaks when the final answer is a number, the step right before it (or the same step) ends with a computation, ' +
      'and the final answer is none of the numbers that step mentions. A final answer stated in a line of its own after a lead-in ("So the final answer is \\boxed{36}.") is compared with the step before it; ' +
      'where the last step\'s computation cannot be read (floor division "560//10", algebra "2x=20"), the result it writes after its last "=" is compared. The quick fix writes the computed result as the final answer.',
    bad: [
      j({ question: 'Julie read 12 pages yesterday and twice as many today. How many pages in total?', answer: 'Today she read 12 x 2 = <<12*2=24>>24 pages.\nIn total she read 12 + 24 = <<12+24=36>>36 pages.\n#### 38' }),
      j({ messages: [{ role: 'user', content: 'Julie read 12 pages yesterday and twice as many today. How many pages in total?' }, { role: 'assistant', content: 'Today she read 12 x 2 = 24 pages.\nIn total she read 12 + 24 = 36 pages.\nSo the final answer is $\\boxed{38}$.' }] }),
      j({ query: 'Chad eats 10 crackers a night. How many nights do 560 crackers last?', response: 'The crackers last 560//10 = 56 nights.\nThe answer is: 53' }),
    ],
    good: [
      j({ question: 'Julie read 12 pages yesterday and twice as many today. How many pages in total?', answer: 'Today she read 12 x 2 = <<12*2=24>>24 pages.\nIn total she read 12 + 24 = <<12+24=36>>36 pages.\n#### 36' }),
      j({ question: 'How many pages per hour if she reads 42 pages in 7 hours?', answer: 'She reads 42 pages in 7 hours, so 42 / 7 = <<42/7=6>>6 pages per hour.\n#### 6' }),
    ],
  },
  check(ctx) {
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      const final = r.final;
      if (!final || final.kind !== 'number' || (final.numeric === undefined && !final.number)) continue;
      // hot path: the last annotated result already equals the answer
      const q = r.quick;
      if (q.lastEnd >= 0 && q.lastEnd <= final.markerStart && q.lastFreeEquals < q.lastEnd && q.lastValue === (final.numeric ?? toNumber(final.number!))) continue;
      const v = final.number;
      if (!v) continue;
      const decimals = (final.text.split('.')[1] ?? '').replace(/\D.*$/, '').length;
      const last = clearLastResult(r, final);
      let written: string;
      let says: string;
      if (last) {
        if (acceptsResult(last.equation.value, v, decimals) || acceptsResult(last.written.value, v, decimals)) continue;
        // "$0.25 more per can" -> "#### 25" (in cents): a unit change, not a contradiction
        if (acceptsUpToUnit(last.written.value, v, decimals) || acceptsUpToUnit(last.equation.value, v, decimals)) continue;
        if (includesValue(numbersAfter(r, last.written.end, last.step, { start: final.markerStart, end: final.statementEnd }), v)) continue;
        written = last.written.text.replace(/^[$€£¥]/, '');
        says = `computes ${last.equation.expression} = ${written}`;
      } else {
        // no computation the parser reads: the result the last step writes ("560//10 = 56 nights")
        const w = writtenLastResult(r, final);
        if (!w || acceptsResult(w.value, v, decimals) || acceptsUpToUnit(w.value, v, decimals)) continue;
        written = w.text.replace(/^[$€£¥]/, '');
        says = `ends with the result ${written}`;
      }
      const pointer = r.field.pointer;
      (out ??= []).push({
        ...ctx.locateInString(pointer, final.start, final.end), field: pointer,
        message: `the final answer is ${final.text}, but the last step ${says}`,
        fix: fix(`Change the final answer to ${written}`, [replaceEdit(ctx, pointer, final.start, final.end, written)]),
      });
    }
    return out ?? NO_FINDINGS;
  },
};
