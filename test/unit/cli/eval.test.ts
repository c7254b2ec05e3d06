import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { startLoopbackModel, type LoopbackModel } from '../../support/loopbackModel.mjs';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const KEY = 'sk-loopback-secret-1234';
let server: LoopbackModel;
before(async () => { server = await startLoopbackModel({ apiKey: KEY, models: ['tiny-model'] }); });
after(() => server.close());

async function cli(args: string[], env: Record<string, string> = { OPENAI_API_KEY: KEY }, signal?: AbortSignal) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: FIXTURES, isTTY: false, env, signal });
  return { code, out, err };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'instruct-eval-'));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** Answers the GSM8K fixture: right for even lines, "#### 0" for odd ones. */
const grader = () => server.setReply((r) => {
  const q = r.messages.at(-1)!.content;
  const right: Record<string, string> = { Tom: '12', 'A pen': '9', Sara: '70', There: '15', 'A class': '25' };
  const key = Object.keys(right).find((k) => q.startsWith(k))!;
  return { text: `Let me think.\n#### ${['A pen', 'There'].includes(key) ? right[key] : '0'}` };
});

test('eval writes one result line per record and prints the summary JSON', async () => {
  grader();
  const out = join(tmp(), 'results.jsonl');
  const r = await cli(['eval', '--base-url', server.openaiBaseUrl, '--model', 'tiny-model', '--out', out, '--format', 'json', '--concurrency', '2', 'eval/gsm8k-mini.jsonl']);
  assert.equal(r.code, 0, r.err);
  const summary = JSON.parse(r.out);
  assert.deepEqual(
    { records: summary.records, answered: summary.answered, errors: summary.errors, finalAnswerAccuracy: summary.finalAnswerAccuracy, exactMatch: summary.exactMatch },
    { records: 5, answered: 5, errors: 0, finalAnswerAccuracy: 0.4, exactMatch: 0 },
  );
  assert.equal(typeof summary.meanLatencyMs, 'number');
  const results = lines(out);
  assert.deepEqual(results.map((x) => x.record), [1, 2, 3, 4, 5]);
  assert.deepEqual(results.map((x) => x.match), [false, true, false, true, false]);
  assert.deepEqual(Object.keys(results[0]), ['record', 'prompt', 'datasetAnswer', 'modelAnswer', 'finalAnswers', 'match', 'exactMatch', 'latencyMs', 'tokens', 'retries', 'finishReason']);
  assert.deepEqual(results[1].finalAnswers, { dataset: '9', model: '9' });
  assert.equal(server.requests.at(-1)!.headers.authorization, `Bearer ${KEY}`);
  assert.equal(server.requests.at(-1)!.body.temperature, 0);
  assert.ok(!r.out.includes(KEY) && !r.err.includes(KEY) && !readFileSync(out, 'utf8').includes(KEY));
});

test('eval text summary; --limit; exit 1 when some records fail', async () => {
  server.setReply((r) => (r.messages.at(-1)!.content.includes('France') ? { text: 'Paris' } : { status: 400, message: 'context too long' }));
  const out = join(tmp(), 'r.jsonl');
  const r = await cli(['eval', '--base-url', server.openaiBaseUrl, '--model', 'tiny-model', '--out', out, '--limit', '3', 'eval/mixed.jsonl']);
  assert.equal(r.code, 1);
  assert.match(r.out, /^Evaluated 3 records of eval\/mixed\.jsonl with tiny-model \(openai-compatible\)\n/);
  assert.match(r.out, /answered {7}1\n/);
  assert.match(r.out, /errors {9}2 \(record 1, bad-request 1\)/);
  assert.match(r.out, /final answer {3}1\/1 match \(100\.0 %\)/);
  assert.match(r.out, /first bad-request error \(record 3\): the server rejected the request \(HTTP 400\): context too long/);
  assert.match(r.out, /first record error \(record 2\): line 2 is not valid JSON/);
  assert.equal(lines(out).length, 3);
});

