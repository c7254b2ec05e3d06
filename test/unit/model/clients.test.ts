import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chat, listModels, withRetries, ModelError, promptMessages } from '../../../src/core/model/index';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes = new Map<string, Handler>();
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const h = routes.get(`${req.method} ${req.url}`);
    if (!h) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
      return;
    }
    h(req, res, body);
  });
});
const ready = new Promise<string>((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
after(() => server.close());

const sse = (res: ServerResponse, events: string[], delayMs = 5) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  let i = 0;
  const next = () => {
    if (i === events.length) return res.end();
    res.write(events[i++]);
    setTimeout(next, delayMs);
  };
  next();
};
const req = { model: 'm', messages: [{ role: 'user' as const, content: 'What is 3 × 4?' }] };

test('openai-compatible: streams SSE deltas split across chunks, ends at [DONE], reports usage', async () => {
  const base = await ready;
  let seen: Record<string, unknown> = {};
  routes.set('POST /v1/chat/completions', (r, res, body) => {
    seen = { auth: r.headers.authorization, body: JSON.parse(body) };
    sse(res, [
      ': keep-alive\n\n',
      'data: {"choices":[{"delta":{"role":"assistant"}}]}\n\n',
      'data: {"choices":[{"delta":{"content":"3 × 4 "}}]}\n\ndata: {"choi',
      'ces":[{"delta":{"content":"= 12"},"finish_reason":"stop"}]}\n\n',
      'data: {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4}}\n\n',
      'data: [DONE]\n\n',
    ]);
  });
  const deltas: string[] = [];
  const r = await chat({ provider: 'openai-compatible', baseUrl: `${base}/v1/`, apiKey: 'sk-test' }, { ...req, temperature: 0 }, (d) => deltas.push(d));
  assert.equal(r.text, '3 × 4 = 12');
  assert.deepEqual(deltas, ['3 × 4 ', '= 12']);
  assert.deepEqual(r.usage, { promptTokens: 9, completionTokens: 4 });
  assert.equal(seen.auth, 'Bearer sk-test');
  assert.equal((seen.body as { stream: boolean }).stream, true);
});

test('openai-compatible: HTTP errors carry the server message and an actionable hint', async () => {
  const base = await ready;
  routes.set('POST /bad/chat/completions', (_r, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Incorrect API key provided"}}'));
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: `${base}/bad` }, req), (e: ModelError) => e.kind === 'auth' && /Incorrect API key provided/.test(e.message) && /Set API Key/.test(e.message));
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: `${base}/nowhere` }, req), (e: ModelError) => e.kind === 'not-found' && /base URL/.test(e.message));
});

test('a dropped connection, a silent server and a cancel each give their own error', async () => {
  const base = await ready;
  routes.set('POST /drop/chat/completions', (_r, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"choices":[{"delta":{"content":"half"}}]}\n\n');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: `${base}/drop` }, req), (e: ModelError) => e.kind === 'network');
  routes.set('POST /slow/chat/completions', (_r, res) => { res.writeHead(200); setTimeout(() => res.end(), 2000); });
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: `${base}/slow`, timeoutMs: 100 }, req), (e: ModelError) => e.kind === 'timeout' && /within/.test(e.message));
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 50);
  await assert.rejects(chat({ provider: 'openai-compatible', baseUrl: `${base}/slow` }, req, () => {}, { signal: ac.signal }), (e: ModelError) => e.kind === 'cancelled');
});

test('ollama: streams NDJSON from /api/chat and lists models from /api/tags', async () => {
  const base = await ready;
  routes.set('POST /api/chat', (_r, res, body) => {
    assert.equal(JSON.parse(body).options.num_predict, 64);
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.write('{"message":{"role":"assistant","content":"The answer"}}\n{"message":{"content":" is 12."}}\n');
    res.end('{"message":{"content":""},"done":true,"done_reason":"stop","prompt_eval_count":11,"eval_count":5}\n');
  });
  routes.set('GET /api/tags', (_r, res) => res.end('{"models":[{"name":"qwen2.5:7b"},{"name":"llama3.1:8b"}]}'));
  const r = await chat({ provider: 'ollama', baseUrl: base }, { ...req, maxTokens: 64 });
  assert.equal(r.text, 'The answer is 12.');
  assert.deepEqual(r.usage, { promptTokens: 11, completionTokens: 5 });
  assert.deepEqual(await listModels({ provider: 'ollama', baseUrl: base }), ['llama3.1:8b', 'qwen2.5:7b']);
  routes.set('GET /v1/models', (_r, res) => res.end('{"data":[{"id":"gpt-x"},{"id":"a-model"}]}'));
  assert.deepEqual(await listModels({ provider: 'openai-compatible', baseUrl: `${base}/v1` }), ['a-model', 'gpt-x']);
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
