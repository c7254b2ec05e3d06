import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReport } from '../../../src/core/report/report';
import { reportOf } from './helpers';

test('model tics and refusals are counted, with the line of each example', async () => {
  const r = await reportOf('dolly.jsonl');
  const by = Object.fromEntries(r.artifacts.map((a) => [a.id, a]));
  assert.equal(by['as-an-ai'].count, 1);
  assert.equal(by['as-an-ai'].examples[0].line, 4);
  assert.match(by['as-an-ai'].examples[0].text, /^As an AI language model/);
  assert.equal(by['sorry-but'].count, 1);
  assert.equal(by['sorry-but'].kind, 'refusal');
  assert.equal(by['i-cannot'].examples[0].line, 6);
  assert.equal(by['hope-this-helps'].count, 0);
  const chat = await reportOf('chat.jsonl');
  assert.equal(chat.artifacts.find((a) => a.id === 'certainly')?.count, 1);
  assert.equal(chat.artifacts.find((a) => a.id === 'hope-this-helps')?.examples[0].line, 1);
});

test('configured patterns are searched too', async () => {
  const r = await reportOf('dolly.jsonl', { config: { patterns: [{ id: 'canberra', pattern: '\\bcanberra\\b' }] } });
  assert.deepEqual(r.artifacts.find((a) => a.id === 'canberra')?.examples.map((e) => e.line), [8]);
});

test('gendered words are counted, with a ratio and a caveat', async () => {
  const r = await reportOf('dolly.jsonl');
  const gender = r.demographics.groups.find((g) => g.name === 'gender')!;
  assert.equal(gender.members.find((m) => m.group === 'masculine')?.count, 1);
  assert.equal(gender.members.find((m) => m.group === 'feminine')?.count, 1);
  assert.equal(r.demographics.genderRatio, 1);
  assert.match(r.demographics.caveat, /not judgements/);
});

test('a category whose responses are much longer than the rest is an outlier', () => {
  const b = createReport({ format: 'dolly' });
  for (let i = 0; i < 10; i++) b.pushLine(JSON.stringify({ instruction: `q${i}`, context: '', response: 'short answer here', category: 'qa' }));
  for (let i = 0; i < 6; i++) b.pushLine(JSON.stringify({ instruction: `w${i}`, context: '', response: 'long '.repeat(200), category: 'writing' }));
  const o = b.finish().lengthOutliers;
  assert.equal(o[0].category, 'writing');
  assert.ok(o[0].ratio >= 2);
});
