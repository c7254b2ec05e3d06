import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cotRules } from '../../../src/core/rules/cot/index';
import { missingFinalAnswer } from '../../../src/core/rules/cot/cot001-missing-final-answer';
import { answerFieldMismatch } from '../../../src/core/rules/cot/cot002-answer-field-mismatch';
import { arithmeticMismatch } from '../../../src/core/rules/cot/cot003-arithmetic-mismatch';
import { annotationMismatch } from '../../../src/core/rules/cot/cot004-annotation-mismatch';
import { annotationTextMismatch } from '../../../src/core/rules/cot/cot005-annotation-text-mismatch';
import { finalAnswerNotLastResult } from '../../../src/core/rules/cot/cot006-final-answer-not-last-result';
import { unsupportedQuantity } from '../../../src/core/rules/cot/cot007-unsupported-quantity';
import { stepNumbering } from '../../../src/core/rules/cot/cot008-step-numbering';
import { repeatedStep } from '../../../src/core/rules/cot/cot009-repeated-step';
import { thinkTags } from '../../../src/core/rules/cot/cot010-think-tags';
import { reasoningAfterAnswer } from '../../../src/core/rules/cot/cot011-reasoning-after-answer';
import { answerConvention } from '../../../src/core/rules/cot/cot012-answer-convention';
import type { TextField } from '../../../src/core/types';
import { applyFix, jsonl, makeContext, runFileRule, runRule } from './helpers';

const gsm = (answer: string) => jsonl({ question: 'Natalia sold 48 clips in April and half as many in May. How many altogether?', answer });

test('registry: thirteen COT rules in id order, unique names, docs with examples', () => {
  assert.deepEqual(cotRules.map((r) => r.id), ['COT001', 'COT002', 'COT003', 'COT004', 'COT005', 'COT006', 'COT007', 'COT008', 'COT009', 'COT010', 'COT011', 'COT012', 'COT013']);
  assert.equal(new Set(cotRules.map((r) => r.name)).size, 13);
  for (const r of cotRules) {
    assert.ok(r.docs.rationale.length > 80, r.id);
    for (const line of [...r.docs.bad, ...r.docs.good]) JSON.parse(line);
  }
  assert.equal(unsupportedQuantity.defaultSeverity, 'off');
  assert.equal(answerConvention.defaultSeverity, 'info');
});

test('each record rule reports its bad examples and stays quiet on its good examples', () => {
  for (const r of cotRules) {
    if (r.scope !== 'record') continue;
    for (const line of r.docs.bad) assert.ok(runRule(r, line).length > 0, `${r.id} should report: ${line}`);
    for (const line of r.docs.good) assert.deepEqual(runRule(r, line), [], `${r.id} should accept: ${line}`);
  }
  for (const line of missingFinalAnswer.docs.bad) assert.equal(runFileRule(missingFinalAnswer, [line]).length, 1);
  for (const line of missingFinalAnswer.docs.good) assert.deepEqual(runFileRule(missingFinalAnswer, [line]), []);
});

test('COT003 points at the wrong equation and fixes the result', () => {
  const line = jsonl({ question: 'q', rationale: 'She sold 48 / 2 = 25 clips in May. Then $5 x 3 = $16 total.', answer: '25' });
  const fs = runRule(arithmeticMismatch, line);
  assert.deepEqual(fs.map((f) => [f.message, f.covered, f.field]), [
    ['48 / 2 is 24, not 25', '48 / 2 = 25', '/rationale'],
    ['$5 × 3 is 15, not 16', '$5 x 3 = $16', '/rationale'],
  ]);
  assert.equal(applyFix(line, fs[0]), line.replace('= 25 clips', '= 24 clips'));
  assert.equal(applyFix(line, fs[1]), line.replace('$16', '$15'));
  assert.deepEqual(runRule(arithmeticMismatch, jsonl({ output: 'Each gets 10 / 3 = 3.33 dollars, about 3.3, and 1 hour = 60 minutes.' })), []);
});

