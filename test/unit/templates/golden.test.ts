/**
 * Golden tests: each built-in template against the string its model family documents for one fixed
 * two-turn conversation, and — where the family publishes a Hugging Face chat_template — against that
 * template rendered by Jinja (copied from the model's tokenizer_config.json), with and without
 * add_generation_prompt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getTemplate, renderedText, templateFromTokenizerConfig, type Segment } from '../../../src/core/templates/index';
import type { Conversation } from '../../../src/core/types';

const u = (content: string) => ({ role: 'user' as const, content, trained: false });
const a = (content: string) => ({ role: 'assistant' as const, content, trained: true });
const chat: Conversation = { turns: [u('What is 2 + 3?'), a('2 + 3 = 5.'), u('And times 4?'), a('5 × 4 = 20.')] };
const withSystem: Conversation = { system: 'You are a helpful assistant.', turns: chat.turns };
const question: Conversation = { turns: chat.turns.slice(0, 3) };
const text = (id: string, c: Conversation, addGenerationPrompt = false) => renderedText(getTemplate(id)!.render(c, { addGenerationPrompt }));
const trained = (s: Segment[]) => s.filter((x) => x.trained).map((x) => x.text);

/** The chat_template of each family's tokenizer_config.json (Hugging Face Hub), verbatim. */
const OFFICIAL = {
  // teknium/OpenHermes-2.5-Mistral-7B (ChatML)
  chatml: { bos_token: '<s>', eos_token: '<|im_end|>', chat_template: "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}" },
  // meta-llama/Meta-Llama-3-8B-Instruct
  llama3: { bos_token: '<|begin_of_text|>', eos_token: '<|eot_id|>', chat_template: "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}" },
  // mistralai/Mistral-7B-Instruct-v0.2
  mistral: { bos_token: '<s>', eos_token: '</s>', chat_template: "{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}" },
  // google/gemma-2-9b-it
  gemma: { bos_token: '<bos>', eos_token: '<eos>', added_tokens_decoder: { 106: { content: '<start_of_turn>', special: true }, 107: { content: '<end_of_turn>', special: true } }, chat_template: "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if (message['role'] == 'assistant') %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}{{ '<start_of_turn>' + role + '\n' + message['content'] | trim + '<end_of_turn>\n' }}{% endfor %}{% if add_generation_prompt %}{{'<start_of_turn>model\n'}}{% endif %}" },
};
const official = (id: keyof typeof OFFICIAL, c: Conversation, addGenerationPrompt = false) =>
  renderedText(templateFromTokenizerConfig({ added_tokens_decoder: {}, ...OFFICIAL[id] }, `${id}/tokenizer_config.json`).render(c, { addGenerationPrompt }));

/** For each family with a published chat_template: the documented string, and how a generation prompt ends. */
const FAMILIES: { id: keyof typeof OFFICIAL; title: string; conversation: Conversation; expected: string; promptEnd: string; trained?: string[] }[] = [
  {
    id: 'chatml', title: 'ChatML: the documented <|im_start|>role … <|im_end|> blocks', conversation: withSystem,
    expected: '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nWhat is 2 + 3?<|im_end|>\n<|im_start|>assistant\n2 + 3 = 5.<|im_end|>\n<|im_start|>user\nAnd times 4?<|im_end|>\n<|im_start|>assistant\n5 × 4 = 20.<|im_end|>\n',
    promptEnd: '<|im_start|>user\nAnd times 4?<|im_end|>\n<|im_start|>assistant\n',
    trained: ['2 + 3 = 5.', '<|im_end|>', '\n', '5 × 4 = 20.', '<|im_end|>', '\n'],
  },
  {
    id: 'llama3', title: 'Llama 3: <|begin_of_text|>, header ids, <|eot_id|> after every message (Meta prompt format)', conversation: withSystem,
    expected: '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are a helpful assistant.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is 2 + 3?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n2 + 3 = 5.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nAnd times 4?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n5 × 4 = 20.<|eot_id|>',
    promptEnd: 'And times 4?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n',
    trained: ['2 + 3 = 5.', '<|eot_id|>', '5 × 4 = 20.', '<|eot_id|>'],
  },
  {
    // no generation header: the prompt ends with [/INST]
    id: 'mistral', title: 'Mistral Instruct: <s>[INST] … [/INST]answer</s> (v0.2 chat_template)', conversation: chat,
    expected: '<s>[INST] What is 2 + 3? [/INST]2 + 3 = 5.</s>[INST] And times 4? [/INST]5 × 4 = 20.</s>',
    promptEnd: '[INST] And times 4? [/INST]',
  },
  {
    id: 'gemma', title: 'Gemma: <bos><start_of_turn>user … <end_of_turn>, the assistant is "model"', conversation: chat,
    expected: '<bos><start_of_turn>user\nWhat is 2 + 3?<end_of_turn>\n<start_of_turn>model\n2 + 3 = 5.<end_of_turn>\n<start_of_turn>user\nAnd times 4?<end_of_turn>\n<start_of_turn>model\n5 × 4 = 20.<end_of_turn>\n',
    promptEnd: '<start_of_turn>user\nAnd times 4?<end_of_turn>\n<start_of_turn>model\n',
  },
];

