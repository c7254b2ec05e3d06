import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getFormat } from '../../../src/core/formats/registry';
import { FIXTURES, reportOf } from './helpers';

const evalRecords = () => {
  const dolly = getFormat('dolly')!;
  return readFileSync(join(FIXTURES, 'eval.jsonl'), 'utf8').split('\n').filter(Boolean).map((l, line) => ({ path: 'eval.jsonl', line, textFields: dolly.textFields(JSON.parse(l)) }));
};

test('a planted exact prompt and a planted 13-word overlap are found, with the pairs', async () => {
  const r = await reportOf('dolly.jsonl', { evalRecords: evalRecords() });
  assert.equal(r.contamination.length, 1);
  const c = r.contamination[0];
  assert.equal(c.evalFile, 'eval.jsonl');
  assert.equal(c.evalRecords, 3);
  assert.equal(c.exact, 1);
  assert.equal(c.ngram, 1);
  assert.deepEqual(c.pairs.map((p) => [p.line, p.evalLine, p.kind]), [[8, 1, 'exact'], [10, 2, 'ngram']]);
});

test('no evaluation files: an empty contamination list; the training file is never its own evaluation set', async () => {
  assert.deepEqual((await reportOf('dolly.jsonl')).contamination, []);
  const self = (await reportOf('dolly.jsonl', { path: join(FIXTURES, 'eval.jsonl'), evalRecords: evalRecords() })).contamination;
  assert.deepEqual(self, []);
});