test('COT003 maps spans through JSON escapes (newlines, quotes, unicode)', () => {
  const line = jsonl({ question: 'q', rationale: 'Line one "quoted" é.\nSo 3 × 4 = 13.', answer: '13' });
  const [f] = runRule(arithmeticMismatch, line);
  assert.equal(f.covered, '3 × 4 = 13');
  assert.equal(applyFix(line, f), line.replace('= 13.', '= 12.'));
});

test('COT004 wrong annotation: fix replaces the result inside and the repeated number after it', () => {
  const line = gsm('Natalia sold 48/2 = <<48/2=25>>25 clips in May.\nNatalia sold 48+25 = <<48+25=73>>73 clips altogether.\n#### 73');
  const fs = runRule(annotationMismatch, line);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].message, '48 / 2 is 24, not 25');
  assert.equal(fs[0].covered, '<<48/2=25>>');
  assert.equal(applyFix(line, fs[0]), line.replace('<<48/2=25>>25', '<<48/2=24>>24'));
  assert.deepEqual(runRule(annotationMismatch, gsm('Each gets 10/3 = <<10/3=3.33>>3.33.\n#### 3.33')), []);
});

test('COT005 annotation and text disagree: points at the text, fixes it', () => {
  const line = gsm('Natalia sold 48/2 = <<48/2=24>>25 clips in May.\n#### 25');
  const fs = runRule(annotationTextMismatch, line);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].covered, '25');
  assert.match(fs[0].message, /text says 25 but the annotation computes 48 \/ 2 = 24/);
  assert.equal(applyFix(line, fs[0]), line.replace('>>25 clips', '>>24 clips'));
  // "85%" after <<100-15=85>> is the same number with a unit
  assert.deepEqual(runRule(annotationTextMismatch, gsm('That is 100 - 15 = <<100-15=85>>85% of it.\n#### 85')), []);
});

test('COT006 final answer against the last computed result', () => {
  const line = gsm('Today 12 x 2 = <<12*2=24>>24 pages.\nIn total 12 + 24 = <<12+24=36>>36 pages.\n#### 38');
  const fs = runRule(finalAnswerNotLastResult, line);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].covered, '38');
  assert.equal(fs[0].message, 'the final answer is 38, but the last step computes 12 + 24 = 36');
  assert.equal(applyFix(line, fs[0]), line.replace('#### 38', '#### 36'));
  // restating the result, unit changes (dollars -> cents), a number the last step mentions: no finding
  assert.deepEqual(runRule(finalAnswerNotLastResult, gsm('Lee earned 528 + 30 = $<<528+30=558>>558.\nLee earned $558 last week.\n#### 558')), []);
  assert.deepEqual(runRule(finalAnswerNotLastResult, gsm('It is .50-.25 = $<<.50-.25=0.25>>0.25 more per can\n#### 25')), []);
  assert.deepEqual(runRule(finalAnswerNotLastResult, gsm('She reads 42/7 = <<42/7=6>>6 pages per hour, so she needs 7 hours.\n#### 7')), []);
  // an operand of the last computation is no excuse
  assert.equal(runRule(finalAnswerNotLastResult, gsm('She reads 42 pages in 7 hours, 42/7 = <<42/7=6>>6 per hour.\n#### 7')).length, 1);
  // the restatement after the computation carries the error
  assert.equal(runRule(finalAnswerNotLastResult, gsm('So 528 + 30 = $<<528+30=558>>558.\nLee earned $558 last week.\n#### 569')).length, 1);
});

