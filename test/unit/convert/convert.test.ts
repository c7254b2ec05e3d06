import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertRecords } from '../../../src/core/convert/convert';
import { getFormat } from '../../../src/core/formats/registry';

const alpaca = getFormat('alpaca')!;
const chat = getFormat('openai-chat')!;
const sharegpt = getFormat('sharegpt')!;

test('alpaca -> openai-chat -> sharegpt -> alpaca keeps instruction, input, output and system', () => {
  const rec = { instruction: 'Translate to French', input: 'The cat sleeps.', output: 'Le chat dort.', system: 'Be exact.' };
  const toChat = convertRecords([{ line: 0, value: rec }], alpaca, 'openai-chat');
  assert.deepEqual(toChat.problems, []);
  const msg = JSON.parse(toChat.lines[0]);
  assert.equal(msg.messages[0].role, 'system');
  assert.equal(msg.messages[msg.messages.length - 1].content, 'Le chat dort.');
  assert.match(msg.messages[1].content, /Translate to French[\s\S]*The cat sleeps\./);
  const toShare = convertRecords([{ line: 0, value: msg }], chat, 'sharegpt');
  const sg = JSON.parse(toShare.lines[0]);
  assert.deepEqual(sg.conversations.map((t: { from: string }) => t.from), ['human', 'gpt']);
  assert.equal(sg.system, 'Be exact.');
  const back = JSON.parse(convertRecords([{ line: 0, value: sg }], sharegpt, 'alpaca').lines[0]);
  assert.equal(back.output, 'Le chat dort.');
  assert.equal(back.system, 'Be exact.');
});

test('multi-turn chats become Alpaca history; records that cannot convert are reported with their line', () => {
  const multi = { messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }, { role: 'assistant', content: 'd' }] };
  const broken = { messages: [{ role: 'assistant', content: 'x' }, { role: 'user', content: 'y' }] };
  const r = convertRecords([{ line: 0, value: multi }, { line: 5, value: broken }], chat, 'alpaca');
  assert.deepEqual(JSON.parse(r.lines[0]), { instruction: 'c', input: '', output: 'd', history: [['a', 'b']] });
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].line, 5);
  assert.match(r.problems[0].message, /alternation/);
});
