import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jsonlRecordAt, jsonArrayRecordAt, fileFormat } from '../../../src/core/preview/recordAt';
import { renderForPreview, applyTrainedRoles } from '../../../src/core/preview/render';
import { checkAnswer } from '../../../src/core/preview/answers';
import { parseJsonArrayFile } from '../../../src/core/jsonl/jsonArray';
import { wordDiff } from '../../../src/core/preview/wordDiff';
import { chatml, llama3 } from '../../../src/core/templates';
import { renderedText } from '../../../src/core/templates/segments';

const reader = (lines: string[]) => ({ lineCount: lines.length, lineText: (i: number) => lines[i] });
const CHAT = [
  '{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is 48 / 2?"},{"role":"assistant","content":"48 / 2 = 24\\n#### 24"}]}',
  '',
  '{"messages":[{"role":"user","content":"Hi"}',
  '[1, 2]',
];
const opts = { tokenizer: 'cl100k_base' as const, trainOnInputs: false, trainedRoles: ['assistant' as const], maxContextTokens: 4096 };

test('the record under the cursor becomes a conversation of the file format', () => {
  const r = jsonlRecordAt(reader(CHAT), 0);
  assert.ok(r.ok);
  assert.equal(r.format.id, 'openai-chat');
  assert.equal(r.conversation.system, 'Be brief.');
  assert.equal(r.conversation.turns.length, 2);
});

test('blank, broken and non-object lines say why there is nothing to preview, with the location', () => {
  const blank = jsonlRecordAt(reader(CHAT), 1);
  assert.ok(!blank.ok && /line 2 is blank/.test(blank.message));
  const broken = jsonlRecordAt(reader(CHAT), 2);
  assert.ok(!broken.ok && /^line 3, column \d+:/.test(broken.message), !broken.ok ? broken.message : '');
  const arr = jsonlRecordAt(reader(CHAT), 3);
  assert.ok(!arr.ok && /line 4 holds an array, not a record/.test(arr.message), !arr.ok ? arr.message : '');
  const outside = jsonlRecordAt(reader(CHAT), 9);
  assert.ok(!outside.ok);
});

test('a configured format wins over detection', () => {
  assert.equal(fileFormat(reader(['{"instruction":"a","output":"b"}']))?.id, 'alpaca');
  assert.equal(fileFormat(reader(['{"instruction":"a","output":"b"}']), 'dolly')?.id, 'dolly');
});

test('a .json array: the element spanning the cursor line', () => {
  const text = '[\n  {"instruction": "Name a color", "input": "", "output": "Blue"},\n  {\n    "instruction": "Count",\n    "input": "to 2",\n    "output": "1, 2"\n  }\n]\n';
  const r = jsonArrayRecordAt(parseJsonArrayFile(text), 4);
  assert.ok(r.ok);
  assert.equal(r.line, 2);
  assert.match(r.conversation.turns[0].content, /Count/);
  assert.ok(!jsonArrayRecordAt(parseJsonArrayFile('{"a":1}'), 0).ok);
});

test('the preview shades only the assistant reply, counts per role add up, pieces rebuild the text', () => {
  const r = jsonlRecordAt(reader(CHAT), 0);
  assert.ok(r.ok);
  const p = renderForPreview(r.conversation, chatml, opts);
  const trainedText = p.segments.filter((s) => s.trained).map((s) => s.text).join('');
  assert.equal(trainedText, '48 / 2 = 24\n#### 24<|im_end|>\n');
  assert.equal(p.trained + p.masked, p.total);
  assert.equal(Object.values(p.byRole).reduce((a, b) => a + b, 0), p.total);
  assert.ok(p.byRole.system > 0 && p.byRole.user > 0 && p.byRole.assistant > 0);
  assert.ok(p.segments.some((s) => s.special && s.text === '<|im_start|>'));
  for (const s of p.segments) {
    assert.ok(s.pieces && s.pieces.length >= 1);
    if (!s.special) assert.equal(s.pieces!.reduce((n, t) => n + t.ids.length, 0), s.tokens);
    assert.equal(s.pieces![0].start, 0);
  }
  assert.equal(p.warning, undefined);
  assert.match(renderForPreview(r.conversation, llama3, { ...opts, maxContextTokens: 5 }).warning ?? '', /over the context length of 5/);
});

