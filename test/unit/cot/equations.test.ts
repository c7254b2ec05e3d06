import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAnnotations, findInlineEquations, formatRational } from '../../../src/core/cot/index';

/** "lhs => written ok|WRONG" for each equation found. */
function eqs(text: string): string[] {
  return findInlineEquations(text).map((e) => `${e.expression} = ${e.result.text} ${e.correct ? 'ok' : 'WRONG'}`);
}

test('inline equations in the common notations', () => {
  assert.deepEqual(eqs('3 × 4 = 12'), ['3 × 4 = 12 ok']);
  assert.deepEqual(eqs('3*4=12'), ['3 × 4 = 12 ok']);
  assert.deepEqual(eqs('then 12 + 8 = 21 apples'), ['12 + 8 = 21 WRONG']);
  assert.deepEqual(eqs('$5 x 3 = $15'), ['$5 × 3 = $15 ok']);
  assert.deepEqual(eqs('20% of 50 = 10'), ['20% × 50 = 10 ok']);
  assert.deepEqual(eqs('3 times 4 = 12'), ['3 × 4 = 12 ok']);
  assert.deepEqual(eqs('30 plus 28 plus 32 equals 91'), ['30 + 28 + 32 = 91 WRONG']);
  assert.deepEqual(eqs('150 divided by 5 equals 30'), ['150 / 5 = 30 ok']);
  assert.deepEqual(eqs('$\\frac{3}{4} \\times 8 = 6$'), ['(3 / 4) × 8 = 6 ok']);
  assert.deepEqual(eqs('1,000 + 500 = 1,500'), ['1,000 + 500 = 1,500 ok']);
  assert.deepEqual(eqs('3.50 * 2 = 7'), ['3.50 × 2 = 7 ok']);
  assert.deepEqual(eqs('-5 + 3 = -2 and 10 - 20 = -10'), ['-5 + 3 = -2 ok', '10 - 20 = -10 ok']);
});

test('quantities with units between the numbers', () => {
  assert.deepEqual(eqs('16 feet * 12 feet = 192 square feet'), ['16 × 12 = 192 ok']);
  assert.deepEqual(eqs('20 minutes / day * 3 = 57 minutes / day'), ['20 × 3 = 57 WRONG']);
  assert.deepEqual(eqs('$5 per hour x 3 hours = $15'), ['$5 × 3 = $15 ok']);
  assert.deepEqual(eqs('40 team members * 2 pairs of roller skates per team member = 81 roller skates'), ['40 × 2 = 81 WRONG']);
  assert.deepEqual(eqs('12 history + 8 romance = 20 books'), ['12 + 8 = 20 ok']);
  // hyphenated unit words and rates written without spaces ("push-ups/set", "ml/g", "km/h")
  assert.deepEqual(eqs('Bryan did 3 sets * 15 push-ups/set = 42 push-ups.'), ['3 × 15 = 42 WRONG']);
  assert.deepEqual(eqs('Jason needs 30 ml / 2 grams = 15 ml/g of water.'), ['30 / 2 = 15 ok']);
  assert.deepEqual(eqs('It covers 120 km / 2 hours = 60 km/h.'), ['120 / 2 = 60 ok']);
  // a one-letter word after a spaced '/' is still a division ("48 / x" in algebra)
  assert.deepEqual(eqs('So 2x + 3 = 13 and x = 5.'), []);
});

test('a "- " at the start of a line is a list bullet or a spaced minus: both readings are tried', () => {
  assert.deepEqual(eqs('The pattern:\n- 4 + 6 = 10\n- 6 + 10 = 16\n* 3 * 4 = 12'), ['-4 + 6 = 10 ok', '-6 + 10 = 16 ok', '3 × 4 = 12 ok']);
  assert.deepEqual(eqs('- 14 + ( - 8) + 1 = - 21 degrees'), ['-14 + (-8) + 1 = - 21 ok']);
  assert.deepEqual(eqs('- 4 + 6 = 11'), ['-4 + 6 = 11 WRONG']);
});

test('chains are read as running totals or as equal rewritings', () => {
  assert.deepEqual(eqs('2 + 3 = 5 + 4 = 9'), ['2 + 3 = 5 ok', '5 + 4 = 9 ok']);
  assert.deepEqual(eqs('(3 + 4) * 2 = 7 * 2 = 14'), ['(3 + 4) × 2 = 7 * 2 ok', '7 × 2 = 14 ok']);
  assert.deepEqual(eqs('2 + 3 = 6 + 4 = 10'), ['2 + 3 = 6 + 4 WRONG', '6 + 4 = 10 ok']);
});

test('rounding: a result is right when it is the value rounded (or truncated) to its written precision', () => {
  assert.deepEqual(eqs('10/3 = 3.33'), ['10 / 3 = 3.33 ok']);
  assert.deepEqual(eqs('10/3 = 3.3'), ['10 / 3 = 3.3 ok']);
  assert.deepEqual(eqs('10/3 = 3.4'), ['10 / 3 = 3.4 WRONG']);
  assert.deepEqual(eqs('2/3 = 0.67'), ['2 / 3 = 0.67 ok']);
  assert.deepEqual(eqs('1/12 = 8.333...%'), ['1 / 12 = 8.333...% ok']);
});

test('percent signs used as unit labels are accepted', () => {
  assert.deepEqual(eqs('20 + 5 = 25%'), ['20 + 5 = 25% ok']);
  assert.deepEqual(eqs('100% - 20% = 80%'), ['100% - 20% = 80% ok']);
  assert.deepEqual(eqs('$1 / 2 = 50 cents'), ['$1 / 2 = 50 ok']);
});

