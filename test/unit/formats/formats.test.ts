/**
 * Every built-in format against hand-written fixtures (test/fixtures/formats/<id>.jsonl): detection,
 * schema validity (ajv, draft-07), canonical conversation and text fields.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import type { Format, FormatId, TextField } from '../../../src/core/types';
import { allFormats, getFormat } from '../../../src/core/formats/registry';
import { detectFormat, detectRecordFormat } from '../../../src/core/formats/detect';
import { fixture, resolvePointer } from './helpers';

const ajv = new Ajv({ allErrors: true, strict: false });
const fmt = (id: FormatId): Format => {
  const f = getFormat(id);
  assert.ok(f, `format ${id} is registered`);
  return f;
};
const validate = (id: FormatId, record: unknown) => {
  const v = ajv.compile(fmt(id).schema);
  return { ok: v(record) as boolean, errors: v.errors };
};
const roles = (fields: TextField[]) => fields.map((f) => `${f.pointer}=${f.role}${f.required ? '!' : ''}`);

const IDS: FormatId[] = ['alpaca', 'dolly', 'flan', 'sharegpt', 'openai-chat', 'oasst', 'prompt-completion', 'text', 'preference', 'kto', 'cot'];

test('registry holds the eleven formats, each found by id, with a draft-07 schema that compiles', () => {
  assert.deepEqual(allFormats.map((f) => f.id).sort(), [...IDS].sort());
  for (const id of IDS) {
    const f = fmt(id);
    assert.equal(f.schema.$schema, 'http://json-schema.org/draft-07/schema#', id);
    assert.doesNotThrow(() => ajv.compile(f.schema), id);
    assert.ok(f.knownKeys.length > 0 && f.fields.length > 0 && f.label && f.description, id);
  }
  assert.equal(getFormat('nope'), undefined);
});

for (const id of IDS) {
  test(`${id}: fixture file is detected as ${id}, every record is, and every record fits the schema`, () => {
    const records = fixture(`${id}.jsonl`);
    const d = detectFormat(records);
    assert.equal(d.format, id);
    assert.equal(d.mixed, false);
    assert.equal(d.sampled, records.length);
    assert.ok(d.confidence >= 0.7, `confidence ${d.confidence}`);
    records.forEach((r, i) => {
      assert.equal(detectRecordFormat(r), id, `record ${i}`);
      const v = validate(id, r);
      assert.ok(v.ok, `record ${i}: ${JSON.stringify(v.errors)}`);
    });
  });

  test(`${id}: text field pointers resolve to their text, and every record converts to a conversation`, () => {
    const f = fmt(id);
    fixture(`${id}.jsonl`).forEach((r, i) => {
      const fields = f.textFields(r);
      assert.ok(fields.length > 0, `record ${i} has text fields`);
      for (const tf of fields) assert.equal(resolvePointer(r, tf.pointer), tf.text, `record ${i} ${tf.pointer}`);
      const c = f.toConversation(r);
      assert.ok(c && c.turns.length > 0, `record ${i} converts`);
      for (const t of c.turns) assert.equal(t.trained, t.trained && t.role === 'assistant', `record ${i}: only assistant turns train`);
    });
  });
}

test('schemas reject records missing required keys or with wrong types, accept extra metadata and empty strings', () => {
  assert.equal(validate('alpaca', { instruction: 'x', input: '' }).ok, false, 'alpaca needs an output');
  assert.equal(validate('alpaca', { instruction: 'x', output: 3 }).ok, false);
  assert.equal(validate('alpaca', { instruction: '', input: '', output: '', source: 'mine' }).ok, true);
  assert.equal(validate('alpaca', { instruction: 'x', output: 'y', history: [['only one']] }).ok, false);
  assert.equal(validate('dolly', { instruction: 'x', context: '' }).ok, false);
  assert.equal(validate('flan', { inputs: 'x' }).ok, false);
  assert.equal(validate('flan', { inputs: 'x', targets: 'y', template_idx: -1 }).ok, false);
  assert.equal(validate('sharegpt', { conversations: [{ from: 'robot', value: 'x' }] }).ok, false, 'unknown ShareGPT role');
  assert.equal(validate('sharegpt', { conversations: [{ from: 'human' }] }).ok, false);
  assert.equal(validate('openai-chat', { messages: [{ role: 'bot', content: 'x' }] }).ok, false, 'unknown OpenAI role');
  assert.equal(validate('openai-chat', { messages: [{ role: 'assistant' }] }).ok, false, 'a message needs content or tool_calls');
  assert.equal(validate('openai-chat', { messages: [{ role: 'assistant', content: 'x', weight: 2 }] }).ok, false);
  assert.equal(validate('openai-chat', { messages: [{ role: 'user', content: 'x' }], parallel_tool_calls: 'no' }).ok, false);
  assert.equal(validate('oasst', { message_id: 'm', text: 'x', role: 'user' }).ok, false, 'OASST roles are prompter/assistant');
  assert.equal(validate('oasst', { message_tree_id: 't', prompt: { text: 'x', role: 'prompter', replies: [{ text: 'y', role: 'bot' }] } }).ok, false, 'nested replies are checked');
  assert.equal(validate('prompt-completion', { prompt: 'x' }).ok, false);
  assert.equal(validate('text', { text: 1 }).ok, false);
  assert.equal(validate('preference', { prompt: 'x', chosen: 'y' }).ok, false);
  assert.equal(validate('kto', { messages: [], label: 'yes' }).ok, false);
  assert.equal(validate('kto', { label: true }).ok, false);
  assert.equal(validate('cot', { question: 'x' }).ok, false);
  assert.equal(validate('cot', { question: 'x', answer: 7 }).ok, true, 'numeric answers are allowed');
});

test('alpaca: text fields, history turns, CoT content in output stays a response', () => {
  const [plain, emptyInput, withHistory, cotOutput, gpteacher, seed] = fixture('alpaca.jsonl');
  const a = fmt('alpaca');
  assert.deepEqual(roles(a.textFields(plain)), ['/instruction=prompt!', '/input=context', '/output=response!']);
  assert.deepEqual(a.toConversation(plain), {
    turns: [
      { role: 'user', content: 'Add the two numbers.\n\n12 and 30', trained: false, source: '/instruction' },
      { role: 'assistant', content: '12 + 30 = 42', trained: true, source: '/output' },
    ],
  });
  assert.equal(a.toConversation(emptyInput)?.turns[0].content, 'Name a primary colour.', 'an empty input adds nothing');
  const c = a.toConversation(withHistory);
  assert.equal(c?.system, 'You are a courteous assistant.');
  assert.deepEqual(c?.turns.map((t) => [t.role, t.content, t.trained]), [
    ['user', 'Hi there', false],
    ['assistant', 'Hello! How can I help?', true],
    ['user', 'Thanks for the help', false],
    ['assistant', 'Any time.', true],
    ['user', 'Continue the dialogue politely.', false],
    ['assistant', 'You are welcome!', true],
  ]);
  const hf = a.textFields(withHistory);
  assert.deepEqual(hf.find((f) => f.pointer === '/history/1/1'), { pointer: '/history/1/1', role: 'response', text: 'Any time.', turn: 3, turnRole: 'assistant' });
  assert.deepEqual(hf.find((f) => f.pointer === '/system')?.role, 'system');
  assert.equal(a.textFields(cotOutput).find((f) => f.pointer === '/output')?.role, 'response');
  assert.deepEqual(roles(a.textFields(gpteacher)), ['/instruction=prompt!', '/input=context', '/response=response!']);
  assert.equal(a.fieldsFor?.(gpteacher).find((f) => f.role === 'response')?.pointer, '/response');
  assert.deepEqual(roles(a.textFields(seed)), ['/instruction=prompt!', '/instances/0/input=context', '/instances/0/output=response!']);
  assert.deepEqual(a.toConversation(seed)?.turns.map((t) => t.content), ['Give the antonym of the word.\n\nhot', 'cold']);
});

test('dolly: context joins the instruction, category is metadata', () => {
  const [closed, , noCategory] = fixture('dolly.jsonl');
  const d = fmt('dolly');
  assert.deepEqual(roles(d.textFields(closed)), ['/instruction=prompt!', '/context=context', '/response=response!']);
  assert.deepEqual(d.toConversation(closed)?.turns.map((t) => t.content), [
    'When did the airline start operating?\n\nSkyways commenced services on 3 May 2001 with two aircraft.',
    'Skyways started operating on 3 May 2001.',
  ]);
  assert.equal(d.toConversation(noCategory)?.turns.length, 2);
});

test('flan: inputs/targets, underscore metadata recognised in fields and known keys', () => {
  const [a, b] = fixture('flan.jsonl');
  const f = fmt('flan');
  assert.deepEqual(roles(f.textFields(a)), ['/inputs=prompt!', '/targets=response!']);
  assert.deepEqual(f.toConversation(b)?.turns.map((t) => [t.role, t.content]), [['user', 'Translate to French: Good morning'], ['assistant', 'Bonjour']]);
  for (const k of Object.keys(b)) assert.ok(f.knownKeys.includes(k), k);
  assert.equal(f.fieldsFor?.(b).find((s) => s.label === 'Task')?.pointer, '/_task_name');
});

test('sharegpt: roles map to user/assistant/tool, system turn and system key, tool calls parsed', () => {
  const [basic, withSystemTurn, tools, messagesKey, lima] = fixture('sharegpt.jsonl');
  const s = fmt('sharegpt');
  assert.deepEqual(s.toConversation(basic)?.turns.map((t) => [t.role, t.trained, t.source]), [
    ['user', false, '/conversations/0/value'],
    ['assistant', true, '/conversations/1/value'],
    ['user', false, '/conversations/2/value'],
    ['assistant', true, '/conversations/3/value'],
  ]);
  const sys = s.toConversation(withSystemTurn);
  assert.equal(sys?.system, 'Answer briefly.');
  assert.deepEqual(sys?.turns.map((t) => t.role), ['user', 'assistant']);
  assert.deepEqual(s.textFields(withSystemTurn).map((f) => [f.pointer, f.role, f.turn, f.turnRole]), [
    ['/conversations/0/value', 'system', 0, 'system'],
    ['/conversations/1/value', 'prompt', 1, 'user'],
    ['/conversations/2/value', 'response', 2, 'assistant'],
  ]);
  const t = s.toConversation(tools);
  assert.equal(t?.system, 'You can call tools.');
  assert.equal((t?.tools?.[0] as { name: string }).name, 'get_weather');
  assert.deepEqual(t?.turns.map((x) => x.role), ['user', 'assistant', 'tool', 'assistant']);
  assert.deepEqual(t?.turns[1].toolCalls, [{ type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }]);
  assert.equal(t?.turns[1].content, '', 'the call is carried as a tool call, not as text');
  assert.deepEqual(s.textFields(tools).map((f) => f.role), ['system', 'prompt', 'other', 'context', 'response']);
  assert.deepEqual(s.toConversation(messagesKey)?.turns.map((x) => x.role), ['user', 'assistant']);
  const spec = s.fieldsFor?.(messagesKey).find((f) => f.kind === 'turns');
  assert.deepEqual([spec?.pointer, spec?.turns?.roleKey, spec?.turns?.contentKey], ['/messages', 'from', 'value']);
  // LIMA: plain strings alternate user / assistant
  assert.deepEqual(s.toConversation(lima)?.turns.map((x) => [x.role, x.source]), [['user', '/conversations/0'], ['assistant', '/conversations/1']]);
  assert.deepEqual(s.textFields(lima).map((f) => f.role), ['prompt', 'response']);
});

test('openai-chat: content parts, tool calls, weight 0, LLaMA-Factory reasoning parts and loss_weight', () => {
  const [basic, parts, toolUse, weighted, v1] = fixture('openai-chat.jsonl');
  const o = fmt('openai-chat');
  assert.deepEqual(o.toConversation(basic), {
    system: 'You are terse.',
    turns: [
      { role: 'user', content: '2+2?', trained: false, source: '/messages/1/content' },
      { role: 'assistant', content: '4', trained: true, source: '/messages/2/content' },
    ],
  });
  assert.deepEqual(o.textFields(parts).map((f) => [f.pointer, f.role]), [
    ['/messages/0/content/0/text', 'prompt'],
    ['/messages/1/content/0/text', 'response'],
  ]);
  assert.equal(o.toConversation(parts)?.turns[0].content, 'Describe this picture.');
  const tc = o.toConversation(toolUse);
  assert.equal(tc?.tools?.length, 1);
  assert.deepEqual(tc?.turns.map((t) => [t.role, t.content, t.trained]), [
    ['user', 'Weather in Oslo?', false],
    ['assistant', '', true],
    ['tool', '{"temp": 3}', false],
    ['assistant', 'It is 3 degrees.', true],
  ]);
  assert.equal((tc?.turns[1].toolCalls?.[0] as { id: string }).id, 'call_1');
  assert.deepEqual(o.textFields(toolUse).map((f) => `${f.pointer}=${f.role}${f.required ? '!' : ''}`), [
    '/messages/0/content=prompt!',
    '/messages/1/tool_calls/0/function/arguments=other',
    '/messages/2/content=context',
    '/messages/3/content=response!',
  ]);
  assert.deepEqual(o.toConversation(weighted)?.turns.map((t) => t.trained), [false, false, false, true]);
  const v = o.toConversation(v1);
  assert.deepEqual(v?.turns.map((t) => [t.content, t.trained]), [['What is 6*7?', false], ['<think>\n6*7 = 42.\n</think>\n\n42', true]]);
  assert.deepEqual(o.textFields(v1).map((f) => [f.pointer, f.role]), [
    ['/messages/0/content/0/value', 'prompt'],
    ['/messages/1/content/0/value', 'rationale'],
    ['/messages/1/content/1/value', 'response'],
  ]);
});

test('oasst: a tree follows the best-ranked reply, every message is a text field; rows are single messages', () => {
  const [tree, nested, row] = fixture('oasst.jsonl');
  const o = fmt('oasst');
  assert.deepEqual(o.toConversation(tree)?.turns.map((t) => [t.role, t.source]), [
    ['user', '/prompt/text'],
    ['assistant', '/prompt/replies/1/text'],
    ['user', '/prompt/replies/1/replies/0/text'],
  ]);
  assert.deepEqual(o.textFields(tree).map((f) => [f.pointer, f.role, f.turn]), [
    ['/prompt/text', 'prompt', 0],
    ['/prompt/replies/0/text', 'response', 1],
    ['/prompt/replies/1/text', 'response', 1],
    ['/prompt/replies/1/replies/0/text', 'prompt', 2],
  ]);
  assert.deepEqual(o.toConversation(nested)?.turns.map((t) => t.role), ['user', 'assistant']);
  assert.deepEqual(o.toConversation(row)?.turns.map((t) => [t.role, t.content]), [['assistant', 'Paris is the capital of France.']]);
  for (const k of Object.keys(row)) assert.ok(o.knownKeys.includes(k), k);
  assert.equal(o.fieldsFor?.(row).some((f) => f.pointer === '/parent_id'), true);
  assert.equal(o.fieldsFor?.(tree).some((f) => f.pointer === '/prompt/text'), true);
});

test('prompt-completion: strings and TRL message lists', () => {
  const [, hello, lists] = fixture('prompt-completion.jsonl');
  const p = fmt('prompt-completion');
  assert.deepEqual(roles(p.textFields(hello)), ['/prompt=prompt!', '/completion=response!']);
  assert.deepEqual(p.textFields(lists).map((f) => [f.pointer, f.role, f.turn]), [
    ['/prompt/0/content', 'prompt', 0],
    ['/completion/0/content', 'response', 1],
  ]);
  assert.deepEqual(p.toConversation(lists)?.turns.map((t) => [t.role, t.content]), [['user', 'What color is the sky?'], ['assistant', 'It is blue.']]);
  assert.equal(p.fieldsFor?.(lists)[0].kind, 'turns');
});

test('text: the whole text trains; a "### Human: / ### Assistant:" transcript splits into turns', () => {
  const [sql, guanaco] = fixture('text.jsonl');
  const t = fmt('text');
  assert.deepEqual(t.textFields(sql), [{ pointer: '/text', role: 'response', text: sql.text, required: true }]);
  assert.deepEqual(t.toConversation(sql)?.turns.map((x) => [x.role, x.trained]), [['assistant', true]]);
  assert.deepEqual(t.toConversation(guanaco)?.turns.map((x) => [x.role, x.content, x.trained]), [
    ['user', 'Can you write a haiku about rain?', false],
    ['assistant', 'Soft rain on the roof\nthe kettle starts to whistle\nthe cat does not care', true],
  ]);
});

test('preference: strings, HH transcripts, LLaMA-Factory objects, TRL lists, OpenAI and StackExchange pairs', () => {
  const [strings, hh, lf, trl, openai, stack, farm] = fixture('preference.jsonl');
  const p = fmt('preference');
  assert.deepEqual(roles(p.textFields(strings)), ['/prompt=prompt!', '/chosen=response!', '/rejected=rejected!']);
  assert.deepEqual(p.toConversation(strings)?.turns.map((t) => [t.role, t.content]), [['user', 'What is 2+2?'], ['assistant', '2+2 = 4.']]);
  assert.deepEqual(p.toConversation(hh)?.turns.map((t) => [t.role, t.content]), [
    ['user', 'How do I boil an egg?'],
    ['assistant', 'Put it in boiling water for 9 minutes.'],
  ]);
  assert.deepEqual(p.textFields(lf).map((f) => [f.pointer, f.role, f.turn]), [
    ['/conversations/0/value', 'prompt', 0],
    ['/chosen/value', 'response', 1],
    ['/rejected/value', 'rejected', 1],
  ]);
  assert.deepEqual(p.toConversation(lf)?.turns.map((t) => t.content), ['Name a mammal that can fly.', 'The bat.']);
  const trlFields = p.textFields(trl);
  assert.deepEqual(trlFields.filter((f) => f.role === 'rejected').map((f) => f.pointer), ['/rejected/1/content']);
  assert.deepEqual(p.toConversation(trl)?.turns.map((t) => t.content), ['Capital of Italy?', 'Rome.'], 'the prompt is not repeated');
  assert.deepEqual(p.toConversation(openai)?.turns.map((t) => t.content), ['Hello, can you tell me how cold San Francisco is today?', 'Today in San Francisco it is 12 degrees.']);
  assert.deepEqual(p.textFields(openai).map((f) => [f.pointer, f.role]), [
    ['/input/messages/0/content', 'prompt'],
    ['/preferred_output/0/content', 'response'],
    ['/non_preferred_output/0/content', 'rejected'],
  ]);
  assert.deepEqual(roles(p.textFields(stack)), ['/question=prompt!', '/response_j=response!', '/response_k=rejected!']);
  assert.equal(p.fieldsFor?.(lf).find((f) => f.label === 'Chosen')?.pointer, '/chosen/value');
  // AlpacaFarm: preference 2 makes output_2 the chosen answer
  assert.deepEqual(roles(p.textFields(farm)), ['/instruction=prompt!', '/input=context', '/output_2=response!', '/output_1=rejected!']);
  assert.deepEqual(p.toConversation(farm)?.turns.map((t) => t.content), ['Give a synonym.\n\nhappy', 'joyful']);
  assert.deepEqual(roles(p.textFields({ ...farm, preference: 1 })).slice(2), ['/output_1=response!', '/output_2=rejected!']);
  // LLaMA-Factory alpaca-layout pairs
  assert.deepEqual(roles(p.textFields({ instruction: 'i', input: 'x', chosen: 'a', rejected: 'b' })), ['/instruction=prompt!', '/input=context', '/chosen=response!', '/rejected=rejected!']);
});

test('kto: label is carried by the record, the conversation is the messages', () => {
  const [good, bad, unpaired, tagged, alpacaLayout] = fixture('kto.jsonl');
  const k = fmt('kto');
  assert.deepEqual(k.toConversation(bad)?.turns.map((t) => [t.role, t.content]), [['user', 'What is 3*3?'], ['assistant', '3*3 is 6.']]);
  assert.deepEqual(k.textFields(good).map((f) => f.role), ['prompt', 'response']);
  assert.deepEqual(roles(k.textFields(unpaired)), ['/prompt=prompt!', '/completion=response!']);
  assert.deepEqual(k.toConversation(tagged)?.turns.map((t) => t.role), ['user', 'assistant']);
  assert.deepEqual(k.fieldsFor?.(tagged).map((f) => f.pointer), ['/conversations', '/kto_tag']);
  assert.deepEqual(roles(k.textFields(alpacaLayout)), ['/instruction=prompt!', '/input=context', '/output=response!']);
  assert.deepEqual(k.toConversation(alpacaLayout)?.turns.map((t) => t.content), ['Translate to German.\n\nGood night', 'Gute Nacht']);
});

test('cot: GSM8K answer is the rationale; separate rationale makes answer the answer; MATH and AQuA variants', () => {
  const [gsm, flanCot, math, aqua, metamath, shortResponse, orca] = fixture('cot.jsonl');
  const c = fmt('cot');
  assert.deepEqual(roles(c.textFields(gsm)), ['/question=prompt!', '/answer=rationale!']);
  assert.deepEqual(roles(c.textFields(flanCot)), ['/question=prompt!', '/rationale=rationale!', '/answer=answer']);
  assert.equal(c.toConversation(flanCot)?.turns[1].content, 'Crime scenes often have blood.\nSo the answer is blood.');
  assert.equal(c.toConversation(gsm)?.turns[1].content, gsm.answer);
  assert.deepEqual(roles(c.textFields(math)), ['/problem=prompt!', '/solution=rationale!']);
  assert.deepEqual(roles(c.textFields(aqua)), ['/question=prompt!', '/options/0=context', '/options/1=context', '/options/2=context', '/rationale=rationale!', '/correct=answer']);
  assert.equal(c.toConversation(aqua)?.turns[0].content, 'A shop sells 3 pens for $6. What does one pen cost?\nA)$1\nB)$2\nC)$3');
  // a short answer without reasoning is an answer, not a rationale
  assert.deepEqual(roles(c.textFields({ question: 'Capital of France?', answer: 'Paris' })), ['/question=prompt!', '/answer=answer!']);
  assert.deepEqual(c.fieldsFor?.(gsm).map((f) => [f.pointer, f.role]), [['/question', 'prompt'], ['/answer', 'rationale']]);
  // MetaMathQA: a worked response is the rationale, a bare number the answer
  assert.deepEqual(roles(c.textFields(metamath)), ['/query=prompt!', '/response=rationale!']);
  assert.deepEqual(roles(c.textFields(shortResponse)), ['/query=prompt!', '/response=answer!']);
  // OpenOrca-style system prompt
  assert.deepEqual(roles(c.textFields(orca)), ['/system_prompt=system', '/question=prompt!', '/response=rationale!']);
  assert.equal(c.toConversation(orca)?.system, 'You are an AI assistant. Think step by step.');
  // a rationale that already states the answer gets no suffix
  const stated = { question: 'q', rationale: '2 + 2 = 4. The answer is 4.', answer: '4' };
  assert.equal(c.toConversation(stated)?.turns[1].content, stated.rationale);
});

test('cot: records that follow one another with other keys, or the same keys holding other types, map each by its own keys', () => {
  const c = fmt('cot');
  // the format remembers which listed keys the previous record had: each record must still be read by its own
  const seq: [Record<string, unknown>, string[]][] = [
    [{ question: 'q', answer: '3 + 4 = 7.\n#### 7' }, ['/question=prompt!', '/answer=rationale!']],
    [{ question: 'q', answer: '7' }, ['/question=prompt!', '/answer=answer!']],
    [{ question: 5, answer: '7' }, ['/answer=answer!']],
    [{ question: 'q', rationale: 'r', answer: '7' }, ['/question=prompt!', '/rationale=rationale!', '/answer=answer']],
    [{ answer: '7', question: 'q' }, ['/question=prompt!', '/answer=answer!']],
    [{ question: 'q', answer: 7 }, ['/question=prompt!']],
    [{ question: 'q', answer: '7', system: 'Be brief.' }, ['/system=system', '/question=prompt!', '/answer=answer!']],
    [{ question: 'q', answer: '7', system: 3 }, ['/question=prompt!', '/answer=answer!']],
    [{ question: 'q', answer: '7' }, ['/question=prompt!', '/answer=answer!']],
  ];
  for (let round = 0; round < 2; round++) {
    for (const [rec, expected] of seq) assert.deepEqual(roles(c.textFields(rec)), expected, JSON.stringify(rec));
  }
});

test('text fields escape keys in pointers and skip non-string values', () => {
  const s = fmt('sharegpt');
  const rec = { conversations: [{ from: 'human', value: 'hi' }, { from: 'gpt', value: null }, 'junk', { from: 'gpt', value: 'ok' }] };
  assert.deepEqual(s.textFields(rec).map((f) => f.pointer), ['/conversations/0/value', '/conversations/3/value']);
  assert.deepEqual(s.toConversation(rec)?.turns.map((t) => [t.role, t.content]), [['user', 'hi'], ['assistant', ''], ['assistant', 'ok']]);
  for (const f of allFormats) {
    for (const bad of [null, 'text', 42, [], {}]) {
      assert.doesNotThrow(() => f.textFields(bad), `${f.id} textFields(${JSON.stringify(bad)})`);
      assert.doesNotThrow(() => f.toConversation(bad), `${f.id} toConversation(${JSON.stringify(bad)})`);
      assert.equal(f.detect(bad), 0, `${f.id} detect(${JSON.stringify(bad)})`);
    }
  }
});
