import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RowModel, filterLines, clip } from '../../../src/core/edit/rowModel';

const src = (lines: string[]) => ({ lineCount: lines.length, lineText: (i: number) => lines[i] });

test('alpaca file: columns from the format, rows parsed on demand, broken and blank lines kept as raw rows', () => {
  const lines = [
    '{"instruction": "Add", "input": "2+2", "output": "4\\nDone"}',
    '{"instruction": "Say hi", "input": "", "output": "Hi"',
    '',
    '{"instruction": "Caf\\u00e9?", "input": "", "output": "Oui"}',
    '',
  ];
  const m = new RowModel(src(lines));
  assert.equal(m.formatInfo?.id, 'alpaca');
  assert.deepEqual(m.columns().map((c) => c.label).slice(0, 3), ['Instruction', 'Input', 'Output']);
  assert.equal(m.rowCount, 4, 'the empty line after the final newline is not a row');
  assert.deepEqual(m.row(0).cells.slice(0, 3), ['Add', '2+2', '4 ⏎ Done']);
  const broken = m.row(1);
  assert.equal(broken.kind, 'broken');
  assert.equal(broken.cells[0], lines[1]);
  assert.ok(broken.error && broken.error.length > 0);
  assert.equal(m.row(2).kind, 'blank');
  assert.ok(m.matches(3, 'café', ''), 'search sees decoded \\u escapes');
  assert.ok(!m.matches(3, 'caf\\u', ''), 'and not the escape text');
  assert.ok(m.matches(0, 'done', '/output') && !m.matches(0, 'done', '/instruction'));
});

test('chat file: first user turn, last assistant turn, turn count', () => {
  const m = new RowModel(src(['{"messages": [{"role": "system", "content": "S"}, {"role": "user", "content": "Q1"}, {"role": "assistant", "content": "A1"}, {"role": "user", "content": "Q2"}, {"role": "assistant", "content": "A2"}]}']));
  assert.equal(m.formatInfo?.id, 'openai-chat');
  const cols = m.columns().map((c) => c.label);
  const row = m.row(0).cells;
  assert.equal(row[cols.indexOf('First user turn')], 'Q1');
  assert.equal(row[cols.indexOf('Last assistant turn')], 'A2');
  assert.equal(row[cols.indexOf('Turns')], '5');
});

test('an edited line is re-parsed (the cache is keyed by text)', () => {
  const lines = ['{"text": "a"}'];
  const m = new RowModel(src(lines));
  assert.equal(m.row(0).kind, 'record');
  lines[0] = '{"text": ';
  assert.equal(m.row(0).kind, 'broken');
});

test('filterLines finds every match across slices and stops when aborted', async () => {
  const keep = (i: number) => i % 3 === 0;
  const all = await filterLines(10_000, keep, { sliceMs: 0 });
  assert.equal(all?.length, 3334);
  const ac = new AbortController();
  let progress = 0;
  const res = await filterLines(1_000_000, keep, { signal: ac.signal, sliceMs: 1, onProgress: (d) => { progress = d; ac.abort(); } });
  assert.equal(res, undefined);
  assert.ok(progress < 1_000_000);
});

test('long cells are clipped to one line', () => {
  const c = clip('x'.repeat(1000));
  assert.ok(c.length <= 240 && c.endsWith('…'));
});
