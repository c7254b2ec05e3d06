import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, NO_FINDINGS } from '../../cot/analysis';
import { type NumberMention, extractNumbers } from '../../cot/numbers';
import { type Rational, mul, rat, R_HUNDRED, div, sub } from '../../cot/rational';

const j = JSON.stringify;

/** Quantities anyone may use without stating them: small counts, unit conversions, percent. */
const COMMON = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 24, 30, 31, 52, 60, 100, 365, 1000, 3600];

/**
 * The numbers of an arithmetic expression: "48/2" is two operands, not the fraction 24, while a mixed
 * number ("2 1/2 × 4") is one operand, 5/2.
 */
function operands(expr: string): { start: number; text: string; value: Rational }[] {
  const mixed = extractNumbers(expr).filter((n) => n.kind === 'mixed');
  let rest = expr;
  for (const n of mixed) rest = rest.slice(0, n.start) + ' '.repeat(n.end - n.start) + rest.slice(n.end);
  // once '/' is blanked a fraction left is a vulgar one ("½ (11 - 7)"): a small constant, like "half"
  const plain = extractNumbers(rest.replace(/\//g, ' ')).filter((n) => n.kind !== 'fraction');
  return [...mixed, ...plain]
    .sort((a, b) => a.start - b.start)
    .map((n) => ({ start: n.start, text: n.text, value: n.value }));
}

/** The whole number, fraction, numerator and denominator of a mixed number ("9 6/8": 9, 3/4, 3, 4). */
function mixedParts(v: Rational): Rational[] {
  const whole = v.n / v.d;
  const frac = sub(v, rat(whole));
  const abs = (n: bigint) => (n < BigInt(0) ? -n : n);
  return [rat(abs(whole)), rat(abs(frac.n), frac.d), rat(abs(frac.n)), rat(frac.d)];
}

function key(v: Rational): string {
  return `${v.n}/${v.d}`;
}

/** COT007: a number used in a computation that appears in neither the question nor an earlier step, and is not computed. */
export const unsupportedQuantity: RecordRule = {
  id: 'COT007',
  name: 'unsupported-quantity',
  description: 'A computation uses a number that is neither in the question, nor in an earlier step, nor computed.',
  tags: ['cot', 'faithfulness'],
  defaultSeverity: 'off',
  scope: 'record',
  docs: {
    rationale:
      'A quantity that appears from nowhere is often a hallucinated fact or a number copied from another problem. ' +
      'The rule collects the numbers of the question (digits, mixed numbers such as "2 1/2" or "3½", simple number words such as "twice" or "a dozen", and fractions in words such as "one and a half" or "three-quarters"), the results computed so far and the numbers of earlier steps, ' +
      'and reads a mixed number in a computation as one operand ("2 1/2 × 4": 5/2; a mixed number in the question also makes its parts known, "15 7/16" for "15 × 16 + 7"). ' +
      'It reports an operand of a computation that matches none of them. Common constants (0–10, 12, 24, 60, 100, 365, …) are always allowed. ' +
      'Off by default: unit conversions and world knowledge make it noisy; turn it on as "info" to audit generated data.',
    bad: [j({ question: 'Tom has 5 apples and buys 3 more. How many does he have?', answer: 'Tom has 5 + 17 = <<5+17=22>>22 apples.\n#### 22' })],
    good: [j({ question: 'Tom has 5 apples and buys 3 more. How many does he have?', answer: 'Tom has 5 + 3 = <<5+3=8>>8 apples.\n#### 8' })],
  },
  check(ctx) {
    const a = analyzeRecord(ctx);
    let out: FindingDraft[] | undefined;
    for (const r of a.reasonings) {
      const eqs = r.equations;
      if (!eqs.length) continue;
      const known = new Set<string>(COMMON.map((n) => key(rat(n))));
      const addValue = (v: Rational) => {
        known.add(key(v));
        // 20% ~ 20 ~ 0.2
        known.add(key(mul(v, R_HUNDRED)));
        known.add(key(div(v, R_HUNDRED)!));
      };
      // a mixed number also makes its parts known: "15 7/16" may be worked as 15 × 16 + 7
      const addKnown = (n: NumberMention | Rational) => {
        if (!('kind' in n)) return addValue(n);
        addValue(n.value);
        if (n.kind !== 'mixed') return;
        // the whole number and the fraction as the separate mentions they once were; numerator and denominator as they are
        const [whole, frac, num, den] = mixedParts(n.value);
        addValue(whole);
        addValue(frac);
        known.add(key(num));
        known.add(key(den));
      };
      const sources = [...a.fields.sources];
      if (r.field.question && !sources.some((s) => s.pointer === r.field.question!.pointer)) sources.push(r.field.question);
      for (const s of sources) for (const n of extractNumbers(s.text, { words: true })) addKnown(n);
      // numbers of the text in order: each equation's operands are checked against what came before
      const mentions = extractNumbers(r.text, { words: true });
      let m = 0;
      const reported = new Set<string>();
      for (const eq of eqs) {
        while (m < mentions.length && mentions[m].end <= eq.lhs.start) addKnown(mentions[m++]);
        for (const n of operands(eq.lhs.text)) {
          const k = key(n.value);
          if (known.has(k) || reported.has(k)) continue;
          reported.add(k);
          const start = eq.lhs.start + n.start;
          (out ??= []).push({
            ...ctx.locateInString(r.field.pointer, start, start + n.text.length), field: r.field.pointer, severity: 'info',
            message: `${n.text} is not in the question or an earlier step, and nothing computes it`,
          });
        }
        addKnown(eq.result.value);
        addKnown(eq.value);
        if (eq.after) addKnown(eq.after.value);
      }
    }
    return out ?? NO_FINDINGS;
  },
};
