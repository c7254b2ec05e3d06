import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cotRules } from '../../../src/core/rules/cot/index';
import type { FileRule, RecordRule } from '../../../src/core/types';
import { runFileRule, runRule } from './helpers';

/**
 * Hand-made records in styles the accuracy bench does not use (MetaMath "The answer is: N", chat
 * assistant turns with \boxed{} and <think>, FLAN rationale + answer with described quantities,
 * general instructions with dates, times, percents and algebra), with and without one error each.
 */
const lines = readFileSync(path.join(__dirname, '../../fixtures/cot/unseen-styles.jsonl'), 'utf8').split('\n').filter(Boolean);
const defaultOn = cotRules.filter((r) => r.defaultSeverity === 'error' || r.defaultSeverity === 'warning');

test('unseen CoT styles: every injected error is found at its span, clean records stay quiet', () => {
  const got = lines.map((l) => defaultOn.filter((r): r is RecordRule => r.scope === 'record').flatMap((r) => runRule(r, l).map((f) => `${r.id} ${f.covered}`)));
  assert.deepEqual(got, [
    [], // MetaMath, clean
    ['COT003 3 * 12 = 38'], // MetaMath, wrong step (the later steps and the answer follow from it)
    ['COT006 19'], // MetaMath, changed final answer
    [], // chat, LaTeX and \boxed{}, clean
    ['COT006 18'], // chat, \boxed{} contradicts the last step
    [], // <think> block, closed
    ['COT010 <think>'], // <think> never closed
    [], // dates, times, "1,000", "50%", "x = 5" algebra, ranges: nothing to check
    [], // "10 / 3 = $3.33": rounding
    ['COT003 10 / 3 = $3.4'], // wrong rounding
    [], // negatives
    [], // FLAN, described quantities ("24 cans - 14 cans")
    ['COT002 "12"'], // FLAN, answer field changed
    ['COT004 <<5*4=21>>'], // GSM8K, wrong annotation
    [], // "1/2 of 30 students"
    [], // chat, the final answer in a line of its own after "So", clean
    ['COT006 70'], // the same, the boxed answer contradicts the last step
  ]);
  for (const r of defaultOn.filter((x): x is FileRule => x.scope === 'file')) assert.deepEqual(runFileRule(r, lines), [], r.id);
});
