import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, fix, replaceEdit } from '../../cot/analysis';
import { formatLike } from '../../cot/equations';
import { formatRational } from '../../cot/rational';

const j = JSON.stringify;

/** COT003: an inline equation in the reasoning whose written result is wrong. */
export const arithmeticMismatch: RecordRule = {
  id: 'COT003',
  name: 'arithmetic-mismatch',
  description: 'An equation written in the reasoning has a wrong result ("48 / 2 = 25").',
  tags: ['cot', 'arithmetic'],
  defaultSeverity: 'error',
  scope: 'record',
  docs: {
    rationale:
      'A step that states a wrong result teaches the model to be confidently wrong, and every later step built on it inherits the slip. ' +
      'The rule evaluates each equation exactly (rational arithmetic, no floating-point noise) and accepts a result rounded or truncated to the precision it is written with ' +
      '("10 / 3 = 3.33" is fine, "10 / 3 = 3.4" is not). Only unambiguous equations are checked: a well-formed arithmetic left side and a number on the right; ' +
      'dates, times, ratios, ranges ("3-4 weeks"), unit conversions ("1 hour = 60 minutes") and algebra ("2x + 3 = 7") are left alone. ' +
      'Chains are read as running totals ("2 + 3 = 5 + 4 = 9"). The quick fix writes the computed result.',
    bad: [
      j({ question: 'Natalia sold 48 clips in April and half as many in May. How many in May?', rationale: 'She sold 48 / 2 = 25 clips in May.', answer: '25' }),
      j({ instruction: 'What do 3 notebooks at $4 and a $8 pen cost?', output: 'The notebooks cost 3 × 4 = $12 and the total is 12 + 8 = $21.' }),
    ],
    good: [
      j({ question: 'Natalia sold 48 clips in April and half as many in May. How many in May?', rationale: 'She sold 48 / 2 = 24 clips in May.', answer: '24' }),
      j({ instruction: 'Split $10 three ways.', output: 'Each person gets 10 / 3 = $3.33.' }),
      j({ instruction: 'When is the meeting?', output: 'On 2023-10-12 at 3:45, for 3 - 4 hours; x = 5 in the agenda.' }),
    ],
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const r of analyzeRecord(ctx).reasonings) {
      const inline = r.quick.freeEquals || r.quick.annotatedInlineDiffers ? r.inline : [];
      const clock = r.clock;
      for (const eq of clock.length ? [...inline, ...clock] : inline) {
        if (eq.correct) continue;
        if (eq.annotated) {
          // "6*2.5 = $<<6*3=18>>18": the annotation is right but the text around it computes something else.
          // A wrong annotation is COT004's finding.
          const ann = r.annotations.find((a) => a.after && a.after.start <= eq.result.start && eq.result.start <= a.after.end);
          if (!ann || !ann.correct) continue;
        }
        const pointer = r.field.pointer;
        const span = ctx.locateInString(pointer, eq.start, eq.end);
        if (eq.rhsExpression) {
          out.push({
            ...span, field: pointer,
            message: `${eq.expression} is ${formatRational(eq.value)}, but ${eq.rhsExpression.expression} is ${formatRational(eq.rhsExpression.value)}`,
          });
          continue;
        }
        const right = eq.corrected ?? formatLike(eq.value, eq.result);
        // keep a currency sign written with the number: "$25" -> "$24", "-$5" -> "$5"
        const m = /^(-?)([$€£¥]?)/.exec(eq.result.text)!;
        const wrongText = m[1] + eq.result.text.slice(m[0].length);
        const replacement = `${right.startsWith('-') ? '-' : ''}${m[2]}${right.replace(/^-/, '')}`;
        out.push({
          ...span, field: pointer,
          message: `${eq.expression} is ${right}, not ${wrongText}`,
          fix: fix(`Replace ${wrongText} with ${right}`, [replaceEdit(ctx, pointer, eq.result.start, eq.result.end, replacement)]),
        });
      }
    }
    return out;
  },
};