test('COT006 in responses: the final answer in the last line of reasoning, and results the parser cannot compute', () => {
  const meta = (response: string) => jsonl({ query: 'How many?', response });
  // the final answer after a restatement on the same line ("… $558 mowing lawns. The final answer is 565.")
  const same = meta('33 * 16 = $528\n528 + 30 = $558\nLee earned $558 mowing lawns last week. The final answer is 565.');
  assert.deepEqual(runRule(finalAnswerNotLastResult, same).map((f) => f.message), ['the final answer is 565, but the last step computes 528 + 30 = 558']);
  // floor division and algebra: the result the last step writes
  const floor = meta('He eats 2*5 = 10 crackers a night.\n5 boxes have 560 crackers, so they last him 560//10 = 56 nights\nThe answer is: 53');
  const fs = runRule(finalAnswerNotLastResult, floor);
  assert.deepEqual(fs.map((f) => [f.covered, f.message]), [['53', 'the final answer is 53, but the last step ends with the result 56']]);
  assert.equal(applyFix(floor, fs[0]), floor.replace('The answer is: 53', 'The answer is: 56'));
  assert.equal(runRule(finalAnswerNotLastResult, meta('Let x be the games Frankie won.\nThen x+2*x=30, so 3*x=30 and x=10.\nCarla won 2x=20 games.\nThe answer is: 27')).length, 1);
  assert.deepEqual(runRule(finalAnswerNotLastResult, meta('Let x be the games Frankie won.\nThen x+2*x=30, so 3*x=30 and x=10.\nCarla won 2x=20 games.\nThe answer is: 20')), []);
});

test('COT002 answer field against the rationale (FLAN question/rationale/answer)', () => {
  const flan = (rationale: string, answer: string) => jsonl({ question: 'q', answer, rationale });
  const bad = flan('Weng earns 12 / 60 = $0.2 per minute. Working 50 minutes, she earned 0.2 x 50 = $10.', '12');
  const fs = runRule(answerFieldMismatch, bad);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].covered, '"12"');
  assert.equal(fs[0].field, '/answer');
  assert.deepEqual(runRule(answerFieldMismatch, flan('... she earned 0.2 x 50 = $10.', '$10.00')), []);
  assert.equal(runRule(answerFieldMismatch, flan('The claim is false. So the answer is no.', 'yes')).length, 1);
  assert.deepEqual(runRule(answerFieldMismatch, flan('1/5 * 5600 = 1120. So the answer is (C).', 'C')), []);
  assert.deepEqual(runRule(answerFieldMismatch, flan('Marlboro used cowboys in its ads.', 'yes')), []);
});

test('COT002: with no clear last computation, the answer must be a number the reasoning reaches', () => {
  const flan = (rationale: string, answer: string) => jsonl({ question: 'q', answer, rationale });
  const r = 'There were 40 rolls. Combined, they ate 12 + 4 = 16 rolls. There were 40 dinner rolls - 16 that got eaten = 24 dinner rolls leftover.';
  const fs = runRule(answerFieldMismatch, flan(r, '23'));
  assert.deepEqual(fs.map((f) => [f.covered, f.message]), [['"23"', 'the answer field says "23", a number the reasoning never arrives at']]);
  // the answer is mentioned (also up to a unit change, a sign written apart, thousands grouped with spaces)
  assert.deepEqual(runRule(answerFieldMismatch, flan(r, '24')), []);
  assert.deepEqual(runRule(answerFieldMismatch, flan('He has 14 x 25 = 350 cents. He spends 50 cents, and has 300 cents left.', '3')), []);
  assert.deepEqual(runRule(answerFieldMismatch, flan('3N + 6 = - 147. 3N = - 153. The largest number is - 47.', '-47')), []);
  assert.deepEqual(runRule(answerFieldMismatch, flan('The price is $80 000 + $16 000 + $4 000 = $100 000. So it sells for that.', '100000')), []);
  // a single statement does not reason
  assert.deepEqual(runRule(answerFieldMismatch, flan('The bag holds 24 rolls.', '23')), []);
});

