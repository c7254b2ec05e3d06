import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSteps, stepContent } from '../../../src/core/cot/index';

test('lines, "Step N:" labels (several per line) and numbered lists', () => {
  const text = 'Step 1: add.\nStep 2: multiply. Step 4: done\n1. first\n2) second';
  const steps = splitSteps(text);
  assert.deepEqual(steps.map((s) => s.text), ['Step 1: add.', 'Step 2: multiply.', 'Step 4: done', '1. first', '2) second']);
  assert.deepEqual(steps.map((s) => s.label && `${s.label.kind}${s.label.num}`), ['step1', 'step2', 'step4', 'list1', 'list2']);
  for (const s of steps) assert.equal(text.slice(s.start, s.end), s.text);
  const l = steps[2].label!;
  assert.equal(text.slice(l.start, l.end), '4');
});

test('a one-paragraph rationale splits into sentences, not at decimals or abbreviations', () => {
  const text = 'Weng earns 12 / 60 = $0.2 per minute. Working 50 minutes, she earned 0.2 x 50 = $10. Mr. Smith agrees.';
  assert.deepEqual(splitSteps(text).map((s) => s.text), ['Weng earns 12 / 60 = $0.2 per minute.', 'Working 50 minutes, she earned 0.2 x 50 = $10.', 'Mr. Smith agrees.']);
});

test('a literal "\\n" escape is a line break; empty labelled steps have no content', () => {
  const text = '1/7:1/7 = 2:2\\n1/5*5600 = 1120\\nStep 3:';
  const steps = splitSteps(text);
  assert.deepEqual(steps.map((s) => s.text), ['1/7:1/7 = 2:2', '1/5*5600 = 1120', 'Step 3:']);
  assert.equal(stepContent(text, steps[2]), '');
});
