import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hfTokenCounter, tokenizeSegments, countTokens, TokenizerFileError } from '../../../src/core/tokens/index';
import { getTemplate } from '../../../src/core/templates/index';

const DIR = join(__dirname, '..', '..', 'fixtures', 'tokenizers');
const load = (name: string) => hfTokenCounter(JSON.parse(readFileSync(join(DIR, name, 'tokenizer.json'), 'utf8')), {}, `${name}/tokenizer.json`);

test('a BPE tokenizer.json counts with its own vocabulary and merges', () => {
  const tok = load('tiny-bpe');
  assert.equal(countTokens('the answer is', tok), 3);
  assert.equal(countTokens('The', tok), 3, 'no merge for "Th": three letters');
  assert.equal(countTokens('<|im_start|>user', tok), 1 + 3, 'the special token is one token; "user" is u, s, er');
  assert.deepEqual(tok.boundaries('the answer is', tok.encode('the answer is')), [0, 4, 11]);
});

test('a byte-level BPE: bytes of one character get one boundary, spaces belong to the next word', () => {
  const tok = load('tiny-bytelevel');
  const text = 'héllo wörld';
  const ids = tok.encode(text);
  assert.equal(ids.length, 10);
  assert.deepEqual(tok.boundaries(text, ids), [0, 1, 2, 4, 5, 7, 8, 9]);
  assert.deepEqual(tok.boundaries('hello the world', tok.encode('hello the world')), [0, 2, 4, 5, 9, 11, 13]);
});

test('with a tokenizer that owns the template\'s special tokens, they are encoded for real', () => {
  const tok = load('tiny-bpe');
  const segments = getTemplate('chatml')!.render({ turns: [{ role: 'user', content: 'the answer', trained: false }, { role: 'assistant', content: 'is', trained: true }] });
  const report = tokenizeSegments(segments, tok, true);
  const start = report.segments.find((s) => s.text === '<|im_start|>')!;
  assert.equal(start.tokens, 1);
  assert.equal(report.total, report.trained + report.masked);
  // cl100k does not know <|im_start|>: each special counts as one (a stand-in), not as the 6 BPE pieces it would be
  assert.equal(tokenizeSegments([{ text: '<|im_start|>', role: 'user', trained: false, special: true }], 'cl100k_base').total, 1);
  // a llama3 header in a vocabulary without it: the real count, not a stand-in
  assert.ok(tokenizeSegments([{ text: '<|eot_id|>', role: 'user', trained: false, special: true }], tok).total > 1);
});

test('a file that is not a tokenizer.json gets a readable error', () => {
  assert.throws(() => hfTokenCounter({ chat_template: 'x' }, {}, 'tokenizer_config.json'), (e: Error) => e instanceof TokenizerFileError && /tokenizer_config\.json is not a Hugging Face tokenizer\.json/.test(e.message));
  assert.throws(() => hfTokenCounter({ model: { type: 'Mystery', vocab: {} } }, {}, 'x.json'), (e: Error) => e instanceof TokenizerFileError && /x\.json cannot be loaded/.test(e.message));
});