test('COT001 missing final answer; the fix appends one in the file\'s convention', () => {
  const ok = (n: number) => gsm(`She has ${n} + 1 = <<${n}+1=${n + 1}>>${n + 1} apples.\nThen ${n + 1} * 2 = <<${n + 1}*2=${2 * (n + 1)}>>${2 * (n + 1)} apples.\n#### ${2 * (n + 1)}`);
  const missing = gsm('Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether.');
  const lines = [ok(1), ok(2), ok(3), missing];
  const fs = runFileRule(missingFinalAnswer, lines);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].line, 3);
  assert.equal(fs[0].covered, 'Natalia sold 48+24 = <<48+24=72>>72 clips altogether.');
  assert.match(fs[0].message, /most records of this file end with "#### N"/);
  assert.equal(applyFix(lines[3], fs[0]), gsm('Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether.\n#### 72'));
  // where only a minority states a final answer, the message says how many do instead of "most records"
  const alp = (n: number, tail: string) => jsonl({ instruction: `Tom has ${n} boxes of 4 pens. How many pens?`, input: '', output: `He has ${n} * 4 = ${4 * n} pens.\nWith one more he has ${4 * n} + 1 = ${4 * n + 1} pens.${tail}` });
  const few = [alp(1, '\nThe answer is 5.'), alp(2, '\nThe answer is 9.'), alp(3, '\nThe answer is 13.'), alp(4, ''), alp(5, ''), alp(6, ''), alp(7, ''), alp(8, '')];
  const minority = runFileRule(missingFinalAnswer, few);
  assert.equal(minority.length, 5);
  assert.match(minority[0].message, /the records of this file that state one \(3 of 8\) use "The answer is N"/);
  assert.doesNotMatch(minority[0].message, /most records/);
  // a record with a separate answer field is not missing one; prose without computations does not reason
  assert.deepEqual(runFileRule(missingFinalAnswer, [jsonl({ question: 'q', rationale: '48 / 2 = 24. 48 + 24 = 72.', answer: '72' })]), []);
  assert.deepEqual(runFileRule(missingFinalAnswer, [jsonl({ instruction: 'Tips?', output: '1. Sleep 8 hours.\n2. Eat 3 meals.' })]), []);
});

test('COT001 in a file of answered responses: an algebra response that stops at its last equation is missing the answer, notes with numbers are not', () => {
  const alp = (output: string) => jsonl({ instruction: 'Solve it.', input: '', output });
  const answered = (n: number) => alp(`He has ${n} * 4 = ${4 * n} pens.\nWith one more he has ${4 * n} + 1 = ${4 * n + 1} pens.\nThe answer is ${4 * n + 1}.`);
  const algebra = alp('Let S be the number of people on the first ship.\nThe second ship had 2S people and the third 4S.\nAll the ships had S + 2S + 4S = 7S = 847 people, so S = 847 / 7 = 121.');
  const notes = alp('The meeting on 2023-10-12 ran from 9:30 to 11:00.\nAbout 1,000 of the 2,000 invited came.');
  const fs = runFileRule(missingFinalAnswer, [answered(1), answered(2), answered(3), algebra, notes]);
  assert.deepEqual(fs.map((f) => f.line), [3]);
  assert.match(fs[0].message, /most records of this file end with "The answer is N"/);
});

test('COT001 without a prevailing convention reports but offers no fix', () => {
  const fs = runFileRule(missingFinalAnswer, [gsm('She sold 48/2 = <<48/2=24>>24.\nThen 48+24 = <<48+24=72>>72.')]);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].fix, undefined);
});

test('COT007 (off by default) flags an operand that comes from nowhere', () => {
  const line = jsonl({ question: 'Tom has 5 apples and buys 3 more. How many?', answer: 'Tom has 5 + 17 = <<5+17=22>>22 apples.\n#### 22' });
  const fs = runRule(unsupportedQuantity, line);
  assert.ok(fs.length >= 1);
  assert.equal(fs[0].covered, '17');
  assert.equal(fs[0].severity, 'info');
  assert.deepEqual(runRule(unsupportedQuantity, jsonl({ question: 'Tom has five apples and buys twice as many. How many?', answer: 'He buys 5 * 2 = <<5*2=10>>10.\nTotal 5 + 10 = <<5+10=15>>15.\n#### 15' })), []);
});

