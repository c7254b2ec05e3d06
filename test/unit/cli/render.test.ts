import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: FIXTURES, isTTY: false, env: {} });
  return { code, out, err };
}

test('render prints exactly the rendered text of record N (blank lines are not records)', async () => {
  const first = await cli(['render', '--template', 'chatml', 'render/records.jsonl']);
  assert.equal(first.code, 0, first.err);
  assert.equal(first.out, '<|im_start|>user\nWhat is 3 × 4?<|im_end|>\n<|im_start|>assistant\n3 × 4 = 12. The answer is 12.<|im_end|>\n');
  const second = await cli(['render', '--template', 'llama3', '--record', '2', '--add-generation-prompt', 'render/records.jsonl']);
  assert.equal(second.out, '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n');
  const one = await cli(['render', '--template', 'vicuna', 'render/one.json']);
  assert.equal(one.out, "A chat between a curious user and an artificial intelligence assistant. The assistant gives helpful, detailed, and polite answers to the user's questions. USER: Hi ASSISTANT: Hello!</s>", 'a .json file holding one record');
  const mistral = await cli(['render', '--template', 'mistral', '--record', '2', 'render/records.jsonl']);
  assert.equal(mistral.out, '<s>[INST] Be brief.\n\nHi [/INST]Hello!</s>');
});

test('render --format json: segments with roles, trained flags and token counts, totals per role', async () => {
  const r = await cli(['render', '--template', 'chatml', '--record', '2', '--format', 'json', 'render/records.jsonl']);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.record, 2);
  assert.equal(doc.line, 3);
  assert.equal(doc.format, 'openai-chat');
  assert.equal(doc.tokenizer, 'cl100k_base');
  assert.equal(doc.text, '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n');
  assert.equal(doc.segments.map((s: { text: string }) => s.text).join(''), doc.text);
  const trained = doc.segments.filter((s: { trained: boolean }) => s.trained);
  assert.equal(trained.map((s: { text: string }) => s.text).join(''), 'Hello!<|im_end|>\n');
  assert.ok(trained.every((s: { role: string }) => s.role === 'assistant'));
  assert.deepEqual(doc.segments[0], { text: '<|im_start|>', role: 'system', trained: false, special: true, turn: -1, tokens: 1 });
  assert.equal(doc.tokens.total, doc.tokens.trained + doc.tokens.masked);
  assert.equal(doc.tokens.total, Object.values(doc.tokens.byRole as Record<string, number>).reduce((a, b) => a + b, 0));
  assert.deepEqual(Object.keys(doc.tokens.byRole).sort(), ['assistant', 'system', 'user']);
  const all = JSON.parse((await cli(['render', '--template', 'chatml', '--record', '2', '--format', 'json', '--train-on-inputs', 'render/records.jsonl'])).out);
  assert.equal(all.tokens.masked, 0);
});

test('render with a Hugging Face chat_template and tokenizer.json; context-length warning', async () => {
  const r = await cli(['render', '--chat-template', 'tokenizers/tiny-bpe/tokenizer_config.json', '--tokenizer', 'tokenizers/tiny-bpe/tokenizer.json', '--add-generation-prompt', '--format', 'json', '--context-length', '10', 'render/records.jsonl']);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.text, '<|im_start|>user\nWhat is 3 × 4?<|im_end|>\n<|im_start|>assistant\n3 × 4 = 12. The answer is 12.<|im_end|>\n<|im_start|>assistant\n');
  assert.equal(doc.tokenizer, 'hf:tokenizers/tiny-bpe/tokenizer.json');
  // the tiny vocabulary: "answer" and "is" are merged tokens, "12" two digits, "The" three letters
  const reply = doc.segments.find((s: { text: string; trained: boolean }) => s.trained && s.text.startsWith('3'));
  assert.equal(reply.tokens, 15);
  const special = doc.segments.find((s: { text: string }) => s.text === '<|im_end|>');
  assert.equal(special.tokens, 1, "the tokenizer's own special token");
  assert.equal(doc.fits, false);
  assert.match(doc.warning, /over the context length of 10/);
  assert.match(r.err, /render\/records\.jsonl:1: this record is \d+ tokens, over the context length of 10/);
});

test('render errors are located and say what to do', async () => {
  const unknown = await cli(['render', '--template', 'zephyr', 'render/records.jsonl']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown template "zephyr" \(valid: chatml, llama3, mistral, gemma, alpaca, vicuna; or --chat-template tokenizer_config\.json\)/);
  const past = await cli(['render', '--template', 'chatml', '--record', '9', 'render/records.jsonl']);
  assert.equal(past.code, 2);
  assert.match(past.err, /render\/records\.jsonl has 4 records: there is no record 9/);
  const broken = await cli(['render', '--template', 'chatml', '--record', '3', 'render/records.jsonl']);
  assert.equal(broken.code, 1);
  assert.match(broken.err, /render\/records\.jsonl:4: record 3 is not valid JSON: .*\(column \d+\)/);
  const noFormat = await cli(['render', '--template', 'chatml', '--record', '4', 'render/records.jsonl']);
  assert.equal(noFormat.code, 1);
  assert.match(noFormat.err, /render\/records\.jsonl:5: record 4: no known dataset format fits this record/);
  const badTemplate = await cli(['render', '--chat-template', 'render/broken_config.json', 'render/records.jsonl']);
  assert.equal(badTemplate.code, 2);
  assert.match(badTemplate.err, /the chat_template in render\/broken_config\.json does not parse/);
  const badTokenizer = await cli(['render', '--template', 'chatml', '--tokenizer', 'gpt2', '--format', 'json', 'render/records.jsonl']);
  assert.equal(badTokenizer.code, 2);
  assert.match(badTokenizer.err, /--tokenizer "gpt2" is neither a built-in tokenizer \(cl100k, o200k\) nor an existing tokenizer\.json/);
  assert.equal((await cli(['render', '--template', 'chatml', 'nope.jsonl'])).code, 2);
  assert.match((await cli(['render', '--template', 'chatml', 'nope.jsonl'])).err, /no such file: nope\.jsonl/);
  assert.match((await cli(['render', 'render/records.jsonl'])).err, /--template is required/);
  const help = await cli(['render', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /--chat-template FILE/);
});
