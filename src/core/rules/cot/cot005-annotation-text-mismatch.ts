import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, fix, NO_FINDINGS, replaceEdit } from '../../cot/analysis';
import { acceptsResult, formatLike } from '../../cot/equations';
import { mul, R_HUNDRED } from '../../cot/rational';

const j = JSON.stringify;

/** COT005: the number written right after an annotation differs from the annotation's result. */
export const annotationTextMismatch: RecordRule = {
  id: 'COT005',
  name: 'annotation-text-mismatch',
  description: 'The number written right after a calculator annotation differs from the annotation\'s result.',
  tags: ['cot', 'arithmetic', 'gsm8k'],
  defaultSeverity: 'error',
  scope: 'record',
  docs: {
    rationale:
      'In GSM8K-style text the annotation `<<48/2=24>>` is followed by the result as the reader sees it: `<<48/2=24>>24`. When the two disagree, ' +
      'the visible text and the calculator trace teach different things, and whichever is wrong propagates to later steps. ' +
      'A rounded mention of an exact result ("<<10/3=3.333>>3.33") is accepted. The quick fix writes the annotation\'s result into the text.',
    bad: [j({ question: 'Natalia sold 48 clips in April and half as many in May. How many in May?', answer: 'Natalia sold 48/2 = <<48/2=24>>25 clips in May.\n#### 25' })],
    good: [j({ question: 'Natalia sold 48 clips in April and half as many in May. How many in May?', answer: 'Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n#### 24' })],
  },
  check(ctx) {
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      if (r.quick.annotationsOk) continue;
      for (const eq of r.suspectAnnotations) {
        const after = eq.after;
        if (!after) continue;
        if (acceptsResult(eq.result.value, after.value, after.decimals) || acceptsResult(eq.value, after.value, after.decimals)) continue;
        // "<<100-15=85>>85%": the percent sign is a unit label on the same number
        if (after.percent && !eq.result.percent) {
          const raw = mul(after.value, R_HUNDRED);
          if (acceptsResult(eq.result.value, raw, after.decimals) || acceptsResult(eq.value, raw, after.decimals)) continue;
        }
        if (!eq.correct) {
          // both wrong and different: report the difference, no fix (which one was meant is unclear)
          (out ??= []).push({
            ...ctx.locateInString(r.field.pointer, after.start, after.end), field: r.field.pointer,
            message: `the text says ${after.text} but the annotation <<${eq.lhs.text}=${eq.result.text}>> computes ${eq.result.text}`,
          });
          continue;
        }
        const right = formatLike(eq.result.value, after);
        (out ??= []).push({
          ...ctx.locateInString(r.field.pointer, after.start, after.end), field: r.field.pointer,
          message: `the text says ${after.text} but the annotation computes ${eq.expression} = ${eq.result.text}`,
          fix: fix(`Replace ${after.text} with ${right}`, [replaceEdit(ctx, r.field.pointer, after.start, after.end, right)]),
        });
      }
    }
    return out ?? NO_FINDINGS;
  },
};