for (const f of FAMILIES) {
  test(f.title, () => {
    assert.equal(text(f.id, f.conversation), f.expected);
    assert.equal(official(f.id, f.conversation), f.expected);
    assert.equal(text(f.id, question, true), official(f.id, question, true));
    assert.ok(text(f.id, question, true).endsWith(f.promptEnd));
    if (f.trained) assert.deepEqual(trained(getTemplate(f.id)!.render(chat)), f.trained);
  });
}

test('Alpaca: the Stanford preamble with ### Instruction / ### Response (Axolotl alpaca prompter)', () => {
  const one: Conversation = { turns: chat.turns.slice(0, 2) };
  assert.equal(text('alpaca', one), 'Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n### Instruction:\nWhat is 2 + 3?\n\n### Response:\n2 + 3 = 5.</s>');
  assert.equal(text('alpaca', { turns: [one.turns[0]] }, true), 'Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n### Instruction:\nWhat is 2 + 3?\n\n### Response:\n');
});

test('Vicuna v1.1: system, then "USER: … ASSISTANT: …</s>" (FastChat vicuna_v1.1, sep " ", sep2 "</s>")', () => {
  const sys = "A chat between a curious user and an artificial intelligence assistant. The assistant gives helpful, detailed, and polite answers to the user's questions.";
  assert.equal(text('vicuna', chat), `${sys} USER: What is 2 + 3? ASSISTANT: 2 + 3 = 5.</s>USER: And times 4? ASSISTANT: 5 × 4 = 20.</s>`);
  assert.equal(text('vicuna', question, true), `${sys} USER: What is 2 + 3? ASSISTANT: 2 + 3 = 5.</s>USER: And times 4? ASSISTANT:`);
});

test('templates that trim contents: built-ins and Jinja agree, and the Jinja segments keep their roles', () => {
  const padded: Conversation = { turns: [u('  What is 2 + 3?\n'), a('\n2 + 3 = 5.  ')] };
  for (const [id, end] of [['llama3', '<|eot_id|>'], ['gemma', '<end_of_turn>']] as const) {
    assert.equal(text(id, padded), official(id, padded), id);
    const hf = templateFromTokenizerConfig({ added_tokens_decoder: {}, ...OFFICIAL[id] }, id).render(padded);
    assert.equal(trained(hf).join(''), `2 + 3 = 5.${end}`, id);
    assert.ok(trained(getTemplate(id)!.render(padded)).join('').startsWith(`2 + 3 = 5.${end}`), id);
    assert.ok(hf.some((s) => s.role === 'user' && s.text.includes('What is 2 + 3?')), id);
  }
  assert.ok(text('llama3', padded).includes('<|end_header_id|>\n\nWhat is 2 + 3?<|eot_id|>'));
});

test('a chat_template that inspects contents (drops <think> of earlier turns) still renders exactly', () => {
  const t = templateFromTokenizerConfig({
    chat_template: "{% for m in messages %}<|{{ m.role }}|>{% if m.role == 'assistant' and not loop.last and '</think>' in m.content %}{{ m.content.split('</think>')[1] }}{% else %}{{ m.content }}{% endif %}<|end|>{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}",
    added_tokens_decoder: { 1: { content: '<|end|>', special: true } },
  });
  const c: Conversation = { turns: [u('q1'), a('<think>hmm</think>a1'), u('q2'), a('<think>ok</think>a2')] };
  const s = t.render(c);
  assert.equal(renderedText(s), '<|user|>q1<|end|><|assistant|>a1<|end|><|user|>q2<|end|><|assistant|><think>ok</think>a2<|end|>');
  assert.ok(s.some((x) => x.trained && x.text === '<think>ok</think>a2'));
});
