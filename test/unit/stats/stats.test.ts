import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatsAccumulator } from '../../../src/core/stats/stats';
import { getFormat } from '../../../src/core/formats/registry';

test('statistics count records, categories, duplicates, roles, turns and token lengths', () => {
  const dolly = getFormat('dolly')!;
  const acc = new StatsAccumulator(dolly);
  const recs = [
    { instruction: 'What is the capital of France?', context: '', response: 'Paris.', category: 'open_qa' },
    { instruction: 'Summarise the text.', context: 'A long text '.repeat(50), response: 'It is long.', category: 'summarization' },
    { instruction: 'What is the capital of France?', context: '', response: 'Paris.', category: 'open_qa' },
  ];
  for (const r of recs) acc.add(r, dolly.textFields(r));
  acc.addInvalid();
  const s = acc.result();
  assert.equal(s.records, 3);
  assert.equal(s.invalid, 1);
  assert.equal(s.duplicates, 1);
  assert.deepEqual(s.categories, [{ name: 'open_qa', count: 2 }, { name: 'summarization', count: 1 }]);
  assert.ok(s.lengths.context.max >= 150, JSON.stringify(s.lengths.context));
  assert.equal(s.lengths.prompt.counts.reduce((a, b) => a + b, 0), 3);
  assert.ok(s.tokens.total > 150);
  const chat = getFormat('openai-chat')!;
  const c = new StatsAccumulator(chat);
  const conv = { messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u' }, { role: 'assistant', content: 'a' }] };
  c.add(conv, chat.textFields(conv));
  const cs = c.result();
  assert.deepEqual(cs.roles.map((r) => r.role).sort(), ['assistant', 'system', 'user']);
  assert.equal(cs.turns.counts[2], 1, 'three turns fall in the "3" bin');
});
