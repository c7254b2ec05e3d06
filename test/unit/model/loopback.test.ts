// The model clients against the reusable loopback server (test/support/loopbackModel.mjs), protocol by protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chat, listModels, ModelError } from '../../../src/core/model/index';
import { startLoopbackModel, type LoopbackModel } from '../../support/loopbackModel.mjs';

let server: LoopbackModel;
before(async () => { server = await startLoopbackModel({ models: ['m', 'other'] }); });
after(() => server.close());
const req = { model: 'm', messages: [{ role: 'user' as const, content: 'What is 3 × 4?' }] };
const openai = () => ({ provider: 'openai-compatible' as const, baseUrl: server.openaiBaseUrl, timeoutMs: 1000 });
const ollama = () => ({ provider: 'ollama' as const, baseUrl: server.url, timeoutMs: 1000 });
const kind = (k: string, re: RegExp) => (e: unknown) => e instanceof ModelError && e.kind === k && re.test(e.message);

test('both protocols stream the whole answer from events cut mid-JSON, with usage', async () => {
  server.setReply(() => ({ text: '3 × 4 = 12. «The answer is 12.»', usage: { prompt: 9, completion: 8 } }));
  for (const ep of [openai(), ollama()]) {
    const deltas: string[] = [];
    const r = await chat(ep, req, (d) => deltas.push(d));
    assert.equal(r.text, '3 × 4 = 12. «The answer is 12.»', ep.provider);
    assert.ok(deltas.length > 3, ep.provider);
    assert.deepEqual(r.usage, { promptTokens: 9, completionTokens: 8 });
    assert.equal(r.finishReason, 'stop');
  }
  assert.deepEqual(await listModels(openai()), ['m', 'other']);
  assert.deepEqual(await listModels(ollama()), ['m', 'other']);
});

test('a slow drip stays alive (the timeout is per silence, not per answer)', async () => {
  server.setReply(() => ({ text: 'slow but steady', dripMs: 60 }));
  const r = await chat({ ...openai(), timeoutMs: 400 }, req);
  assert.equal(r.text, 'slow but steady');
  assert.ok(r.latencyMs > 400, `took ${r.latencyMs} ms`);
});

test('malformed, truncated and dropped streams, and silent servers, each say what happened', async () => {
  for (const ep of [openai(), ollama()]) {
    server.setReply(() => ({ text: 'abcdefghij', malformed: true }));
    await assert.rejects(chat(ep, req), kind('protocol', /not JSON/), ep.provider);
    server.setReply(() => ({ text: 'abcdefghij', truncated: true }));
    await assert.rejects(chat(ep, req), kind('network', /closed before the answer was complete/), ep.provider);
    server.setReply(() => ({ text: 'abcdefghijklmnopqrstuvwxyz', dropAfter: 2 }));
    await assert.rejects(chat(ep, req), (e) => e instanceof ModelError && e.kind === 'network', ep.provider);
    server.setReply(() => ({ stall: true }));
    await assert.rejects(chat({ ...ep, timeoutMs: 150 }, req), kind('timeout', /no answer from 127\.0\.0\.1:\d+ within 150 ms \(raise the timeout/), ep.provider);
  }
});

test('error bodies: 429 with Retry-After, 503, unknown model, unknown route', async () => {
  server.setReply(() => ({ status: 429, retryAfter: 2 }));
  await assert.rejects(chat(openai(), req), (e) => e instanceof ModelError && e.kind === 'rate-limit' && e.retryAfterMs === 2000 && /Rate limit reached/.test(e.message));
  server.setReply(() => ({ status: 503 }));
  await assert.rejects(chat(ollama(), req), kind('server', /HTTP 503/));
  await assert.rejects(chat(openai(), { ...req, model: 'nope' }), kind('not-found', /The model `nope` does not exist/));
  await assert.rejects(chat(ollama(), { ...req, model: 'nope' }), kind('not-found', /model 'nope' not found/));
  await assert.rejects(chat({ ...openai(), baseUrl: server.url }, req), kind('not-found', /check the base URL/));
});
