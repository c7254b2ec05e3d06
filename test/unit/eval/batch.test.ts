import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBatchEvaluation, evalRecordsFromLines, type EvalResult, type EvalRecord, type BatchOptions } from '../../../src/core/eval/index';
import { readLines } from '../../../src/core/jsonl/readLines';
import { ModelError, chat as httpChat } from '../../../src/core/model/index';
import { startLoopbackModel, type LoopbackModel, type LoopbackRequest } from '../../support/loopbackModel.mjs';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'eval');
let server: LoopbackModel;
before(async () => { server = await startLoopbackModel(); });
after(() => server.close());

const gsm8k = () => evalRecordsFromLines(readLines(createReadStream(join(FIXTURES, 'gsm8k-mini.jsonl'))));
const question = (r: LoopbackRequest) => r.messages.at(-1)!.content;

async function run(records: Iterable<EvalRecord> | AsyncIterable<EvalRecord>, options: Partial<BatchOptions> = {}) {
  const results: EvalResult[] = [];
  const summary = await runBatchEvaluation(records, {
    endpoint: { provider: 'openai-compatible', baseUrl: server.openaiBaseUrl, timeoutMs: 2000 },
    model: 'loopback-model', baseDelayMs: 1, onResult: (r) => { results.push(r); }, ...options,
  });
  return { results, summary };
}

