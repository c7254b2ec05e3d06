/**
 * COT rules end to end through the lint engine (lintText): real contexts, real locator, real
 * format detection. Skipped while the engine's modules (formats, jsonl) are not in the tree yet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, LintResult } from '../../../src/core/types';
import type { EngineOptions } from '../../../src/core/lint';

type LintText = (text: string, options?: EngineOptions) => LintResult;

async function engine(): Promise<LintText | undefined> {
  try {
    const mod = (await import('../../../src/core/lint.js')) as { lintText?: LintText };
    if (typeof mod.lintText !== 'function') return undefined;
    mod.lintText('{"a":1}\n');
    return mod.lintText;
  } catch {
    return undefined;
  }
}

/** Applies the single-line edits of a finding's fix to the text (JSONL: one record per line). */
function applyFix(text: string, f: Finding): string {
  const lines = text.split('\n');
  const edits = [...(f.fix?.edits ?? [])].sort((a, b) => (b.line ?? f.line) - (a.line ?? f.line) || b.startColumn - a.startColumn);
  for (const e of edits) {
    const l = e.line ?? f.line;
    lines[l] = lines[l].slice(0, e.startColumn) + e.text + lines[l].slice(e.endColumn);
  }
  return lines.join('\n');
}

const gsm = (answer: string) => JSON.stringify({ question: 'Natalia sold 48 clips in April and half as many in May. How many altogether?', answer });

test('GSM8K file: a wrong annotation is found at its exact span and the fix repairs it', async (t) => {
  const lintText = await engine();
  if (!lintText) return t.skip('the lint engine is not available in this tree yet');
  const text = [
    gsm('Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether.\n#### 72'),
    gsm('Natalia sold 48/2 = <<48/2=25>>25 clips in May.\nNatalia sold 48+25 = <<48+25=73>>73 clips altogether.\n#### 73'),
    '',
  ].join('\n');
  const r = lintText(text, { path: 'train.jsonl' });
  const f = r.findings.find((x) => x.ruleId === 'COT004');
  assert.ok(f, JSON.stringify(r.findings, null, 1));
  assert.equal(f.line, 1);
  assert.equal(text.split('\n')[1].slice(f.startColumn, f.endColumn), '<<48/2=25>>');
  assert.equal(f.message, '48 / 2 is 24, not 25');
  const fixed = applyFix(text, f);
  assert.ok(fixed.includes('<<48/2=24>>24 clips in May'));
  assert.ok(!lintText(fixed, { path: 'train.jsonl' }).findings.some((x) => x.ruleId === 'COT004'));
});

test('config cot pointers reach the rules through the engine', async (t) => {
  const lintText = await engine();
  if (!lintText) return t.skip('the lint engine is not available in this tree yet');
  const text = `${JSON.stringify({ problem: 'q', work: 'So 3 + 4 = 8.', final: '8' })}\n`;
  const r = lintText(text, { path: 'x.jsonl', config: { cot: { question: '/problem', rationale: '/work', answer: '/final' } } });
  const f = r.findings.find((x) => x.ruleId === 'COT003');
  assert.ok(f, JSON.stringify(r.findings, null, 1));
  assert.equal(text.slice(f.startColumn, f.endColumn), '3 + 4 = 8');
});

test('FLAN-style file: an algebra slip is found by COT013 at the equation, consistent algebra is not', async (t) => {
  const lintText = await engine();
  if (!lintText) return t.skip('the lint engine is not available in this tree yet');
  const rec = (rationale: string) => JSON.stringify({ question: 'Tom bought 4 shirts and a $12 hat for $63. How much was one shirt?', rationale, answer: '12.75' });
  const lines = [rec('Let x be the price of a shirt. 4x + 12 = 63. So 4x = 51 and x = 12.75.'), rec('Let x be the price of a shirt. 4x + 12 = 64. So 4x = 51 and x = 12.75.')];
  const res = lintText(lines.join('\n') + '\n');
  const algebra = res.findings.filter((f) => f.ruleId === 'COT013');
  assert.deepEqual(algebra.map((f) => [f.line, lines[f.line].slice(f.startColumn, f.endColumn), f.severity]), [[1, '4x + 12 = 64', 'warning']]);
  assert.match(algebra[0].message, /gives x = 13, but two other equations give x = 12\.75/);
});
