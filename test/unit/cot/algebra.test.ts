import { test } from 'node:test';
import assert from 'node:assert/strict';
import { algebraSlips, describeSlip, findLinearEquations } from '../../../src/core/cot/algebra';
import { formatRational } from '../../../src/core/cot/rational';
import { algebraInconsistent } from '../../../src/core/rules/cot/cot013-algebra-inconsistent';
import { jsonl, runRule } from './helpers';

const solutions = (text: string) => findLinearEquations(text).map((q) => [`${q.lhs.text} = ${q.rhs.text}`, q.solution ? formatRational(q.solution) : q.identity ? 'identity' : 'none']);

test('linear equations: implicit multiplication, brackets, signs, division, thousands', () => {
  assert.deepEqual(solutions('Total:x + 2x + 8x = 110. 11x = 110. Percussion:4(2x) = 8x.'), [
    ['x + 2x + 8x = 110', '10'], ['11x = 110', '10'], ['4(2x) = 8x', 'identity'],
  ]);
  assert.deepEqual(solutions('we get 15j = 45(j - 20). Subtracting, - 30j =  - 900. And 2p / 5 = (p + $600) / 4, 6x = 240,000.'), [
    ['15j = 45(j - 20)', '30'], ['- 30j = - 900', '30'], ['2p / 5 = (p + $600) / 4', '1000'], ['6x = 240,000', '40000'],
  ]);
});

test('linear equations: not algebra', () => {
  // "5 x 3" is a product, two unknowns, x·x, a unit glued to a number, a percent, a label, "1/2x", annotations
  assert.deepEqual(solutions('5 x 3 = 15. x + y = 10. x * x = 9. 2h = 120cm. 20% of x = 5x%. In section 2 = x + 200. 1/2x = 4. <<2*3=6>>6'), []);
  // a unit word followed by more arithmetic: "x = 72 sours / 0.75"
  assert.deepEqual(solutions('0.75 * x = 72 sours => x = 72 sours / 0.75 = 96 sours'), []);
});

test('COT013: the odd equation is reported, located, in plain words', () => {
  const line = jsonl({ question: 'q', rationale: 'Let x be the price. 4x + 12 = 64. So 4x = 51 and x = 12.75.', answer: '12.75' });
  const fs = runRule(algebraInconsistent, line);
  assert.deepEqual(fs.map((f) => [f.covered, f.message, f.field]), [
    ['4x + 12 = 64', '4x + 12 = 64 gives x = 13, but two other equations give x = 12.75 (then 4x + 12 is 63, 64 is 64)', '/rationale'],
  ]);
  // a bare number after a verb starts an equation: "we get 10 = b"
  assert.deepEqual(algebraSlips('So 2b - 5 = b + 5. Subtracting b, we get b - 5 = 5. Adding 5, we get 11 = b.').map(describeSlip), [
    '11 = b, but two other equations give b = 10',
  ]);
  // a wrong last statement, and a contradiction
  assert.deepEqual(algebraSlips('Let b be the body. 6b + b + 3b = 180. 10b = 180. Divide by 10: b = 180.').map(describeSlip), [
    'b = 180, but two other equations give b = 18',
  ]);
  assert.deepEqual(algebraSlips('x + x = 10, so 2x = 10 and x + 5 = x + 6, x = 5.').map(describeSlip), [
    'x + 5 = x + 6 cannot hold: 3 other equations give x = 5, and then x + 5 is 10 but x + 5 is 11'.replace('x + 5 is 11', 'x + 6 is 11'),
  ]);
});

test('COT013: a side that is an expression is solved too', () => {
  assert.deepEqual(algebraSlips('Plugging the values in: z = ($5.5 - $8.6) / $3.4 = -2.06. We want the probability at z = -2.06, so we read the table at z = -2.06.').map(describeSlip), [
    'z = ($5.5 - $8.6) / $3.4 gives z = -0.911765…, but two other equations give z = -2.06 (then z is -2.06, ($5.5 - $8.6) / $3.4 is -0.911765…)',
  ]);
});

test('COT013: substitution consistency across the reasoning', () => {
  // the value found is substituted into a later equation in the same unknown
  assert.equal(algebraSlips('2x + 3x = 25, so 5x = 25 and x = 5. Check: 3x + 1 = 17.').length, 1);
  assert.deepEqual(algebraSlips('2x + 3x = 25, so 5x = 25 and x = 5. Check: 3x + 1 = 16.'), []);
});

test('COT013: stays silent when it cannot be sure', () => {
  const silent = [
    'x = 5.', // alone
    'Let x be the apples. x = 5. 2x = 10.', // consistent
    '4x = 51, so x = 13.', // one against one: which is wrong?
    'x + y = 10 and x - y = 2, so 2x = 12, x = 6 and y = 4.', // two unknowns
    '3x = 1 hour. Thus 3x = 60 minutes. Thus x = 60 / 3 = 20 minutes.', // different units
    'x = 5, 2x = 10. Later, x = 7, 3x = 21 and x + 1 = 9.', // several disagreeing equations
    'Each costs 10 / 3 = 3.33, so 3x = 10 and x = 3.33.', // rounding
    'The sides are 5 x 3 = 15 and 5 x 4 = 20 and x = 2.', // "x" as times
    'f(2) = 4, f(4) = 8 and f(5) = 11.', // function values, not products
    'Let x be the apples: x = 5. Let x be the pears: x + 2 = 9, so x = 7.', // the letter is reused
    'for (int i = 2; i < 8; i++) {\n  i = 2;\n  i = 0;\n}', // code reassigns variables
  ];
  for (const s of silent) assert.deepEqual(algebraSlips(s).map(describeSlip), [], s);
  assert.deepEqual(runRule(algebraInconsistent, jsonl({ question: 'q', rationale: 'x + 0.5x + 2x = 1050 meters. Thus, 3.5x = 1050. So x = 300 meters.', answer: '300' })), []);
});
