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
  assert.deepEqual(got, ['twice=2', 'dozen=12', 'three=3', 'half=0.5']);
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