test('COT007 reads a mixed number as one quantity', () => {
  // "1 1/4 cup" in the question supports 1.25 in the reasoning
  assert.deepEqual(runRule(unsupportedQuantity, jsonl({ question: 'She uses 1 1/4 cups of flour per batch. How much for 4 batches?', answer: 'She uses 1.25*4 = <<1.25*4=5>>5 cups.\n#### 5' })), []);
  // "one and a half" in words: the parts of "1 1/2" are known
  assert.deepEqual(runRule(unsupportedQuantity, jsonl({ question: 'She made one and a half times as many as 10. How many?', answer: 'She made 10 * 1 1/2 = 15.\n#### 15' })), []);
  // "3 1/2" is one operand that nothing supports (its parts 3, 1 and 2 are all small counts)
  const fs = runRule(unsupportedQuantity, jsonl({ question: 'A cake needs 2 1/2 cups of sugar. How much for 2 cakes?', answer: 'It needs 3 1/2 * 2 = 7 cups.\n#### 7' }));
  assert.deepEqual(fs.map((f) => f.covered), ['3 1/2']);
  assert.deepEqual(runRule(unsupportedQuantity, jsonl({ question: 'A cake needs 2 1/2 cups of sugar. How much for 2 cakes?', answer: 'It needs 2 1/2 * 2 = 5 cups.\n#### 5' })), []);
});

test('COT002: a mixed number in the reasoning is one number, not its whole part', () => {
  const flan = (rationale: string, answer: string) => jsonl({ question: 'q', answer, rationale });
  const r = 'She walked 5 3/4 miles on Monday and 2 miles on Tuesday. So she walked 7 3/4 miles in all.';
  assert.deepEqual(runRule(answerFieldMismatch, flan(r, '7.75')), []);
  assert.deepEqual(runRule(answerFieldMismatch, flan(r, '7 3/4')), []);
  // "7 3/4" does not mention 3/4 on its own
  assert.deepEqual(runRule(answerFieldMismatch, flan(r, '3/4')).map((f) => f.message), ['the answer field says "3/4", a number the reasoning never arrives at']);
});

test('COT008 step numbering gaps and repeats; the fix renumbers the rest', () => {
  const line = jsonl({ question: 'q', rationale: 'Step 1: 3 + 4 = 7.\nStep 2: 7 × 2 = 14.\nStep 4: 14 - 1 = 13.\nStep 5: done 13.', answer: '13' });
  const fs = runRule(stepNumbering, line);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].message, 'Step numbering jumps from 2 to 4');
  assert.equal(fs[0].covered, '4');
  assert.equal(applyFix(line, fs[0]), line.replace('Step 4', 'Step 3').replace('Step 5', 'Step 4'));
  const rep = runRule(stepNumbering, jsonl({ output: '1. Add: 3 + 4 = 7\n2. Double: 7 × 2 = 14\n2. Subtract: 14 - 1 = 13' }));
  assert.equal(rep[0].message, 'item 2 is numbered twice');
  // a list that restarts at 1 is a new list
  assert.deepEqual(runRule(stepNumbering, jsonl({ output: '1. a 3 + 4 = 7\n2. b 7 × 2 = 14\nNow another:\n1. c 5\n2. d 6' })), []);
  // a general response that does not compute (a list of tips) is not reasoning
  assert.deepEqual(runRule(stepNumbering, jsonl({ output: '1. Sleep 8 hours\n2. Eat well\n4. Walk' })), []);
});

test('COT009 repeated step (fix deletes the copy) and empty step', () => {
  const line = gsm('Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips.\n#### 72');
  const fs = runRule(repeatedStep, line);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].message, 'this step repeats step 1 word for word');
  assert.equal(applyFix(line, fs[0]), gsm('Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips.\n#### 72'));
  const empty = runRule(repeatedStep, jsonl({ question: 'q', rationale: 'Step 1: 3 + 4 = 7.\nStep 2:\nStep 3: 7 × 2 = 14.', answer: '14' }));
  assert.deepEqual(empty.map((f) => [f.message, f.covered]), [['Step 2 is empty', 'Step 2:']]);
});

test('COT009: lines of the same length that differ only in a few digits are different steps; a repeat, in any case, is still found', () => {
  // the line pass fingerprints 8 sampled characters of each line: these pairs share length and samples
  const a = 'Then Joy has 548+31 = <<548+31=579>>579 books after that step.';
  const b = 'Then Joy has 579+31 = <<579+31=610>>610 books after that step.';
  assert.equal(a.length, b.length);
  assert.deepEqual(runRule(repeatedStep, gsm(`${a}\n${b}\n#### 610`)), []);
  for (const copy of [a, a.toUpperCase(), a.toLowerCase()]) {
    const fs = runRule(repeatedStep, gsm(`${a}\n${copy}\n#### 579`));
    assert.deepEqual(fs.map((f) => f.message), ['this step repeats step 1 word for word'], copy);
  }
});