test('ambiguous text is not an equation', () => {
  for (const t of [
    'It takes 3 - 4 weeks.', 'On 2023-10-12 we met.', 'at 3:45 = late', 'a ratio of 1:2 = 3:6', 'call 555-1234',
    'x = 5', '2x + 3 = 7', 'x + 3 = 7', '5 x 3 inches', '1 hour = 60 minutes', 'f(2) = 9', 'a2+3=5', 'In 1990 - 2000 there were',
    'Step 2 - 1 = done', '4 pounds - 6 ounces = 58 ounces', '0900 - 0130 = 0730 hours', 'the ratio is 8/3 = 24/Y', 'so 3*30 = 30 + M trees',
    'for i = 0; i < 10', 'if a == 3 + 4', 'weeks 3 - 4 weeks = 7',
  ]) {
    assert.deepEqual(findInlineEquations(t).filter((e) => !e.correct), [], t);
  }
  assert.deepEqual(eqs('x = 5'), []);
  assert.deepEqual(eqs('1 hour = 60 minutes'), []);
});

test('an equation inside prose keeps exact offsets', () => {
  const text = 'She sold 48 / 2 = 25 clips.';
  const [e] = findInlineEquations(text);
  assert.equal(text.slice(e.start, e.end), '48 / 2 = 25');
  assert.equal(text.slice(e.result.start, e.result.end), '25');
  assert.equal(formatRational(e.value), '24');
});

test('GSM8K calculator annotations and the number after them', () => {
  const text = 'Natalia sold 48/2 = <<48/2=25>>25 clips and 3*4 = <<3*4=12>>$13 and <<1/2=.5>>.5 and <<10/3=3.33>>3.33';
  const got = findAnnotations(text).map((a) => `${a.expression}=${a.result.text} ${a.correct ? 'ok' : 'WRONG'} after=${a.after?.text}`);
  assert.deepEqual(got, ['48 / 2=25 WRONG after=25', '3 × 4=12 ok after=13', '1 / 2=.5 ok after=.5', '10 / 3=3.33 ok after=3.33']);
  const [first] = findAnnotations(text);
  assert.equal(text.slice(first.start, first.end), '<<48/2=25>>');
  assert.equal(text.slice(first.result.start, first.result.end), '25');
  // the inline equation written around an annotation is marked, so the annotation rules own it
  const inline = findInlineEquations(text);
  assert.ok(inline[0].annotated);
});

test('longer descriptions of a quantity between the number and the operator (FLAN style)', () => {
  assert.deepEqual(eqs('the town has paid for 14 trash cans on the streets * 2 = 29 trash cans.'), ['14 × 2 = 29 WRONG']);
  assert.deepEqual(eqs('a combined total of 36 books belonging to Albert + 9 books belonging to Stu = 45 books.'), ['36 + 9 = 45 ok']);
  assert.deepEqual(eqs('Altogether, 19 green and pink hard hats + 24 yellow hard hats = 42 hard hats remained.'), ['19 + 24 = 42 WRONG']);
  assert.deepEqual(eqs('There are 8 friends + 1 (Samuel) + 1 (Cathy) = 10 people.'), ['8 + 1 + 1 = 10 ok']);
  assert.deepEqual(eqs('a total of 60 balloons from Kris + 180 balloons from Kris’ brother = 250 balloons.'), ['60 + 180 = 250 WRONG']);
  assert.deepEqual(eqs('Bryan did 45 push - ups - 5 push - ups = 41 push - ups.'), ['45 - 5 = 41 WRONG']);
  assert.deepEqual(eqs('meaning he has 100 / 2 = 45 - foot sections of rope'), ['100 / 2 = 45 WRONG']);
  // not descriptions: algebra, "of" (a product), verbs, a proportion with a variable
  assert.deepEqual(eqs('so 100 = 5A and 2p + 12 = 70'), []);
  assert.deepEqual(eqs('Juwan is 1 / 3 of Solomon = 66 / 3 = 22.'), ['66 / 3 = 22 ok']);
  assert.deepEqual(eqs('Peter can rake 3 bags of leaves / 15 minutes = 8 bags of leaves / Y. Next.'), []);
  assert.deepEqual(eqs('add 20 + 10 decorations to the 29 + 24 decorations already up = 83 total decorations'), []);
  assert.deepEqual(eqs('He has 5 and 3 + 4 = 7'), ['3 + 4 = 7 ok']);
});

test('a fraction on the right side is compared as a fraction, not as a rounded running total', () => {
  assert.deepEqual(eqs('The 200 people will eat 200 / 300 = 1 / 3 as much food.'), ['200 / 300 = 1 / 3 WRONG']);
  assert.deepEqual(eqs('His profit would be 20 / 100 = 0 / 5. Total sales'), ['20 / 100 = 0 / 5 WRONG']);
  assert.deepEqual(eqs('His profit would be 20 / 100 = 1 / 5. Total sales'), ['20 / 100 = 1 / 5 ok']);
  assert.deepEqual(eqs('2 + 3 = 5 + 4 = 9'), ['2 + 3 = 5 ok', '5 + 4 = 9 ok']);
});

test('differences with a unit on the second number, and "$ 155"', () => {
  assert.deepEqual(eqs('so 5000 - 1,110 feet = 3,890 feet left'), ['5000 - 1,110 = 3,890 ok']);
  assert.deepEqual(eqs('bring the $90 - $18 discount = $71.'), ['$90 - $18 = $71 WRONG']);
  // an ascending pair is still a range
  assert.deepEqual(eqs('It takes 3 - 4 weeks = 25 days'), []);
  assert.deepEqual(eqs('He is then left with $500 - $ 155 = $352.'), ['$500 - $ 155 = $352 WRONG']);
});
