import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, fix, NO_FINDINGS, replaceEdit } from '../../cot/analysis';
import { type Equation, NO_EQUATIONS, formatLike } from '../../cot/equations';
import { formatRational } from '../../cot/rational';

const j = JSON.stringify;

/** The annotation whose repeated result (the number after ">>") covers text offset `at`. */
function annotationWrittenAt(annotations: Equation[], at: number): Equation | undefined {
  for (const a of annotations) if (a.after && a.after.start <= at && at <= a.after.end) return a;
  return undefined;
}

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
      'dates, times without arithmetic ("at 3:45"), ratios, ranges ("3-4 weeks"), conversions by a factor ("2 hours x 60 = 120 minutes", "1 kg = 1000 g") and algebra ("2x + 3 = 7") are left alone. ' +
      'Chains are read as running totals ("2 + 3 = 5 + 4 = 9"). ' +
      'Mixed numbers written clearly (a whole number, one space or none, a proper fraction: "2 1/2", "3 ½", "3½", LaTeX "2\\frac{1}{2}") are exact values, and a result ' +
      'written as a mixed number, an improper fraction or a decimal is accepted when equal ("2 1/2 + 1 3/4 = 17/4 = 4.25"); "3 1/2-hour shifts", "2 1/2-year-old" and dates are left alone. ' +
      'Clock times and durations are checked in exact minutes: "9:30 + 2:45 = 12:15", "11:30 PM + 2 hours = 1:30 AM" (past midnight), ' +
      '"2 hours 45 minutes + 1 hour 30 minutes = 4 hours 15 minutes", "1:45 = 105 minutes", "from 8:15 AM to 11:45 AM is 3 hours 30 minutes", ' +
      '"from 9 a.m. to 5 p.m. is 8 hours" (AM/PM without a colon in any spelling: "9 am", "9 AM", "9 a.m.", "9 P.M."), "1:30:00 + 0:45:30 = 2:15:30" (h:mm:ss) and durations in words ' +
      '("an hour and a half", "half an hour", "an hour and 15 minutes", "2 and a half hours"; compared exactly, written back as "1 hour and 45 minutes"). ' +
      'A time needs h:mm with minutes 00–59 and a time context (AM/PM, "o\'clock", a duration, or "at", "from", "hours"… on the line): ratios "3:2", scores "2:1" and verses "John 3:16" are not times; ' +
      '"an hour" right after a number is a rate ("$12 an hour", "60 minutes in an hour"), and "9 am" in a sentence without arithmetic on it is never checked. ' +
      'The quick fix writes the computed result in the style of the wrong one ("12:15 PM", "4 hours 15 minutes", "4 1/4", "3\\frac{1}{2}").',
    bad: [
      j({ question: 'Natalia sold 48 clips in April and half as many in May. How many in May?', rationale: 'She sold 48 / 2 = 25 clips in May.', answer: '25' }),
      j({ instruction: 'What do 3 notebooks at $4 and a $8 pen cost?', output: 'The notebooks cost 3 × 4 = $12 and the total is 12 + 8 = $21.' }),
      j({ question: 'Class starts at 9:30 AM and lasts 2 hours 45 minutes. When does it end?', rationale: 'It ends at 9:30 AM + 2 hours 45 minutes = 12:30 PM.', answer: '12:30 PM' }),
      j({ question: 'A recipe needs 2 1/2 cups of flour and 1 3/4 cups of sugar. How many cups in all?', rationale: '2 1/2 + 1 3/4 = 4 1/2 cups.', answer: '4 1/2' }),
      j({ question: 'The shop is open from 9 a.m. to 5 p.m. How many hours?', rationale: 'From 9 a.m. to 5 p.m. is 7 hours.', answer: '7' }),
    ],
    good: [
      j({ question: 'Natalia sold 48 clips in April and half as many in May. How many in May?', rationale: 'She sold 48 / 2 = 24 clips in May.', answer: '24' }),
      j({ instruction: 'Split $10 three ways.', output: 'Each person gets 10 / 3 = $3.33.' }),
      j({ instruction: 'When is the meeting?', output: 'On 2023-10-12 at 3:45, for 3 - 4 hours; x = 5 in the agenda.' }),
      j({ question: 'A flight leaves at 11:30 PM and takes 2 hours. When does it land?', rationale: '11:30 PM + 2 hours = 1:30 AM, and 1:30 = 90 minutes after midnight.', answer: '1:30 AM' }),
      j({ instruction: 'Mix 2 1/2 cups and 1 3/4 cups.', output: '2 1/2 + 1 3/4 = 17/4 = 4.25 cups; the ratio 3:2 = 6:4 and John 3:16 are not times.' }),
      j({ question: 'A bus ride takes half an hour and the walk 45 minutes. How long in all?', rationale: 'Half an hour + 45 minutes = 1 hour 15 minutes, at $12 an hour.', answer: '1 hour 15 minutes' }),
    ],
  },
  check(ctx) {
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      const inline = r.quick.freeEquals || r.quick.annotatedInlineDiffers ? r.inline : NO_EQUATIONS;
      const clock = r.clock;
      if (!inline.length && !clock.length) continue;
      for (const eq of clock.length ? [...inline, ...clock] : inline) {
        if (eq.correct) continue;
        if (eq.annotated) {
          // "6*2.5 = $<<6*3=18>>18": the annotation is right but the text around it computes something else.
          // A wrong annotation is COT004's finding.
          const ann = annotationWrittenAt(r.annotations, eq.result.start);
          if (!ann || !ann.correct) continue;
        }
        const pointer = r.field.pointer;
        const span = ctx.locateInString(pointer, eq.start, eq.end);
        if (eq.rhsExpression) {
          (out ??= []).push({
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
        (out ??= []).push({
          ...span, field: pointer,
          message: `${eq.expression} is ${right}, not ${wrongText}`,
          fix: fix(`Replace ${wrongText} with ${right}`, [replaceEdit(ctx, pointer, eq.result.start, eq.result.end, replacement)]),
        });
      }
    }
    return out ?? NO_FINDINGS;
  },
};