test('COT009 a repeated last step that also states the final answer: the repeat is reported and deleted, the answer kept', () => {
  const alpaca = (output: string) => jsonl({ instruction: 'How many pages?', input: '', output });
  const steps = 'There are 120 - 36 = 84 pages left.\nShe reads half of them, 84/2 = 42 pages.\nShe reads half of them, 84/2 = 42 pages.';
  const line = alpaca(`${steps} The final answer is 42.`);
  const fs = runRule(repeatedStep, line);
  assert.deepEqual(fs.map((f) => [f.message, f.covered]), [['this step repeats step 2 word for word', 'She reads half of them, 84/2 = 42 pages.']]);
  assert.equal(applyFix(line, fs[0]), alpaca('There are 120 - 36 = 84 pages left.\nShe reads half of them, 84/2 = 42 pages. The final answer is 42.'));
  // no full stop before a capital "The final answer"
  assert.equal(runRule(repeatedStep, alpaca('There are 120 - 36 = 84 pages left\nShe reads 84/2 = 42 pages\nShe reads 84/2 = 42 pages The final answer is 42.')).length, 1);
  // the same sentence before and after the final answer's lead-in is not a repeat
  assert.deepEqual(runRule(repeatedStep, alpaca('There are 120 - 36 = 84 pages left.\nShe reads half of them, 84/2 = 42 pages. The final answer is 42.')), []);
});

const chat = (content: string) => jsonl({ messages: [{ role: 'user', content: 'What is 3 + 4?' }, { role: 'assistant', content }] });

test('COT010 think tags: unclosed, stray, nested; chat assistant turns are reasoning texts', () => {
  assert.deepEqual(runRule(thinkTags, chat('<think>3 + 4 = 7. The answer is 7.')).map((f) => [f.covered, f.field]), [['<think>', '/messages/1/content']]);
  assert.match(runRule(thinkTags, chat('3 + 4 = 7.</think>The answer is 7.'))[0].message, /without an opening/);
  assert.match(runRule(thinkTags, chat('<think>a<think>b</think></think>7'))[0].message, /opened again/);
  assert.deepEqual(runRule(thinkTags, chat('<think>3 + 4 = 7.</think>The answer is 7.')), []);
});

test('chat format: fields come from the format\'s text-field roles when there is a format', () => {
  const line = chat('<think>3 + 4 = 8</think> The answer is 8.');
  const fields: TextField[] = [
    { pointer: '/messages/0/content', role: 'prompt', text: 'What is 3 + 4?', turn: 0, turnRole: 'user' },
    { pointer: '/messages/1/content', role: 'response', text: '<think>3 + 4 = 8</think> The answer is 8.', turn: 1, turnRole: 'assistant' },
  ];
  const format = { id: 'openai-chat' } as never;
  const fs = runRule(arithmeticMismatch, line, { format, textFields: fields });
  assert.deepEqual(fs.map((f) => [f.message, f.covered]), [['3 + 4 is 7, not 8', '3 + 4 = 8']]);
});

test('config cot pointers choose the fields', () => {
  const line = jsonl({ problem: 'q', work: 'So 3 + 4 = 8.', final: '8' });
  assert.deepEqual(runRule(arithmeticMismatch, line), []);
  const fs = runRule(arithmeticMismatch, line, { options: { cot: { question: '/problem', rationale: '/work', answer: '/final' } } });
  assert.equal(fs[0].covered, '3 + 4 = 8');
});