test('summary numbers on CoT answers: final-answer accuracy, exact match, latency, tokens', async () => {
  server.setReply((r) => {
    const q = question(r);
    if (q.startsWith('Tom')) return { text: 'Each box has 4 apples, so 3 * 4 = <<3*4=12>>12 apples.\n#### 12' }; // exact
    if (q.startsWith('A pen')) return { text: 'Two pens are $4, plus $5.\nThe answer is $9.00.' }; // same value, other words
    if (q.startsWith('Sara')) return { text: '10 * 7 = 60\n#### 60' }; // wrong
    if (q.startsWith('There are')) return { text: 'Some birds are left, I cannot tell how many from the question alone.' }; // no final answer
    return { text: 'The final answer is 25.' };
  });
  const { results, summary } = await run(gsm8k());
  assert.deepEqual(results.map((r) => r.record), [1, 2, 3, 4, 5]);
  assert.deepEqual(results.map((r) => r.match), [true, true, false, false, true]);
  assert.deepEqual(results.map((r) => r.exactMatch), [true, false, false, false, false]);
  assert.deepEqual(results[1].finalAnswers, { dataset: '9', model: '$9.00' });
  assert.equal(results[3].finalAnswers.model, undefined);
  assert.deepEqual(results[0].prompt, [{ role: 'user', content: 'Tom has 3 boxes with 4 apples each. How many apples does he have?' }]);
  assert.match(results[0].datasetAnswer!, /#### 12$/);
  assert.equal(summary.records, 5);
  assert.equal(summary.answered, 5);
  assert.equal(summary.errors, 0);
  assert.equal(summary.finalAnswerAccuracy, 3 / 5);
  assert.equal(summary.exactMatch, 1 / 5);
  assert.equal(summary.cancelled, false);
  assert.ok(summary.meanLatencyMs !== null && summary.p50LatencyMs !== null && summary.p95LatencyMs! >= summary.p50LatencyMs);
  assert.ok(summary.tokens.completion > 0 && summary.tokens.prompt > 0 && !summary.tokens.estimated);
});

test('concurrency is never exceeded and results still come in record order', async () => {
  server.setReply((r) => ({ text: `#### ${question(r)}`, delayMs: 10 + ((r.index * 7) % 5) * 8 }));
  const before = server.requests.length;
  const records = Array.from({ length: 24 }, (_, i) => ({ line: i + 1, value: { instruction: String(i + 1), output: String(i + 1) } }));
  let maxInflight = 0;
  let inflight = 0;
  const chat: BatchOptions['chat'] = async (req, onDelta, o) => {
    inflight++;
    maxInflight = Math.max(maxInflight, inflight);
    try {
      return await httpChat({ provider: 'openai-compatible', baseUrl: server.openaiBaseUrl }, req, onDelta, o);
    } finally {
      inflight--;
    }
  };
  const { results, summary } = await run(records, { chat, concurrency: 3 });
  assert.equal(server.requests.length - before, 24);
  assert.equal(maxInflight, 3);
  assert.deepEqual(results.map((r) => r.record), records.map((r) => r.line));
  assert.equal(summary.finalAnswerAccuracy, 1);
});

test('429 is retried after the Retry-After delay, 503 with exponential backoff; 401 is not retried', async () => {
  const attempts = new Map<string, number>();
  server.setReply((r) => {
    const q = question(r);
    const n = (attempts.get(q) ?? 0) + 1;
    attempts.set(q, n);
    if (q.startsWith('Tom') && n === 1) return { status: 429, retryAfter: 2 };
    if (q.startsWith('A pen') && n <= 2) return { status: 503 };
    if (q.startsWith('Sara')) return { status: 401, message: 'Incorrect API key provided.' };
    return { text: '#### 1' };
  });
  const delays: number[] = [];
  const { results, summary } = await run(gsm8k(), { concurrency: 1, baseDelayMs: 100, sleep: async (ms) => { delays.push(ms); } });
  assert.deepEqual(delays, [2000, 100, 200]);
  assert.deepEqual(results.map((r) => r.retries), [1, 2, 0, 0, 0]);
  assert.equal(attempts.get(results[2].prompt[0].content), 1);
  assert.equal(results[2].error?.kind, 'auth');
  assert.match(results[2].error!.message, /HTTP 401.*Incorrect API key provided/);
  assert.equal(summary.errors, 1);
  assert.deepEqual(summary.errorKinds, { auth: 1 });
  assert.equal(summary.answered, 4);
});

test('cancel mid-run: in-flight requests stop, no new ones start, the results so far are complete', async () => {
  server.setReply(() => ({ text: '#### 1', delayMs: 30 }));
  const records = Array.from({ length: 40 }, (_, i) => ({ line: i + 1, value: { instruction: `q${i}`, output: '1' } }));
  const ac = new AbortController();
  const before = server.requests.length;
  const results: EvalResult[] = [];
  // count what the runner asks for on the client side: a request sent just before the cancel may
  // reach the loopback server a moment after the run has returned, so the server's count alone races
  let started = 0;
  let startedAfterCancel = 0;
  const chat: BatchOptions['chat'] = (req, onDelta, o) => {
    started++;
    if (ac.signal.aborted) startedAfterCancel++;
    return httpChat({ provider: 'openai-compatible', baseUrl: server.openaiBaseUrl }, req, onDelta, o);
  };
  const summary = await runBatchEvaluation(records, {
    endpoint: { provider: 'openai-compatible', baseUrl: server.openaiBaseUrl }, model: 'loopback-model', concurrency: 2, signal: ac.signal, chat,
    onResult: (r) => { results.push(r); if (results.length === 3) ac.abort(); },
  });
  const startedAtReturn = started;
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(startedAfterCancel, 0, 'no request starts after the cancel');
  assert.equal(started, startedAtReturn, 'nothing is retried once the run has returned');
  assert.ok(server.requests.length - before <= started, 'the server saw no request the runner did not send');
  assert.ok(started < 10, `asked ${started}`);
  assert.equal(summary.cancelled, true);
  assert.ok(results.length >= 3 && results.length < 10);
  assert.deepEqual(results.map((r) => r.record), results.map((_, i) => i + 1));
  assert.ok(results.every((r) => !r.error && r.modelAnswer === '#### 1'));
  assert.equal(summary.records, results.length);
});

test('bad records are reported at their line and the run goes on', async () => {
  server.setReply((r) => ({ text: question(r).includes('France') ? 'Paris.' : 'cold' }));
  const lines = readFileSync(join(FIXTURES, 'mixed.jsonl'), 'utf8').split('\n');
  const { results, summary } = await run(evalRecordsFromLines(lines));
  assert.deepEqual(results.map((r) => r.record), [1, 2, 3, 4]);
  assert.equal(results[0].match, true);
  assert.equal(results[0].exactMatch, false);
  assert.equal(results[1].error?.kind, 'record');
  assert.match(results[1].error!.message, /^line 2 is not valid JSON: .*column \d+/);
  assert.deepEqual(results[2].prompt, [{ role: 'system', content: 'Answer with one word.' }, { role: 'user', content: 'Opposite of hot?' }]);
  assert.equal(results[2].match, true, 'free-text answers compare case-insensitively');
  assert.match(results[3].error!.message, /^line 4 holds an array, not a record \(a JSON object/);
  assert.deepEqual([summary.answered, summary.errors], [2, 2]);
});

test('each failure of the endpoint becomes its own error kind with an actionable message', async () => {
  const cases: [Parameters<LoopbackModel['setReply']>[0], string, RegExp][] = [
    [() => ({ stall: true }), 'timeout', /no answer from 127\.0\.0\.1:\d+ within 1 s/],
    [() => ({ text: 'a long answer that is cut', dropAfter: 3 }), 'network', /closed before the answer was complete|cannot reach/],
    [() => ({ text: 'half', truncated: true }), 'network', /closed before the answer was complete/],
    [() => ({ text: 'x', malformed: true }), 'protocol', /not JSON/],
    [() => ({ status: 500 }), 'server', /HTTP 500.*server had an error/],
  ];
  for (const [reply, kind, message] of cases) {
    server.setReply(reply);
    const { results } = await run([{ line: 7, value: { instruction: 'q', output: 'a' } }], { retries: 1, endpoint: { provider: 'openai-compatible', baseUrl: server.openaiBaseUrl, timeoutMs: 1000 } });
    assert.equal(results[0].error?.kind, kind, JSON.stringify(results[0].error));
    assert.match(results[0].error!.message, message);
    assert.equal(results[0].record, 7);
  }
  const picky = await startLoopbackModel({ models: ['qwen2.5:7b'] });
  try {
    const { results } = await run([{ line: 1, value: { instruction: 'q', output: 'a' } }], { endpoint: { provider: 'ollama', baseUrl: picky.url }, model: 'llama9' });
    assert.equal(results[0].error?.kind, 'not-found');
    assert.match(results[0].error!.message, /llama9.*not found/);
  } finally {
    await picky.close();
  }
  const { results } = await run([{ line: 1, value: {} }], {
    endpoint: undefined, chat: async () => { throw new Error('never asked'); },
  });
  assert.equal(results[0].error?.kind, 'record');
});

test('an injected chat function (vscode-lm) works like an endpoint; tokens are estimated when not reported', async () => {
  const seen: string[] = [];
  const { results, summary } = await run(gsm8k(), {
    endpoint: undefined, limit: 2,
    chat: async (req) => { seen.push(req.model); return { text: 'The answer is 12.', latencyMs: 5 }; },
    countTokens: (t) => t.split(/\s+/).length,
  });
  assert.equal(results.length, 2);
  assert.deepEqual(seen, ['loopback-model', 'loopback-model']);
  assert.deepEqual(results.map((r) => r.match), [true, false]);
  assert.equal(results[0].tokens?.estimated, true);
  assert.equal(summary.tokens.estimated, true);
  assert.equal(summary.meanLatencyMs, 5);
  await assert.rejects(run(gsm8k(), { endpoint: undefined, chat: async () => { throw new ModelError('cancelled', 'x'); }, onResult: () => { throw new Error('disk full'); } }), /disk full/);
});

test('answers stream through onDelta; a key the server quotes never reaches a result', async () => {
  server.setReply((r) => (r.index % 2 ? { status: 400, message: `invalid key ${String(r.headers.authorization).slice(7)}` } : { text: 'The answer is 12.' }));
  const deltas: string[] = [];
  const { results } = await run([{ line: 1, value: { instruction: 'q', output: '12' } }, { line: 2, value: { instruction: 'q', output: '12' } }], {
    concurrency: 1, endpoint: { provider: 'openai-compatible', baseUrl: server.openaiBaseUrl, apiKey: 'sk-very-secret-42' },
    onDelta: (record, text) => deltas.push(`${record}:${text}`),
  });
  const odd = results.find((r) => r.error)!;
  assert.equal(odd.error!.message.includes('sk-very-secret-42'), false);
  assert.match(odd.error!.message, /invalid key \[API key\]/);
  const ok = results.find((r) => !r.error)!;
  assert.equal(deltas.filter((d) => d.startsWith(`${ok.record}:`)).map((d) => d.slice(2)).join(''), 'The answer is 12.');
});

test('an input that fails mid-way: the records before it are still reported, then the error', async () => {
  server.setReply(() => ({ text: '#### 1' }));
  const results: EvalResult[] = [];
  async function* broken() {
    yield { line: 1, value: { instruction: 'q', output: '1' } };
    yield { line: 2, value: { instruction: 'q', output: '1' } };
    throw new Error('EIO: the disk went away');
  }
  await assert.rejects(runBatchEvaluation(broken(), { endpoint: { provider: 'openai-compatible', baseUrl: server.openaiBaseUrl }, model: 'm', onResult: (r) => { results.push(r); } }), /the disk went away/);
  assert.deepEqual(results.map((r) => r.record), [1, 2]);
});