test('a refused key, an unknown model and a bad address stop the run at once with exit 2, key never shown', async () => {
  grader();
  const out = join(tmp(), 'r.jsonl');
  const badKey = await cli(['eval', '--base-url', server.openaiBaseUrl, '--model', 'tiny-model', '--out', out, 'eval/gsm8k-mini.jsonl'], { INSTRUCT_STUDIO_API_KEY: 'sk-wrong-key-999' });
  assert.equal(badKey.code, 2);
  assert.match(badKey.err, /stopped at record 1: the endpoint refused the API key \(HTTP 401\): Incorrect API key provided\./);
  assert.ok(!(badKey.out + badKey.err + readFileSync(out, 'utf8')).includes('sk-wrong-key-999'));
  const model = await cli(['eval', '--base-url', server.openaiBaseUrl, '--model', 'gpt-9', '--out', out, '--format', 'json', 'eval/gsm8k-mini.jsonl']);
  assert.equal(model.code, 2);
  assert.match(JSON.parse(model.out).stopped, /HTTP 404.*The model `gpt-9` does not exist.*check the base URL and the model name/);
  const usage = await cli(['eval', '--model', 'm', '--out', out, 'eval/gsm8k-mini.jsonl']);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /missing --base-url/);
  assert.match((await cli(['eval', '--base-url', 'ftp://x', '--model', 'm', '--out', out, 'eval/gsm8k-mini.jsonl'])).err, /is not an http\(s\) URL/);
  assert.match((await cli(['eval', '--base-url', server.url, '--model', 'm', '--out', 'eval/gsm8k-mini.jsonl', 'eval/gsm8k-mini.jsonl'])).err, /is the dataset itself/);
  assert.match((await cli(['eval', '--base-url', server.url, '--model', 'm', '--out', join(tmp(), 'no/such/dir.jsonl'), 'eval/gsm8k-mini.jsonl'])).err, /its folder does not exist/);
  assert.match((await cli(['eval', '--base-url', server.url, '--model', 'm', '--out', out, 'eval/none.jsonl'])).err, /no such file: eval\/none\.jsonl/);
  assert.match((await cli(['eval', '--help'])).out, /INSTRUCT_STUDIO_API_KEY or OPENAI_API_KEY/);
});

test('ollama provider; Ctrl-C stops cleanly and the results file stays valid JSONL', async () => {
  const ac = new AbortController();
  const first = server.requests.length;
  // Ctrl-C once the 10th request arrives: with 4 in flight, at least 6 records are done by then
  server.setReply((r) => {
    if (r.index - first === 9) ac.abort();
    return { text: 'The answer is 1.', delayMs: 20 };
  });
  const dir = tmp();
  const big = join(dir, 'big.jsonl');
  writeFileSync(big, Array.from({ length: 200 }, (_, i) => JSON.stringify({ instruction: `q${i}`, output: '1' })).join('\n') + '\n');
  const out = join(dir, 'r.jsonl');
  const r = await cli(['eval', '--provider', 'ollama', '--base-url', server.url, '--model', 'tiny-model', '--out', out, '--format', 'json', big], {}, ac.signal);
  assert.equal(r.code, 130);
  const summary = JSON.parse(r.out);
  assert.equal(summary.cancelled, true);
  const results = lines(out);
  assert.ok(results.length >= 6 && results.length < 20, `${results.length} results`);
  assert.ok(server.requests.length - first <= 10 + 4, 'no new requests after Ctrl-C');
  assert.equal(results.length, summary.records);
  assert.ok(results.every((x, i) => x.record === i + 1 && x.match === true));
  assert.ok(readFileSync(out, 'utf8').endsWith('}\n'));
});

test('nothing listening at the base URL: exit 2 with the address; progress on stderr only for a terminal', async () => {
  const out = join(tmp(), 'r.jsonl');
  const gone = await startLoopbackModel();
  await gone.close(); // its port is now free: nothing listens there
  const down = await cli(['eval', '--base-url', gone.openaiBaseUrl, '--model', 'm', '--retries', '0', '--out', out, 'eval/gsm8k-mini.jsonl']);
  assert.equal(down.code, 2);
  assert.match(down.err, /stopped at record 1: cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED — is the server running, and is the base URL right\?/);
  grader();
  let err = '';
  const code = await main(['eval', '--base-url', server.openaiBaseUrl, '--model', 'tiny-model', '--out', out, 'eval/gsm8k-mini.jsonl'], {
    stdout: () => {}, stderr: (s) => (err += s), cwd: FIXTURES, isTTY: true, stderrTTY: true, env: { OPENAI_API_KEY: KEY },
  });
  assert.equal(code, 0);
  assert.match(err, /\d records, 0 errors/);
  assert.ok(err.startsWith('\r\u001b[K'), 'each progress update rewrites the line');
  assert.ok(err.endsWith('\r\u001b[K'), 'the progress line is cleared at the end');
});
