/**
 * The CLI end to end on clock times written without a colon ("9 a.m."), h:mm:ss and durations in words:
 * `--format json` points at each wrong result, `--fix` writes the right one, and the fixed file is clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

const fixture = join(__dirname, '../../fixtures/cot/clock-words.jsonl');

async function lint(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(['lint', ...args], { stdout: (s) => (out += s), stderr: () => undefined, cwd, isTTY: false, env: {} });
  return { code, out };
}

interface Diagnostic { ruleId: string; line: number; column: number; endColumn: number; message: string }

test('CLI: wrong "9 a.m." spans, h:mm:ss sums and durations in words are reported and fixed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'instruct-lint-clock-'));
  copyFileSync(fixture, join(dir, 'times.jsonl'));
  const before = readFileSync(join(dir, 'times.jsonl'), 'utf8').split('\n');
  const r = await lint(['--format', 'json', 'times.jsonl'], dir);
  assert.equal(r.code, 1);
  const cot003 = (JSON.parse(r.out) as { files: { diagnostics: Diagnostic[] }[] }).files[0].diagnostics.filter((d) => d.ruleId === 'COT003');
  assert.deepEqual(cot003.map((d) => [d.line, d.message, before[d.line - 1].slice(d.column - 1, d.endColumn - 1)]), [
    [1, 'from 9 a.m. to 5 p.m. is 8 hours, not 7 hours', 'from 9 a.m. to 5 p.m. is 7 hours'],
    [2, '1:30:00 + 0:45:30 is 2:15:30, not 2:16:30', '1:30:00 + 0:45:30 = 2:16:30'],
  ]);
  await lint(['--fix', 'times.jsonl'], dir);
  const after = readFileSync(join(dir, 'times.jsonl'), 'utf8').split('\n');
  assert.ok(after[0].includes('5 p.m. is 8 hours.'), after[0]);
  assert.ok(after[1].includes('1:30:00 + 0:45:30 = 2:15:30.'), after[1]);
  // the right duration in words and the mixed number are left alone
  assert.equal(after[2], before[2]);
  assert.equal(after[3], before[3]);
  const again = await lint(['--format', 'json', 'times.jsonl'], dir);
  assert.deepEqual((JSON.parse(again.out) as { files: { diagnostics: Diagnostic[] }[] }).files[0].diagnostics.filter((d) => d.ruleId === 'COT003'), []);
});