test('token pieces keep multi-byte characters whole', () => {
  const conv = { turns: [{ role: 'user' as const, content: 'Café 日本語 🙂', trained: false }, { role: 'assistant' as const, content: 'ok', trained: true }] };
  const p = renderForPreview(conv, chatml, opts);
  const seg = p.segments.find((s) => s.text.includes('日本語'))!;
  const texts = seg.pieces!.map((t, i) => seg.text.slice(t.start, seg.pieces![i + 1]?.start ?? seg.text.length));
  assert.equal(texts.join(''), seg.text);
  assert.ok(texts.every((t) => !t.includes('\uFFFD')));
});

test('train on inputs and per-role training', () => {
  const r = jsonlRecordAt(reader(CHAT), 0);
  assert.ok(r.ok);
  const all = renderForPreview(r.conversation, chatml, { ...opts, trainOnInputs: true });
  assert.equal(all.masked, 0);
  const users = renderForPreview(r.conversation, chatml, { ...opts, trainedRoles: ['user', 'assistant'] });
  assert.ok(users.segments.filter((s) => s.role === 'user').every((s) => s.trained));
  assert.ok(users.segments.filter((s) => s.role === 'system').every((s) => !s.trained));
  const none = applyTrainedRoles(chatml.render(r.conversation), []);
  assert.ok(none.every((s) => !s.trained));
  assert.equal(renderedText(none), renderedText(chatml.render(r.conversation)));
});

test('answers: word diff, final answers and their match', () => {
  const ok = checkAnswer('48 / 2 = 24\n#### 24', 'Half of 48 is 24.\n#### 24');
  assert.equal(ok.final?.comparison, 'match');
  assert.equal(ok.final?.dataset, '24');
  assert.equal(ok.exactMatch, false);
  const bad = checkAnswer('#### 24', 'The answer is 25.');
  assert.equal(bad.final?.comparison, 'mismatch');
  assert.equal(bad.final?.model, '25');
  const none = checkAnswer('#### 24', 'I cannot say, but it is between the two numbers we discussed at length before.');
  assert.equal(none.final?.comparison, 'missing');
  assert.equal(checkAnswer('Paris', ' Paris ').exactMatch, true);
  assert.equal(checkAnswer(undefined, 'x').final, undefined);
  const d = wordDiff('the cat sat', 'the dog sat')!;
  assert.deepEqual(d.filter((p) => p.op !== 'same').map((p) => `${p.op}:${p.text}`), ['dataset:cat', 'model:dog']);
  assert.equal(d.filter((p) => p.op !== 'model').map((p) => p.text).join(''), 'the cat sat');
});

const SHARED = join(__dirname, '..', '..', '..', '..', 'shared', 'datasets');
test('every record of the shared samples renders (skips without ../shared)', { skip: !existsSync(SHARED) }, async () => {
  const { readdirSync, statSync, openSync, readSync, closeSync } = await import('node:fs');
  const find = (d: string): string[] => readdirSync(d).flatMap((x) => (statSync(join(d, x)).isDirectory() ? find(join(d, x)) : x.endsWith('.jsonl') ? [join(d, x)] : []));
  const head = (f: string) => {
    const fd = openSync(f, 'r');
    const buf = Buffer.alloc(256 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    return buf.subarray(0, n).toString('utf8');
  };
  let n = 0;
  for (const f of find(SHARED)) {
    const lines = head(f).split('\n').slice(0, 30);
    for (let i = 0; i < lines.length; i++) {
      const r = jsonlRecordAt(reader(lines), i);
      if (!r.ok) continue;
      const p = renderForPreview(r.conversation, chatml, opts);
      assert.equal(p.trained + p.masked, p.total, `${f}:${i + 1}`);
      n++;
    }
  }
  assert.ok(n > 0);
});

test('a Hugging Face tokenizer.json counts the template specials as its own tokens and gives pieces', async () => {
  const { readFileSync } = await import('node:fs');
  const { hfTokenCounter } = await import('../../../src/core/tokens/index');
  const dir = join(__dirname, '..', '..', 'fixtures', 'tokenizers', 'tiny-bpe');
  const counter = hfTokenCounter(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')), 'tiny-bpe/tokenizer.json');
  const conv = { turns: [{ role: 'user' as const, content: 'hello world', trained: false }, { role: 'assistant' as const, content: 'hello', trained: true }] };
  const p = renderForPreview(conv, chatml, { ...opts, tokenizer: counter });
  assert.equal(p.trained + p.masked, p.total);
  for (const s of p.segments) {
    assert.ok(s.pieces && s.pieces.length >= 1, s.text);
    assert.ok(s.pieces!.every((t, i, a) => i === 0 || t.start >= a[i - 1].start), 'pieces in order');
  }
});