test('COT011 reasoning after the final answer', () => {
  const line = gsm('She has 3 + 4 = <<3+4=7>>7 apples.\n#### 7\nWait, she also gets 2 more, so 7 + 2 = 9 apples in total.');
  const fs = runRule(reasoningAfterAnswer, line);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].covered, 'Wait, she also gets 2 more, so 7 + 2 = 9 apples in total.');
  assert.deepEqual(runRule(reasoningAfterAnswer, jsonl({ instruction: 'q', output: '3 + 4 = 7. The answer is 7. I hope this helps!' })), []);
});

test('COT012 reports records whose convention differs from the file\'s', () => {
  const lines = [1, 2, 3, 4, 5].map((n) => gsm(`${n} + 1 = <<${n}+1=${n + 1}>>${n + 1}\n#### ${n + 1}`));
  lines.push(gsm('3 + 4 = <<3+4=7>>7.\nThe answer is 7.'));
  const fs = runFileRule(answerConvention, lines);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].line, 5);
  assert.equal(fs[0].covered, 'The answer is 7.');
  assert.match(fs[0].message, /written as "The answer is N"; 83 % of the records with a final answer use "#### N"/);
  assert.deepEqual(runFileRule(answerConvention, lines.slice(2)), [], 'too few records to call a convention prevailing');
});

test('general instruction data: songs, code, recipes and format strings are not reasoning errors', () => {
  const song = jsonl({ instruction: 'Write a song.', output: 'Verse 1\nWe walk the line tonight\n(Chorus)\nDreams are made of light and sound\nVerse 2\nThe road is long\n(Chorus)\nDreams are made of light and sound' });
  assert.deepEqual(runRule(repeatedStep, song), []);
  const code = jsonl({ instruction: 'Add two numbers in C#.', output: 'System.Console.WriteLine("{0} + {1} = {2}", a, b, a + b);' });
  assert.deepEqual(runRule(arithmeticMismatch, code), []);
  const recipe = jsonl({ instruction: 'A stir-fry recipe', output: 'A quick dish.\n\n#### Ingredients:\n\n- 1 tablespoon oil\n- 2 cups of broccoli and carrots, chopped into small pieces for the pan' });
  assert.deepEqual(runRule(reasoningAfterAnswer, recipe), []);
  // an alpaca response that computes without a final-answer line, in a file where that is normal
  const mathy = jsonl({ instruction: 'Add three multiplication facts.', input: '', output: '10 x 6 = 60\n11 x 8 = 88\n12 x 5 = 60' });
  const prose = (i: number) => jsonl({ instruction: `Tip ${i}`, input: '', output: 'Sleep well and drink water.' });
  assert.deepEqual(runFileRule(missingFinalAnswer, [mathy, prose(1), prose(2)]), []);
  // ... but in a file of worked solutions (GSM8K repackaged as alpaca) the missing answers are reported
  const worked = (n: number) => jsonl({ instruction: `Problem ${n}`, input: '', output: `She has ${n} + 2 = ${n + 2} apples.\nThen ${n + 2} * 3 = ${3 * (n + 2)} apples.` });
  assert.equal(runFileRule(missingFinalAnswer, [worked(1), worked(2), prose(3)]).length, 2);
});

test('MetaMath-style and chat-format records (no format known: fields by key names)', () => {
  const meta = jsonl({ query: 'Tom has 3 boxes of 5 apples and buys 3 more. How many?', response: 'He has 3 * 5 = 15 apples.\nThen 15 + 3 = 18.\nThe answer is: 19' });
  const fs = runRule(finalAnswerNotLastResult, meta);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].covered, '19');
  assert.equal(applyFix(meta, fs[0]), meta.replace('The answer is: 19', 'The answer is: 18'));
  const sharegpt = jsonl({ conversations: [{ from: 'human', value: 'What is 3 x 4 + 1?' }, { from: 'gpt', value: 'First 3 x 4 = 12, then 12 + 1 = 14. The answer is 14.' }] });
  const f2 = runRule(arithmeticMismatch, sharegpt);
  assert.deepEqual(f2.map((f) => [f.message, f.covered, f.field]), [['12 + 1 is 13, not 14', '12 + 1 = 14', '/conversations/1/value']]);
  const box = jsonl({ problem: 'Compute 1/2 + 1/4.', solution: 'We have $\\frac{1}{2} + \\frac{1}{4} = \\frac{3}{4}$, so the answer is $\\boxed{\\frac{3}{5}}$.' });
  assert.equal(runRule(finalAnswerNotLastResult, box)[0]?.message, 'the final answer is \\frac{3}{5}, but the last step computes (1 / 2) + (1 / 4) = \\frac{3}{4}');
});

