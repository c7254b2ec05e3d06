import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractNumbers, formatRational, parseNumberText } from '../../../src/core/cot/index';

test('extracts numbers with their exact offsets and kinds', () => {
  const text = 'I paid $1,200.50 for 3.5 kg, 50% off, 1/2 of it, and -4 degrees';
  const got = extractNumbers(text).map((n) => [n.text, formatRational(n.value), n.kind, text.slice(n.start, n.end)]);
  assert.deepEqual(got, [
    ['$1,200.50', '1200.5', 'decimal', '$1,200.50'],
    ['3.5', '3.5', 'decimal', '3.5'],
    ['50%', '0.5', 'percent', '50%'],
    ['1/2', '0.5', 'fraction', '1/2'],
    ['-4', '-4', 'integer', '-4'],
  ]);
});

test('a range or a date is not a negative number', () => {
  assert.deepEqual(extractNumbers('3-4 weeks').map((n) => n.text), ['3', '4']);
  assert.deepEqual(extractNumbers('on 2023-10-12').map((n) => n.text), ['2023', '10', '12']);
});

test('simple number words on request', () => {
  const got = extractNumbers('twice a dozen, three and a half', { words: true }).map((n) => `${n.text}=${formatRational(n.value)}`);
  assert.deepEqual(got, ['twice=2', 'dozen=12', 'three=3', 'three and a half=3.5', 'half=0.5']);
});

test('reads a whole answer as a number', () => {
  assert.equal(formatRational(parseNumberText('$1,200.00')!), '1200');
  assert.equal(formatRational(parseNumberText('72 clips')!), '72');
  assert.equal(formatRational(parseNumberText('-3.5')!), '-3.5');
  assert.equal(formatRational(parseNumberText('3/4')!), '0.75');
  assert.equal(formatRational(parseNumberText('twelve')!), '12');
  assert.equal(formatRational(parseNumberText('**42**')!), '42');
  assert.equal(parseNumberText('bloody mess'), undefined);
  assert.equal(parseNumberText('3 apples and 4 pears'), undefined);
});

/** "text=value kind" of each number found. */
const nums = (text: string) => extractNumbers(text).map((n) => `${n.text}=${formatRational(n.value)} ${n.kind}`);

test('a mixed number is one number: "2 1/2", "3½", "3 ½", "2\\frac{1}{2}", with its sign or currency', () => {
  assert.deepEqual(nums('She walked 2 1/2 miles'), ['2 1/2=2.5 mixed']);
  assert.deepEqual(nums('a 3½ inch nail and 3 ½ cups'), ['3½=3.5 mixed', '3 ½=3.5 mixed']);
  assert.deepEqual(nums('weighs 2\\frac{1}{2} pounds'), ['2\\frac{1}{2}=2.5 mixed']);
  assert.deepEqual(nums('It costs $3 3/4, not -2 1/2.'), ['$3 3/4=3.75 mixed', '-2 1/2=-2.5 mixed']);
  assert.equal(extractNumbers('$3 3/4')[0].currency, '$');
  // a vulgar fraction on its own is not read (as before): no digit leads to it
  assert.deepEqual(nums('add ½ cup'), []);
  const text = 'He ran 1 1/2 + 2 = 3 1/2 laps';
  assert.deepEqual(extractNumbers(text).map((n) => text.slice(n.start, n.end)), ['1 1/2', '2', '3 1/2']);
});

test('what only looks like a mixed number stays as it is written', () => {
  // "3 1/2-hour shifts" may be three half-hour shifts: a compound adjective is not merged
  assert.deepEqual(nums('3 1/2-hour shifts'), ['3=3 integer', '1/2=0.5 fraction']);
  assert.deepEqual(nums('a 2 1/2-year-old'), ['2=2 integer', '1/2=0.5 fraction']);
  // dates, labels and references
  assert.deepEqual(nums('on 12/25'), ['12/25=0.48 fraction']);
  assert.deepEqual(nums('born 1 2/3/2020'), ['1=1 integer', '2=2 integer']);
  assert.deepEqual(nums('see page 2 1/2 of the book'), ['2=2 integer', '1/2=0.5 fraction']);
  assert.deepEqual(nums('on 3 1/2 of the days'), ['3=3 integer', '1/2=0.5 fraction']);
  // an improper fraction, a score list, a range
  assert.deepEqual(nums('2 3/2'), ['2=2 integer', '3/2=1.5 fraction']);
  assert.deepEqual(nums('scores 3 1 2'), ['3=3 integer', '1=1 integer', '2=2 integer']);
  assert.deepEqual(nums('1-2 1/2 cups'), ['1=1 integer', '2=2 integer', '1/2=0.5 fraction']);
  assert.deepEqual(nums('2\\frac{5}{2}'), ['2=2 integer', '5=5 integer', '2=2 integer']);
});

test('fractions in words on request: "one and a half", "an hour and a half", "three-quarters"', () => {
  const got = (text: string) => extractNumbers(text, { words: true }).filter((n) => n.text.includes(' ') || n.text.includes('-')).map((n) => `${n.text}=${formatRational(n.value)}`);
  assert.deepEqual(got('one and a half times as many'), ['one and a half=1.5']);
  assert.deepEqual(got('The trip took an hour and a half.'), ['an hour and a half=1.5']);
  assert.deepEqual(got('10 and a quarter'), ['10 and a quarter=10.25']);
  assert.deepEqual(got('three-quarters of the boxes, two thirds of them'), ['three-quarters=0.75', 'two thirds=0.666667…']);
  // a half-eaten pear is not half a pear
  assert.deepEqual(got('5 apples and a half-eaten pear'), []);
});
