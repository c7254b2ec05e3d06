import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chat, listModels, withRetries, ModelError, promptMessages } from '../../../src/core/model/index';
import { startLoopbackModel, type LoopbackModel } from '../../support/loopbackModel.mjs';

let server: LoopbackModel;
let keyed: LoopbackModel;
before(async () => {
  server = await startLoopbackModel({ models: ['m', 'gpt-x', 'a-model'] });
  keyed = await startLoopbackModel({ apiKey: 'sk-test' });
});
after(async () => { await server.close(); await keyed.close(); });
const req = { model: 'm', messages: [{ role: 'user' as const, content: 'What is 3 × 4?' }] };

test('openai-compatible: streams SSE deltas split across chunks, ends at [DONE], reports usage', async () => {
  keyed.setReply(() => ({ chunks: ['3 × 4 ', '= 12'], usage: { prompt: 9, completion: 4 } }));
  const deltas: string[] = [];
  const r = await chat({ provider: 'openai-compatible', baseUrl: `${keyed.openaiBaseUrl}/`, apiKey: 'sk-test' }, { ...req, temperature: 0 }, (d) => deltas.push(d));
  assert.equal(r.text, '3 × 4 = 12');
  assert.deepEqual(deltas, ['3 × 4 ', '= 12']);
  assert.deepEqual(r.usage, { promptTokens: 9, completionTokens: 4 });
  const seen = keyed.requests.at(-1)!;
  assert.equal(seen.headers.authorization, 'Bearer sk-test');
  assert.equal(seen.body.stream, true);
  assert.equal(seen.body.temperature, 0);
});

test('openai-compatible: HTTP errors carry the server message and an actionable hint', async () => {
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: keyed.openaiBaseUrl, apiKey: 'sk-wrong' }, req), (e: ModelError) => e.kind === 'auth' && /Incorrect API key provided/.test(e.message) && /Set API Key/.test(e.message));
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: `${server.url}/nowhere` }, req), (e: ModelError) => e.kind === 'not-found' && /base URL/.test(e.message));
});

test('a dropped connection, a silent server and a cancel each give their own error', async () => {
  server.setReply(() => ({ text: 'half of an answer', dropAfter: 3 }));
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: server.openaiBaseUrl }, req), (e: ModelError) => e.kind === 'network');
  server.setReply(() => ({ stall: true }));
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: server.openaiBaseUrl, timeoutMs: 100 }, req), (e: ModelError) => e.kind === 'timeout' && /within/.test(e.message));
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 50);
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: server.openaiBaseUrl }, req, () => {}, { signal: ac.signal }), (e: ModelError) => e.kind === 'cancelled');
});

test('ollama: streams NDJSON from /api/chat and lists models from /api/tags', async () => {
  server.setReply(() => ({ chunks: ['The answer', ' is 12.'], usage: { prompt: 11, completion: 5 } }));
  const r = await chat({ provider: 'ollama', baseUrl: server.url }, { ...req, maxTokens: 64 });
  assert.equal((server.requests.at(-1)!.body.options as { num_predict: number }).num_predict, 64);
  assert.equal(r.text, 'The answer is 12.');
  assert.deepEqual(r.usage, { promptTokens: 11, completionTokens: 5 });
  assert.deepEqual(await listModels({ provider: 'ollama', baseUrl: server.url }), ['a-model', 'gpt-x', 'm']);
  assert.deepEqual(await listModels({ provider: 'openai-compatible', baseUrl: server.openaiBaseUrl }), ['a-model', 'gpt-x', 'm']);
});

test('withRetries backs off on 429/5xx (honouring Retry-After) and gives up on auth errors', async () => {
  const delays: number[] = [];
  let calls = 0;
  const out = await withRetries(async () => {
    calls++;
    if (calls === 1) throw new ModelError('rate-limit', 'slow down', 429, 2000);
    if (calls === 2) throw new ModelError('server', 'boom', 503);
    return 'ok';
  }, { baseDelayMs: 100, sleep: async (ms) => { delays.push(ms); } });
  assert.equal(out, 'ok');
  assert.deepEqual(delays, [2000, 200]);
  let authCalls = 0;
  await assert.rejects(withRetries(async () => { authCalls++; throw new ModelError('auth', 'no'); }, { sleep: async () => {} }));
  assert.equal(authCalls, 1);
});

test('promptMessages asks the conversation up to its last answer, and returns that answer', () => {
  const p = promptMessages({ system: 'S', turns: [{ role: 'user', content: 'q', trained: false }, { role: 'assistant', content: 'a', trained: true }] });
  assert.deepEqual(p.messages, [{ role: 'system', content: 'S' }, { role: 'user', content: 'q' }]);
  assert.equal(p.expected, 'a');
});
