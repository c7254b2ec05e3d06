import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinTemplates, getTemplate, renderedText, templateFromTokenizerConfig, TemplateError, type Segment } from '../../../src/core/templates/index';
import { tokenizeSegments, countTokens, contextWarning } from '../../../src/core/tokens/index';
import type { Conversation } from '../../../src/core/types';

const conv: Conversation = {
  system: 'Be brief.',
  turns: [
    { role: 'user', content: 'What is 3 × 4?', trained: false },
    { role: 'assistant', content: '3 × 4 = 12. The answer is 12.', trained: true },
  ],
};
const trainedText = (s: Segment[]) => s.filter((x) => x.trained).map((x) => x.text).join('');

test('ChatML renders exactly like the published template, training only the reply and its end token', () => {
  const s = getTemplate('chatml')!.render(conv);
  assert.equal(renderedText(s), '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nWhat is 3 × 4?<|im_end|>\n<|im_start|>assistant\n3 × 4 = 12. The answer is 12.<|im_end|>\n');
  assert.equal(trainedText(s), '3 × 4 = 12. The answer is 12.<|im_end|>\n');
  assert.ok(s.some((x) => x.special && x.text === '<|im_start|>'));
});

test('Llama 3 uses header ids and eot tokens; the generation prompt opens an assistant turn', () => {
  const s = getTemplate('llama3')!.render({ turns: [conv.turns[0]] }, { addGenerationPrompt: true });
  assert.equal(renderedText(s), '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWhat is 3 × 4?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n');
  assert.equal(trainedText(s), '');
});

test('Mistral and Gemma fold the system prompt into the first user message', () => {
  assert.equal(renderedText(getTemplate('mistral')!.render(conv)), '<s>[INST] Be brief.\n\nWhat is 3 × 4? [/INST]3 × 4 = 12. The answer is 12.</s>');
  assert.equal(
    renderedText(getTemplate('gemma')!.render(conv)),
    '<bos><start_of_turn>user\nBe brief.\n\nWhat is 3 × 4?<end_of_turn>\n<start_of_turn>model\n3 × 4 = 12. The answer is 12.<end_of_turn>\n',
  );
});

test('Alpaca and Vicuna add their default preambles when the record has no system prompt', () => {
  const plain = { turns: conv.turns };
  assert.match(renderedText(getTemplate('alpaca')!.render(plain)), /^Below is an instruction that describes a task\. .*\n\n### Instruction:\nWhat is 3 × 4\?\n\n### Response:\n3 × 4 = 12\. The answer is 12\.<\/s>$/s);
  assert.match(renderedText(getTemplate('vicuna')!.render(plain)), /^A chat between a curious user .* USER: What is 3 × 4\? ASSISTANT: 3 × 4 = 12\. The answer is 12\.<\/s>$/);
});

test('train on inputs marks every turn as trained; a turn with weight 0 stays masked', () => {
  const all = getTemplate('chatml')!.render(conv, { trainOnInputs: true });
  assert.ok(all.filter((s) => s.role === 'user').every((s) => s.trained));
  const masked = getTemplate('chatml')!.render({ turns: [conv.turns[0], { ...conv.turns[1], trained: false }] });
  assert.equal(trainedText(masked), '');
});

test('a Hugging Face chat_template renders through Jinja with per-message segments', () => {
  const t = templateFromTokenizerConfig({
    chat_template: "{{ bos_token }}{% for m in messages %}<|{{ m.role }}|>\n{{ m.content }}{{ eos_token }}\n{% endfor %}{% if add_generation_prompt %}<|assistant|>\n{% endif %}",
    bos_token: '<s>', eos_token: '</s>',
    added_tokens_decoder: { '32001': { content: '<|user|>', special: true }, '32002': { content: '<|assistant|>', special: true } },
  });
  const s = t.render({ turns: conv.turns }, { addGenerationPrompt: true });
  assert.equal(renderedText(s), '<s><|user|>\nWhat is 3 × 4?</s>\n<|assistant|>\n3 × 4 = 12. The answer is 12.</s>\n<|assistant|>\n');
  assert.equal(trainedText(s), '3 × 4 = 12. The answer is 12.</s>');
  assert.ok(s.some((x) => x.special && x.text === '<|user|>'));
});

test('a broken chat_template gives a readable error', () => {
  assert.throws(() => templateFromTokenizerConfig({ chat_template: '{% for m in messages %}' }, 'my/tokenizer_config.json').render(conv), TemplateError);
  assert.throws(() => templateFromTokenizerConfig({}, 'x.json'), /has no chat_template/);
});

test('token counts come from a real BPE tokenizer, per role and trained vs masked', () => {
  assert.equal(countTokens('hello world'), 2);
  assert.equal(countTokens('<|endoftext|>'), 1, "the tokenizer's own special tokens are one token");
  const special = tokenizeSegments([{ text: '<|im_start|>', role: 'template', trained: false, special: true }]);
  assert.equal(special.total, 1, 'a template special token counts as one token');
  const report = tokenizeSegments(getTemplate('chatml')!.render(conv), 'cl100k_base', true);
  assert.equal(report.total, report.trained + report.masked);
  assert.ok(report.trained > 5 && report.masked > 10, JSON.stringify(report.byRole));
  const reply = report.segments.find((s) => s.role === 'assistant' && !s.special && s.trained)!;
  assert.equal(reply.boundaries.length, reply.tokens);
  assert.equal(reply.boundaries[0], 0);
  assert.equal(tokenizeSegments([{ text: 'héllo wörld', role: 'user', trained: false, special: false }], 'o200k_base').total > 0, true);
  assert.match(contextWarning(5000, 4096) ?? '', /5,000 tokens, over the context length of 4,096/);
  assert.equal(contextWarning(10, 4096), undefined);
});

test('every built-in template renders every role without throwing', () => {
  const tool: Conversation = { turns: [{ role: 'user', content: 'u', trained: false }, { role: 'assistant', content: 'a', trained: true }, { role: 'tool', content: 't', trained: false }, { role: 'assistant', content: 'b', trained: true }] };
  for (const t of builtinTemplates) assert.ok(renderedText(t.render(tool)).includes('b'), t.id);
});