test('file rules forget removed records (incremental editing)', () => {
  const lines = [1, 2, 3, 4, 5].map((n) => gsm(`${n} + 1 = <<${n}+1=${n + 1}>>${n + 1}\n#### ${n + 1}`));
  lines.push(gsm('3 + 4 = <<3+4=7>>7.\nThe answer is 7.'));
  const env = { options: { ...answerConvention.defaultOptions }, format: undefined, file: { detection: { format: undefined, confidence: 0, mixed: false, shares: [], sampled: 0 }, blankLines: [], lineCount: lines.length, bom: false, eol: 'lf' as const, lineText: () => '' } };
  const state = answerConvention.create(env);
  const entries = lines.map((l, i) => {
    const ctx = makeContext(l, { line: i, options: env.options });
    state.add(ctx.record, ctx);
    return ctx.record;
  });
  assert.equal(state.findings().length, 1);
  // remove three "####" records: 2 of 3 remaining use it (67 % < 80 %): no prevailing convention
  for (const e of entries.slice(0, 3)) state.remove(e);
  assert.deepEqual(state.findings(), []);
  // removing the outlier record drops its finding too
  const s2 = answerConvention.create(env);
  const es = lines.map((l, i) => {
    const ctx = makeContext(l, { line: i, options: env.options });
    s2.add(ctx.record, ctx);
    return ctx.record;
  });
  s2.remove(es[5]);
  assert.deepEqual(s2.findings(), []);
});

test('COT002: a last sentence that restates the result next to quantities of the question', () => {
  const flan = (rationale: string, answer: string) => jsonl({ question: 'Three people lost weight: 17.5, 52.5 and 19 pounds. The 3 people lost how much?', answer, rationale });
  const r = 'Total = 17.5 + 52.5 + 19 = 89 pounds. The 3 people lost a total of 89 pounds.';
  assert.deepEqual(runRule(answerFieldMismatch, flan(r, '89')), []);
  assert.equal(runRule(answerFieldMismatch, flan(r, '98')).length, 1);
  // a last sentence that computes something else in words is not a restatement
  assert.deepEqual(runRule(answerFieldMismatch, flan('Total = 17.5 + 52.5 + 19 = 89 pounds. Each of the 3 lost 89 divided by 3 pounds.', '29.67')), []);
});

test('COT008 and COT010 pre-checks: labels and tags are found wherever the rules look', () => {
  const steps = (t: string) => runRule(stepNumbering, jsonl({ question: 'q', rationale: t, answer: '1' })).map((f) => f.message);
  assert.deepEqual(steps('Step 1: 2 + 2 = 4.\nStep 3: 4 + 1 = 5.'), ['Step numbering jumps from 1 to 3']);
  assert.deepEqual(steps('STEP 1: 2 + 2 = 4.\nSTEP 2: 4 + 1 = 5.\nSTEP 2: 5 + 1 = 6.'), ['Step 2 is numbered twice']);
  assert.deepEqual(steps('1. 2 + 2 = 4\n\t3. 4 + 1 = 5'), ['item numbering jumps from 1 to 3']);
  assert.deepEqual(steps('**1.** 2 + 2 = 4\n**2.** 4 + 1 = 5'), []);
  assert.deepEqual(steps('We take 1234. apples and after that step 3 more.'), []);
  const think = (t: string) => runRule(thinkTags, jsonl({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: t }] })).length;
  assert.equal(think('<think>2 + 2 = 4, so 4'), 1);
  assert.equal(think('<THINK>2 + 2 = 4</THINK> 4'), 0);
  assert.equal(think('2 + 2 = 4</think> 4'), 1);
  assert.equal(think('I think> so. 2 + 2 = 4'), 0);
});
