import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateString, formatRational, parseDecimal, rat, equals, roundTo, tokenize } from '../../../src/core/cot/index';

const val = (s: string) => {
  const v = evaluateString(s);
  return v === undefined ? undefined : formatRational(v);
};

test('evaluates with exact rationals: no floating-point artefacts', () => {
  assert.equal(val('0.1 + 0.2'), '0.3');
  assert.equal(val('1/3 * 3'), '1');
  assert.equal(val('10 / 3'), '3.3333…');
  assert.equal(val('2^10'), '1024');
  assert.equal(val('2**3'), '8');
  assert.equal(val('12345678901234567890 * 10'), '123456789012345678900');
});

test('operator precedence, associativity, unary minus and parentheses', () => {
  assert.equal(val('2 + 3 * 4'), '14');
  assert.equal(val('(2 + 3) * 4'), '20');
  assert.equal(val('2 ^ 3 ^ 2'), '512');
  assert.equal(val('-2 ^ 2'), '-4');
  assert.equal(val('8 - 3 - 2'), '3');
  assert.equal(val('24 / 4 / 2'), '3');
  assert.equal(val('2(3 + 4)'), '14');
  assert.equal(val('-5 + 3'), '-2');
});

test('every multiplication and division sign people write', () => {
  assert.equal(val('3 × 4'), '12');
  assert.equal(val('3 x 4'), '12');
  assert.equal(val('3 · 4'), '12');
  assert.equal(val('12 ÷ 4'), '3');
  assert.equal(val('3 \\times 4'), '12');
  assert.equal(val('3 \\cdot 4'), '12');
  assert.equal(val('12 \\div 4'), '3');
  assert.equal(val('\\frac{3}{4} * 8'), '6');
  assert.equal(val('5 − 3'), '2');
});

test('numbers: thousands separators, decimals, percent, currency', () => {
  assert.equal(val('1,000 + 1'), '1001');
  assert.equal(val('$3.50 * 2'), '7');
  assert.equal(val('50% * 80'), '40');
  assert.equal(val('.5 * 4'), '2');
});

test('refuses what is not one arithmetic expression, and never runs code', () => {
  assert.equal(val('3 +'), undefined);
  assert.equal(val('(3 + 4'), undefined);
  assert.equal(val('1 / 0'), undefined);
  assert.equal(val('2 ^ 0.5'), undefined);
  assert.equal(val('2 ^ 1000'), undefined);
  assert.equal(val('process.exit(1)'), undefined);
  assert.equal(val('3 4'), undefined);
});

test('rational helpers round half away from zero and parse decimals exactly', () => {
  assert.ok(equals(parseDecimal('1,234.50')!, rat(2469, 2)));
  assert.equal(formatRational(roundTo(rat(10, 3), 2)), '3.33');
  assert.equal(formatRational(roundTo(rat(-5, 2), 0)), '-3');
});

test('the tokenizer keeps offsets and reads a literal "\\n" escape as a line break', () => {
  const text = 'a\\n3+4';
  const toks = tokenize(text);
  assert.deepEqual(toks.map((t) => [t.kind, text.slice(t.start, t.end)]), [['word', 'a'], ['nl', '\\n'], ['num', '3'], ['op', '+'], ['num', '4']]);
});
