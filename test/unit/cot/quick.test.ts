import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fastEval, quickEval, quickScan } from '../../../src/core/cot/quick';

test('fastEval gives exactly what quickEval gives, on the common shapes and on the rest', () => {
  const cases = ['24', ' 48*3 ', '48 / 2', '1,200.5-0.5', '.5+.25', '10/3', '2**3', '2^3', '-5', '(2+3)', '2+3*4', '1..2', ',', '3 x 4', '4*', '5 - - 3', '7 ='];
  for (const s of cases) {
    for (const tail of ['', '=', '>', '*', '-', '^', '%']) {
      const text = s + tail;
      assert.ok(Object.is(fastEval(text, 0, s.length), quickEval(text, 0, s.length)), JSON.stringify(text));
    }
  }
  // a seeded sweep over short strings of digits and operators
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alphabet = '0123456789 .,+-*/^()=>';
  for (let k = 0; k < 20000; k++) {
    let text = '';
    for (let i = 0, n = 2 + Math.floor(rnd() * 9); i < n; i++) text += rnd() < 0.6 ? String(Math.floor(rnd() * 10)) : alphabet[Math.floor(rnd() * alphabet.length)];
    const to = 1 + Math.floor(rnd() * (text.length - 1));
    assert.ok(Object.is(fastEval(text, 0, to), quickEval(text, 0, to)), `${JSON.stringify(text)} to ${to}`);
  }
});

test('quickScan: clean annotations pass, slips and unusual shapes go to the exact path', () => {
  assert.equal(quickScan('She sold 48/2 = <<48/2=24>>24 clips.\nThen 48+24 = <<48+24=72>>72.\n#### 72').annotationsOk, true);
  assert.equal(quickScan('She sold 48/2 = <<48/2=25>>25 clips.').annotationsOk, false);
  assert.equal(quickScan('She sold <<48/2=24>>25 clips.').annotationsOk, false);
  assert.equal(quickScan('It is <<100-15=85>>85% off.').annotationsOk, false);
  assert.equal(quickScan('Each gets 10/3 = $<<10/3=3.33>>3.33.').annotationsOk, true);
  assert.equal(quickScan('6*2.5 = <<6*3=18>>18').annotatedInlineDiffers, true);
  assert.equal(quickScan('6 x 3 = $<<6*3=18>>18').annotatedInlineDiffers, false);
  // worded equations are always handed on ("equals" found through its rare "q")
  assert.deepEqual([quickScan('30 plus 28 equals 58').freeEquals, quickScan('30 plus 28 equals 58').lastFreeEquals], [true, 10]);
  assert.equal(quickScan('a = 1 and 2 equals 2 and 3 equals 3').lastFreeEquals, 26);
});
