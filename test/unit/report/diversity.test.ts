import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rootVerb } from '../../../src/core/report/verbs';
import { createReport } from '../../../src/core/report/report';
import { reportOf } from './helpers';

test('root verb and direct object of imperative instructions, requests and questions', () => {
  assert.deepEqual(rootVerb('Write a short story about a dragon.'), { verb: 'write', noun: 'story' });
  assert.deepEqual(rootVerb('Please summarize this article.'), { verb: 'summarize', noun: 'article' });
  assert.deepEqual(rootVerb('Can you create a poem about love?'), { verb: 'create', noun: 'poem' });
  assert.deepEqual(rootVerb('Given a sentence, rewrite it in the past tense.'), { verb: 'rewrite', noun: undefined });
  assert.equal(rootVerb('How can we reduce air pollution?')?.verb, '(how)');
  assert.equal(rootVerb('What are the three primary colors?')?.verb, '(what)');
  assert.equal(rootVerb('Is the earth flat?')?.verb, '(yes/no)');
  assert.equal(rootVerb('Hello!'), undefined);
});

test('top verbs with their top nouns, from the instructions of a Dolly file', async () => {
  const r = await reportOf('dolly.jsonl');
  assert.equal(r.records, 10);
  assert.equal(r.format, 'dolly');
  const write = r.diversity.topVerbs[0];
  assert.equal(write.verb, 'write');
  assert.equal(write.count, 3);
  assert.deepEqual(write.nouns.map((n) => n.noun).sort(), ['poem', 'story']);
  assert.equal(write.nouns.find((n) => n.noun === 'poem')?.count, 2);
  assert.equal(r.diversity.topVerbs.find((v) => v.verb === 'explain')?.count, 2);
  assert.deepEqual(r.diversity.verbSample, { parsed: 10, prompts: 10, withVerb: 10 });
});

test('distinct-1 and distinct-2 over prompts', () => {
  const b = createReport({ format: 'alpaca' });
  b.pushLine(JSON.stringify({ instruction: 'a b a b', input: '', output: 'x' }));
  b.pushLine(JSON.stringify({ instruction: 'a b c', input: '', output: 'x' }));
  const r = b.finish();
  // words: a b a b a b c -> 3 distinct of 7; pairs: ab ba ab ab bc -> 3 distinct of 5
  assert.equal(r.diversity.distinct1, Math.round((3 / 7) * 1e4) / 1e4);
  assert.equal(r.diversity.distinct2, 0.6);
});

test('near-duplicate prompts are grouped in one cluster, with their lines', () => {
  const b = createReport({ format: 'alpaca' });
  const base = 'Write a detailed product description for a stainless steel water bottle that keeps drinks cold';
  b.pushLine(JSON.stringify({ instruction: base + '.', input: '', output: 'x' }));
  b.pushLine(JSON.stringify({ instruction: 'Explain the rules of chess to a child who has never played a board game before.', input: '', output: 'x' }));
  b.pushLine(JSON.stringify({ instruction: base + '!', input: '', output: 'y' }));
  b.pushLine(JSON.stringify({ instruction: base + ' .', input: '', output: 'z' }));
  const nd = b.finish().diversity.nearDuplicates;
  assert.equal(nd.clusters, 1);
  assert.equal(nd.records, 3);
  assert.deepEqual(nd.largest[0].lines, [1, 3, 4]);
  assert.match(nd.largest[0].prompt, /stainless steel water bottle/);
});

test('verb parsing is limited to a seeded sample, the same on every run', () => {
  const run = () => {
    const b = createReport({ format: 'alpaca', config: { verbSample: 5 } });
    for (let i = 0; i < 50; i++) b.pushLine(JSON.stringify({ instruction: i % 2 ? `Write a poem number ${i}.` : `Explain topic ${i}.`, input: '', output: 'x' }));
    return b.finish().diversity;
  };
  const a = run();
  assert.equal(a.verbSample.parsed, 5);
  assert.equal(a.verbSample.prompts, 50);
  assert.deepEqual(run().topVerbs, a.topVerbs);
});
