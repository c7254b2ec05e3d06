import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answersMatch, compareAnswers, extractFinalAnswer } from '../../../src/core/cot/index';

function fa(text: string) {
  const a = extractFinalAnswer(text);
  if (!a) return undefined;
  assert.equal(text.slice(a.start, a.end), a.text, 'offsets point at the answer');
  return `${a.convention}:${a.text}:${a.kind}`;
}

test('every common final-answer convention, with exact offsets', () => {
  assert.equal(fa('48 + 24 = 72 clips.\n#### 72'), 'gsm8k:72:number');
  assert.equal(fa('So 3 + 4 = 7. The final answer is 7.'), 'final-answer-is:7:number');
  assert.equal(fa('Thus 3.5 hours. So the answer is 3.5.'), 'answer-is:3.5:number');
  assert.equal(fa('So 3 + 15 = 18.\nThe answer is: 18'), 'answer-is:18:number');
  assert.equal(fa('Work...\nAnswer: 1,200'), 'answer-colon:1,200:number');
  assert.equal(fa('Hence the area is \\boxed{\\frac{1}{2}}.'), 'boxed:\\frac{1}{2}:number');
  assert.equal(fa('The final answer is $\\boxed{42}$.'), 'final-answer-is:42:number');
  assert.equal(fa('<think>3 + 4</think><answer>7</answer>'), 'answer-tag:7:number');
  assert.equal(fa('1/5 * 5600 = 1120. So the answer is (C).'), 'answer-is:(C):choice');
  assert.equal(fa('Bananas are yellow. So the answer is yes.'), 'answer-is:yes:yesno');
  assert.equal(fa('Blood stains. So the answer is bloody mess.'), 'answer-is:bloody mess:text');
  assert.equal(fa('**Final Answer:** **$1,200.00**'), 'answer-colon:$1,200.00:number');
  assert.equal(fa('500 * 2/25 = 40 sec\nThe answer: (A).'), 'answer-is:(A):choice');
  assert.equal(fa('To find the answer: add them.'), undefined);
});

test('the last final-answer statement wins', () => {
  assert.equal(fa('The answer is 5 for part one.\nThen 5 + 2 = 7.\n#### 7'), 'gsm8k:7:number');
});

test('texts without a final answer', () => {
  assert.equal(fa('Natalia sold 48 / 2 = 24 clips in May.'), undefined);
  assert.equal(fa('To find the answer, add them.'), undefined);
});

test('answersMatch compares by meaning', () => {
  assert.ok(answersMatch('$1,200.00', '1200'));
  assert.ok(answersMatch('1,200', '1200'));
  assert.ok(answersMatch('0.5', '1/2'));
  assert.ok(answersMatch('50%', '50'));
  assert.ok(answersMatch('(B)', 'B'));
  assert.ok(answersMatch('B) 992', '992'));
  assert.ok(answersMatch('yes', 'Yes.'));
  assert.ok(answersMatch('The Bedroom', 'bedroom'));
  assert.ok(!answersMatch('72', '73'));
  assert.ok(!answersMatch('(B)', '(C)'));
  assert.ok(!answersMatch('yes', 'no'));
  assert.equal(compareAnswers('72', 'bedroom'), 'incomparable');
  assert.equal(compareAnswers(extractFinalAnswer('#### 72')!, '72'), 'match');
});

test('"The answer: (D)" right after the last step, without a full stop before it (FLAN AQuA style), is the final answer', () => {
  assert.equal(fa('300/37 = 8 1/10 days The answer: (D).'), 'answer-is:(D):choice');
  assert.equal(fa('The speed of the stream = (34 - 18)/2 = 8 kmph The answer: (D).'), 'answer-is:(D):choice');
  // a lowercase "the answer:" inside a sentence is still not a final-answer statement
  assert.equal(fa('To check it we need the answer: add 3 and 4 first, then multiply by 2'), undefined);
});
