// A model server on 127.0.0.1 for tests: speaks OpenAI chat completions (SSE) and Ollama /api/chat (NDJSON)
// the way the real servers do — events split mid-JSON across writes, keep-alive comments, `[DONE]`, usage
// chunks, JSON error bodies, Retry-After — and misbehaves on request: slow drip, stalled or dropped
// connections, malformed or truncated streams. Plain ESM with no dependencies so unit tests (tsx),
// extension-host suites (esbuild) and UI tests (.mjs) can all start it. Types: loopbackModel.d.mts.
import { createServer } from 'node:http';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The content deltas of an answer: a few characters each, like a real token stream. */
function deltasOf(text, size = 4) {
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Cuts serialized events at arbitrary points so a reader must join chunks (half an event, then the rest plus the next). */
function splitWrites(events, midJson) {
  if (!midJson) return events;
  const all = events.join('');
  const out = [];
  let i = 0;
  let step = 7;
  while (i < all.length) {
    out.push(all.slice(i, i + step));
    i += step;
    step = step === 7 ? 23 : step === 23 ? 41 : 7;
  }
  return out;
}

function openaiError(status, message, type, code) {
  return { error: { message, type, param: null, code: code ?? null } };
}

/**
 * @param {import('./loopbackModel.d.mts').LoopbackOptions} [options]
 * @returns {Promise<import('./loopbackModel.d.mts').LoopbackModel>}
 */
export async function startLoopbackModel(options = {}) {
  let reply = options.reply ?? ((r) => ({ text: `You asked: ${r.messages.at(-1)?.content ?? ''}` }));
  const requests = [];
  const sockets = new Set();
  let inflight = 0;
  let maxInflight = 0;
  let seq = 0;

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      handle(req, res, raw).catch((e) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(openaiError(500, `loopback server bug: ${e?.message ?? e}`, 'server_error')));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req, res, raw) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    const ollama = url.pathname.startsWith('/api/');
    const fail = (status, message, extraHeaders = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...extraHeaders });
      res.end(JSON.stringify(ollama ? { error: message } : openaiError(status, message, status === 401 ? 'invalid_request_error' : 'server_error')));
    };
    if (options.apiKey !== undefined && !ollama && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return fail(401, req.headers.authorization ? 'Incorrect API key provided.' : "You didn't provide an API key.");
    }
    if (route === 'GET /v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ object: 'list', data: (options.models ?? ['loopback-model']).map((id) => ({ id, object: 'model', owned_by: 'loopback' })) }));
    }
    if (route === 'GET /api/tags') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ models: (options.models ?? ['loopback-model']).map((name) => ({ name, model: name, size: 1 })) }));
    }
    if (route !== 'POST /v1/chat/completions' && route !== 'POST /api/chat') {
      return fail(404, ollama ? `404 page not found` : `Unknown request URL: ${req.method} ${url.pathname}`);
    }
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return fail(400, 'We could not parse the JSON body of your request.');
    }
    const request = { index: seq++, provider: ollama ? 'ollama' : 'openai-compatible', path: url.pathname, headers: req.headers, body, model: body.model, messages: body.messages ?? [] };
    requests.push(request);
    if (options.models && !options.models.includes(body.model)) {
      return fail(404, ollama ? `model '${body.model}' not found, try pulling it first` : `The model \`${body.model}\` does not exist or you do not have access to it.`);
    }
    inflight++;
    maxInflight = Math.max(maxInflight, inflight);
    try {
      const r = await reply(request);
      await answer(res, r, request, ollama);
    } finally {
      inflight--;
    }
  }

  async function answer(res, r, request, ollama) {
    if (r.delayMs) await sleep(r.delayMs);
    if (r.status && r.status >= 400) {
      const headers = { 'content-type': 'application/json', ...(r.retryAfter !== undefined ? { 'retry-after': String(r.retryAfter) } : {}) };
      res.writeHead(r.status, headers);
      const message = r.message ?? (r.status === 429 ? 'Rate limit reached for requests' : r.status >= 500 ? 'The server had an error while processing your request.' : 'Bad request');
      res.end(r.body !== undefined ? (typeof r.body === 'string' ? r.body : JSON.stringify(r.body)) : JSON.stringify(ollama ? { error: message } : openaiError(r.status, message, r.status === 429 ? 'requests' : 'server_error')));
      return;
    }
    if (r.stall) {
      res.writeHead(200, { 'content-type': ollama ? 'application/x-ndjson' : 'text/event-stream' });
      res.flushHeaders();
      return new Promise((resolve) => res.on('close', resolve));
    }
    const text = r.text ?? '';
    const deltas = r.chunks ?? deltasOf(text);
    const usage = r.usage === false ? undefined : r.usage ?? { prompt: request.messages.reduce((n, m) => n + String(m.content ?? '').split(/\s+/).length, 0), completion: deltas.length };
    const id = `chatcmpl-loopback-${request.index}`;
    const created = 1764633600;
    let events;
    if (ollama) {
      events = deltas.map((d) => JSON.stringify({ model: request.model, created_at: '2026-12-02T00:00:00Z', message: { role: 'assistant', content: d }, done: false }) + '\n');
      if (r.malformed) events.splice(1, 0, '{"model": "x", "message": {"content": oops}\n');
      if (!r.truncated) events.push(JSON.stringify({ model: request.model, created_at: '2026-12-02T00:00:01Z', message: { role: 'assistant', content: '' }, done: true, done_reason: r.finishReason ?? 'stop', ...(usage ? { prompt_eval_count: usage.prompt, eval_count: usage.completion } : {}) }) + '\n');
    } else {
      const chunk = (delta, finish) => `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      events = [': keep-alive\n\n', chunk({ role: 'assistant', content: '' }, null), ...deltas.map((d) => chunk({ content: d }, null))];
      if (r.malformed) events.splice(2, 0, 'data: {"choices": [{"delta": {"content": oops}}]}\n\n');
      if (!r.truncated) {
        events.push(chunk({}, r.finishReason ?? 'stop'));
        if (usage) events.push(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices: [], usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion } })}\n\n`);
        events.push('data: [DONE]\n\n');
      }
    }
    const writes = splitWrites(events, r.splitMidJson !== false);
    res.writeHead(200, { 'content-type': ollama ? 'application/x-ndjson' : 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    const drip = r.dripMs ?? 1;
    for (let i = 0; i < writes.length; i++) {
      if (r.dropAfter !== undefined && i >= r.dropAfter) {
        res.socket?.destroy();
        return;
      }
      if (res.destroyed) return;
      res.write(writes[i]);
      await sleep(drip);
    }
    res.end();
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    requests,
    get maxInflight() { return maxInflight; },
    get inflight() { return inflight; },
    setReply(fn) { reply = fn; },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// `node test/support/loopbackModel.mjs [port]`: run it by hand (answers "You asked: …").
if (process.argv[1]?.endsWith('loopbackModel.mjs')) {
  startLoopbackModel({ port: Number(process.argv[2] ?? 0) }).then((m) => console.log(`loopback model at ${m.openaiBaseUrl} (OpenAI) and ${m.url} (Ollama)`));
}
