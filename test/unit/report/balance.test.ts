import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportOf } from './helpers';

test('categories of a Dolly file, most frequent first', async () => {
  const r = await reportOf('dolly.jsonl');
  assert.equal(r.categoryField, 'category');
  assert.deepEqual(r.categories.slice(0, 2), [{ category: 'creative_writing', count: 3 }, { category: 'open_qa', count: 3 }]);
  assert.equal(r.categories.reduce((n, c) => n + c.count, 0), 10);
});

test('a configured category field wins over the built-in keys', async () => {
  const r = await reportOf('dolly.jsonl', { config: { categoryField: '/response' } });
  assert.equal(r.categoryField, '/response');
  assert.equal(r.categories.length, 10);
});

test('a known language mix: 2 English, 2 Spanish, 1 French, 1 German', async () => {
  const r = await reportOf('languages.jsonl');
  assert.deepEqual(Object.fromEntries(r.languages.map((l) => [l.lang, l.count])), { en: 2, es: 2, fr: 1, de: 1 });
});

test('lengths per text role and turns per conversation', async () => {
  const r = await reportOf('chat.jsonl');
  assert.equal(r.format, 'sharegpt');
  assert.ok(r.lengths.prompt && r.lengths.response);
  assert.equal(r.lengths.prompt.counts.reduce((a, b) => a + b, 0), 2);
  // one conversation of 4 turns, one of 2
  const bin = (n: number) => r.turns!.bounds.findIndex((b) => n <= b);
  assert.equal(r.turns!.counts[bin(4)], 1);
  assert.equal(r.turns!.counts[bin(2)], 1);
});
