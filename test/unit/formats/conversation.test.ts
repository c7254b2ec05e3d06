/** The canonical conversation helpers every format uses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConversation, conversationText, makeTurn, normalizeRole, parseToolCallText, parseTools, parseTranscript } from '../../../src/core/conversation';

test('role names from every dataset family map to the canonical roles', () => {
  const cases: [string, string | undefined][] = [
    ['human', 'user'], ['Human', 'user'], ['prompter', 'user'], ['user', 'user'],
    ['gpt', 'assistant'], ['bot', 'assistant'], ['model', 'assistant'], ['chatgpt', 'assistant'], ['assistant', 'assistant'], ['function_call', 'assistant'],
    ['system', 'system'], ['developer', 'system'],
    ['observation', 'tool'], ['tool', 'tool'], ['function', 'tool'],
    ['narrator', undefined], ['', undefined],
  ];
  for (const [name, role] of cases) assert.equal(normalizeRole(name), role, name);
  assert.equal(normalizeRole(3), undefined);
});

test('turns train only on assistant turns by default; leading system turns become the system prompt', () => {
  assert.equal(makeTurn('assistant', 'x').trained, true);
  assert.equal(makeTurn('user', 'x').trained, false);
  const c = buildConversation([makeTurn('system', 'A'), makeTurn('system', 'B'), makeTurn('user', 'q'), makeTurn('system', 'late'), makeTurn('assistant', 'a')], { system: 'Top' });
  assert.equal(c.system, 'Top\n\nA\n\nB');
  assert.deepEqual(c.turns.map((t) => t.role), ['user', 'system', 'assistant'], 'a later system message stays a turn');
  assert.equal(buildConversation([makeTurn('user', 'q')], { tools: [] }).tools, undefined, 'an empty tool list is omitted');
});

test('conversationText lists the system prompt and each turn, tool calls included', () => {
  const c = buildConversation([makeTurn('user', 'Weather?'), makeTurn('assistant', '', undefined, { toolCalls: [{ type: 'function', function: { name: 'w', arguments: '{}' } }] }), makeTurn('assistant', 'Sunny.')], { system: 'Be brief.' });
  assert.equal(conversationText(c), 'system: Be brief.\n\nuser: Weather?\n\nassistant: [{"type":"function","function":{"name":"w","arguments":"{}"}}]\n\nassistant: Sunny.');
});

test('speaker-marked transcripts split into turns; ordinary text does not', () => {
  assert.deepEqual(parseTranscript('\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: Bye\n\nAssistant: See you.'), [
    { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }, { role: 'user', content: 'Bye' }, { role: 'assistant', content: 'See you.' },
  ]);
  assert.deepEqual(parseTranscript('### Human: Name a colour.### Assistant: Teal.'), [{ role: 'user', content: 'Name a colour.' }, { role: 'assistant', content: 'Teal.' }]);
  assert.equal(parseTranscript('The user said: hi. Assistant: replied.'), undefined, 'must start with a marker');
  assert.equal(parseTranscript('Human: only a question'), undefined, 'needs both speakers');
  assert.equal(parseTranscript('plain text'), undefined);
});

test('tool lists and tool-call strings are parsed into the OpenAI shape, bad JSON is left alone', () => {
  assert.deepEqual(parseTools('[{"name":"f"}]'), [{ name: 'f' }]);
  assert.deepEqual(parseTools('{"name":"f"}'), [{ name: 'f' }]);
  assert.equal(parseTools('not json'), undefined);
  assert.equal(parseTools(''), undefined);
  assert.deepEqual(parseToolCallText('{"name": "f", "arguments": {"x": 1}}'), [{ type: 'function', function: { name: 'f', arguments: '{"x":1}' } }]);
  assert.deepEqual(parseToolCallText('[{"name": "f", "arguments": "{}"}, {"function": {"name": "g", "arguments": "{}"}}]'), [
    { type: 'function', function: { name: 'f', arguments: '{}' } },
    { type: 'function', function: { name: 'g', arguments: '{}' } },
  ]);
  assert.equal(parseToolCallText('{"arguments": {}}'), undefined, 'a call needs a name');
  assert.equal(parseToolCallText('call f()'), undefined);
});
