import type { FindingDraft, RecordRule, TextEdit } from '../../types';
import { analyzeRecord, fix, NO_FINDINGS, replaceEdit } from '../../cot/analysis';
import { formatLike } from '../../cot/equations';
import { equals } from '../../cot/rational';

const j = JSON.stringify;

/** COT004: a GSM8K calculator annotation `<<a*b=c>>` whose result is wrong. */
export const annotationMismatch: RecordRule = {
  id: 'COT004',
  name: 'annotation-mismatch',
  description: 'A calculator annotation <<expression=result>> has a wrong result.',
  tags: ['cot', 'arithmetic', 'gsm8k'],
  defaultSeverity: 'error',
  scope: 'record',
  docs: {
    rationale:
      'GSM8K-style data marks each computation with a calculator annotation `<<48/2=24>>` that tools (and some training recipes) execute or trust. ' +
      'A wrong result in an annotation is a wrong computation the model learns to imitate. The rule evaluates the expression exactly and accepts a result rounded ' +
      'to the precision it is written with. The quick fix replaces the result inside the annotation, and the number written right after it when that number repeats the wrong result.',
    bad: [
      j({ question: 'Natalia sold 48 clips in April and half as many in May. How many altogether?', answer: 'Natalia sold 48/2 = <<48/2=25>>25 clips in May.\nNatalia sold 48+25 = <<48+25=73>>73 clips altogether.\n#### 73' }),
    ],
    good: [
      j({ question: 'Natalia sold 48 clips in April and half as many in May. How many altogether?', answer: 'Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether.\n#### 72' }),
      j({ question: 'Split $10 three ways.', answer: 'Each gets 10/3 = $<<10/3=3.33>>3.33.\n#### 3.33' }),
    ],
  },
  check(ctx) {
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      if (r.quick.annotationsOk) continue;
      for (const eq of r.suspectAnnotations) {
        if (eq.correct) continue;
        const pointer = r.field.pointer;
        const right = formatLike(eq.value, eq.result);
        const edits: TextEdit[] = [replaceEdit(ctx, pointer, eq.result.start, eq.result.end, right)];
        const after = eq.after && equals(eq.after.value, eq.result.value) ? eq.after : undefined;
        if (after) edits.push(replaceEdit(ctx, pointer, after.start, after.end, formatLike(eq.value, after)));
        (out ??= []).push({
          ...ctx.locateInString(pointer, eq.start, eq.end), field: pointer,
          message: `${eq.expression} is ${right}, not ${eq.result.text}`,
          fix: fix(after ? `Replace ${eq.result.text} with ${right} in the annotation and the text after it` : `Replace ${eq.result.text} with ${right} in the annotation`, edits),
        });
      }
    }
    return out ?? NO_FINDINGS;
  },
};
