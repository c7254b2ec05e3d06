/** File- and record-level format detection: specificity, mixed files, samples, unseen variants. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat, detectRecordFormat } from '../../../src/core/formats/detect';
import { getFormat } from '../../../src/core/formats/registry';
import { fixture } from './helpers';

test('specificity: CoT content in an alpaca file stays alpaca; dolly, kto and preference beat their look-alikes', () => {
  assert.equal(detectRecordFormat({ instruction: 'How many?', input: '', output: '48/2 = 24\n#### 72' }), 'alpaca');
  assert.equal(detectRecordFormat({ instruction: 'Q', context: 'C', response: 'R' }), 'dolly');
  assert.equal(detectRecordFormat({ instruction: 'Q', response: 'R' }), 'dolly', 'instruction/response without input is Dolly without context');
  assert.equal(detectRecordFormat({ instruction: 'Q', input: 'I', response: 'R' }), 'alpaca', 'instruction/input/response is alpaca (GPTeacher)');
  const chat = [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }];
  assert.equal(detectRecordFormat({ messages: chat }), 'openai-chat');
  assert.equal(detectRecordFormat({ messages: chat, label: true }), 'kto');
  assert.equal(detectRecordFormat({ messages: chat, label: 1 }), 'openai-chat', 'a non-boolean label is not KTO');
  assert.equal(detectRecordFormat({ prompt: 'p', completion: 'c', label: false }), 'kto');
  assert.equal(detectRecordFormat({ prompt: 'p', completion: 'c' }), 'prompt-completion');
  assert.equal(detectRecordFormat({ instruction: 'i', input: '', output: 'o', kto_tag: false }), 'kto');
  assert.equal(detectRecordFormat({ instruction: 'i', input: '', chosen: 'a', rejected: 'b' }), 'preference');
  assert.equal(detectRecordFormat({ conversations: [{ from: 'human', value: 'q' }], chosen: { from: 'gpt', value: 'a' }, rejected: { from: 'gpt', value: 'b' } }), 'preference');
  assert.equal(detectRecordFormat({ prompt: 'p', chosen: 'a', rejected: 'b' }), 'preference');
  assert.equal(detectRecordFormat({ messages: chat, chosen: chat, rejected: chat, prompt: 'a' }), 'preference');
  assert.equal(detectRecordFormat({ instruction: 'i', input: '', output: 'o', text: 'rendered prompt' }), 'alpaca');
  assert.equal(detectRecordFormat({ question: 'q', answer: 'Step one: 2+2 = 4.\n#### 4' }), 'cot');
  assert.equal(detectRecordFormat({ message_id: 'm', parent_id: null, text: 't', role: 'prompter' }), 'oasst', 'an OASST row is not a text record');
  assert.equal(detectRecordFormat({ text: 't', label: 0 }), 'text');
});

test('the turn shape decides between ShareGPT and OpenAI chat, whatever the list is called', () => {
  assert.equal(detectRecordFormat({ messages: [{ from: 'human', value: 'a' }, { from: 'gpt', value: 'b' }] }), 'sharegpt');
  assert.equal(detectRecordFormat({ conversations: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }] }), 'sharegpt');
  assert.equal(detectRecordFormat({ conversation: [{ from: 'human', value: 'a' }] }), 'sharegpt');
  assert.equal(detectRecordFormat({ messages: [] }), 'openai-chat');
});

test('never seen variants are still recognised', () => {
  // OpenAI chat with content-part arrays only
  assert.equal(detectRecordFormat({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }, { role: 'assistant', content: [{ type: 'text', text: 'yo' }] }] }), 'openai-chat');
  // ShareGPT with a top-level system key and tools
  assert.equal(detectRecordFormat({ system: 'Be nice.', tools: '[]', conversations: [{ from: 'human', value: 'a' }, { from: 'gpt', value: 'b' }] }), 'sharegpt');
  // alpaca with empty input, no input at all, or a typo in "output"
  assert.equal(detectRecordFormat({ instruction: 'i', input: '', output: '' }), 'alpaca');
  assert.equal(detectRecordFormat({ instruction: 'i', output: 'o' }), 'alpaca');
  assert.equal(detectRecordFormat({ instruction: 'i', input: '', ouput: 'o' }), 'alpaca', 'a typo still names the format so the unknown-key rule can help');
  // dolly without category
  assert.equal(detectRecordFormat({ instruction: 'i', context: '', response: 'r' }), 'dolly');
  // FLAN without metadata, MATH, MetaMathQA, CoT-Collection
  assert.equal(detectRecordFormat({ inputs: 'x', targets: 'y' }), 'flan');
  assert.equal(detectRecordFormat({ problem: 'p', solution: 's', level: 'Level 2', type: 'Algebra' }), 'cot');
  assert.equal(detectRecordFormat({ query: 'q', response: 'step. The answer is: 4', type: 'GSM_Rephrased' }), 'cot');
  assert.equal(detectRecordFormat({ source: 'q', rationale: 'r', target: 't', task: 'x' }), 'cot');
  // OASST tree without tree_state
  assert.equal(detectRecordFormat({ message_tree_id: 't', prompt: { text: 'x', role: 'prompter', replies: [] } }), 'oasst');
  // KTO in ShareGPT shape, HH-RLHF pair without prompt
  assert.equal(detectRecordFormat({ conversations: [{ from: 'human', value: 'a' }, { from: 'gpt', value: 'b' }], label: false }), 'kto');
  assert.equal(detectRecordFormat({ chosen: '\n\nHuman: a\n\nAssistant: b', rejected: '\n\nHuman: a\n\nAssistant: c' }), 'preference');
});

test('records that fit no format give undefined', () => {
  for (const r of [{}, { foo: 1 }, { $schema: 'x', type: 'array', items: {} }, { file_name: 'a.json', formatting: 'sharegpt' }, null, 'a string', 3, [1, 2]]) {
    assert.equal(detectRecordFormat(r), undefined, JSON.stringify(r));
  }
  assert.deepEqual(detectFormat([]), { format: undefined, confidence: 0, mixed: false, shares: [], sampled: 0 });
  const strings = detectFormat(['How do I bake bread?', 'What is a prime?']);
  assert.equal(strings.format, undefined, 'bare JSON strings are not records of any format');
  assert.equal(strings.sampled, 0);
  const registry = detectFormat([{ identity: { file_name: 'identity.json' }, alpaca_en_demo: { file_name: 'alpaca_en_demo.json' } }]);
  assert.equal(registry.format, undefined);
  assert.equal(registry.confidence, 0);
  assert.equal(registry.sampled, 1);
});

test('a mixed file names the majority format, flags mixed and reports every share', () => {
  const alpaca = fixture('alpaca.jsonl').slice(0, 2);
  const chat = fixture('openai-chat.jsonl').slice(0, 1);
  const records = [...alpaca, ...alpaca, ...alpaca, ...alpaca, ...chat, ...chat]; // 8 alpaca, 2 chat
  const d = detectFormat(records);
  assert.equal(d.format, 'alpaca');
  assert.equal(d.mixed, true);
  assert.equal(d.sampled, 10);
  assert.deepEqual(d.shares, [{ format: 'alpaca', share: 0.8 }, { format: 'openai-chat', share: 0.2 }]);
  assert.ok(Math.abs(d.confidence - 0.8) < 1e-9, `confidence ${d.confidence}`);
});

test('one stray record is not "mixed"; unmatched records lower confidence', () => {
  const alpaca = fixture('alpaca.jsonl').slice(0, 2);
  const records: unknown[] = [];
  for (let i = 0; i < 15; i++) records.push(...alpaca);
  records.push({ text: 'stray' });
  const d = detectFormat(records);
  assert.equal(d.format, 'alpaca');
  assert.equal(d.mixed, false, 'a single different record is below the 2-record threshold');
  const withJunk = detectFormat([...alpaca, { foo: 1 }, { bar: 2 }]);
  assert.equal(withJunk.format, 'alpaca');
  assert.equal(withJunk.confidence, 0.5);
  assert.equal(withJunk.mixed, false);
});

test('two formats at 10% each of 20 records: mixed needs both >= 10% and >= 2 records', () => {
  const a = { instruction: 'i', input: '', output: 'o' };
  const b = { prompt: 'p', completion: 'c' };
  const d = detectFormat([...Array(18).fill(a), b, b]);
  assert.equal(d.mixed, true);
  const e = detectFormat([...Array(19).fill(a), b]);
  assert.equal(e.mixed, false);
  const f = detectFormat([...Array(30).fill(a), b, b]);
  assert.equal(f.mixed, false, '2 of 32 records is under 10%');
});

test('only the first N object records are sampled (default 200); non-objects are not counted', () => {
  const a = { instruction: 'i', input: '', output: 'o' };
  const b = { inputs: 'x', targets: 'y' };
  const records = [...Array(200).fill(a), ...Array(300).fill(b)];
  const d = detectFormat(records);
  assert.equal(d.sampled, 200);
  assert.equal(d.format, 'alpaca');
  assert.equal(d.mixed, false);
  assert.equal(detectFormat(records, { sample: 1000 }).format, 'flan');
  assert.equal(detectFormat([1, 'x', null, a, a], { sample: 2 }).sampled, 2);
});

test('a tie between formats goes to the more specific one', () => {
  const flan = { inputs: 'x', targets: 'y' };
  const alpaca = { instruction: 'i', input: '', output: 'o' };
  const d = detectFormat([alpaca, flan, alpaca, flan]);
  assert.equal(d.format, 'flan', 'equal counts: the format listed first in the registry wins');
  assert.equal(d.mixed, true);
});

test('detection and conversion agree: the detected format converts its own records', () => {
  for (const name of ['alpaca', 'dolly', 'flan', 'sharegpt', 'openai-chat', 'oasst', 'prompt-completion', 'text', 'preference', 'kto', 'cot']) {
    for (const r of fixture(`${name}.jsonl`)) {
      const id = detectRecordFormat(r);
      assert.ok(id && getFormat(id)?.toConversation(r), `${name}: ${JSON.stringify(r).slice(0, 60)}`);
    }
  }
});
