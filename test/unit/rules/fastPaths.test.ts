// The dataset rules' cheap prechecks and caches (bench/lint-throughput) must not change what is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { datasetRules } from '../../../src/core/rules/dataset/index';

const only = (...ids: string[]) => ({ rules: datasetRules.filter((r) => ids.includes(r.id)) });
const jsonl = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

test('DS015: every kind of secret and personal data is still found behind its precheck, placeholders are not', () => {
  const outputs = [
    'Call (415) 867-2311 after six.',
    'Call +44 20 7946 0958 or 415.867.2311.',
    'Card 4111 1111 1111 1111 expires soon.',
    'Card 4111111111111111 expires soon.',
    'Pay to DE89 3704 0044 0532 0130 00 today.',
    'Write to maria.gonzalez@acme-corp.io please.',
    'token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB',
    'key sk-proj-abcdefghijklmnopqrstuvwx',
    'AKIAIOSFODNN7EXAMPLQ is the id',
    'xoxb-1234567890-abcdefghij',
    'AIzaSyA1234567890abcdefghijklmnopqrstuv',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIE...',
  ];
  const text = jsonl(...outputs.map((output, i) => ({ instruction: `Task ${i}`, input: '', output })));
  const found = lintText(text, only('DS015')).findings.filter((f) => f.ruleId === 'DS015');
  for (let i = 0; i < outputs.length; i++) assert.ok(found.some((f) => f.line === i), `line ${i} not reported: ${outputs[i]}`);
  const clean = jsonl(
    { instruction: 'Year?', input: '', output: 'In 2023 there were 1,234 cases and 12 + 30 = 42.' },
    { instruction: 'Example address', input: '', output: 'name@example.com' },
    { instruction: 'Count', input: '', output: 'Numbers 1234 5678 are not a card: too short.' },
  );
  assert.deepEqual(lintText(clean, only('DS015')).findings.map((f) => f.message), []);
});

test('DS010 and DS011: Unicode whitespace counts like spaces (no-break space, ideographic space, line separator)', () => {
  const text = jsonl(
    { instruction: '\u00a0Say hi', input: '', output: 'Hi' },
    { instruction: 'Say hi\u3000', input: '', output: 'Hi' },
    { instruction: 'Say bye', input: '', output: '\u2028 \u00a0' },
    { instruction: 'Say yes', input: '', output: 'Yes' },
  );
  const r = lintText(text, only('DS010', 'DS011')).findings;
  assert.deepEqual(r.filter((f) => f.ruleId === 'DS011').map((f) => f.line), [0, 1]);
  assert.deepEqual(r.filter((f) => f.ruleId === 'DS010').map((f) => f.line), [2]);
});

test('DS022: words are split at any whitespace and punctuation, and compared case-blind', () => {
  const a = 'Write a short poem about the sea at night and the moon above it';
  const text = jsonl(
    { instruction: a, input: '', output: 'x' },
    { instruction: `${a.toUpperCase().replace(/ /g, '\u00a0\t')} (please)!`, input: '', output: 'y' },
    { instruction: 'Explain how a refrigerator moves heat out of its inside with a compressor', input: '', output: 'z' },
  );
  const r = lintText(text, only('DS022')).findings;
  assert.deepEqual(r.map((f) => [f.line, f.related?.[0].line]), [[1, 0]]);
});

test('DS007: the per-shape cache keeps content-dependent formats apart', () => {
  // question/answer records are CoT or not depending on the answer's text; role values decide OpenAssistant rows
  const cot = Array.from({ length: 6 }, (_, i) => ({ question: `What is ${i} + 2?`, answer: `${i} + 2 = ${i + 2}.\n#### ${i + 2}` }));
  const text = jsonl(...cot, { question: 'Capital of France?', answer: 'Paris' }, { instruction: 'Say hi', input: '', output: 'Hi' }, ...cot);
  const r = lintText(text, only('DS007')).findings;
  assert.deepEqual(r.map((f) => f.line), [7]);
  assert.match(r[0].message, /looks like alpaca, the file is cot/);
});

test('DS021: prompts that differ only in case and spacing conflict, whether their letters lowercase one by one or not (İ, final Σ)', () => {
  const text = jsonl(
    { instruction: 'Décris  la Tour\u00a0Eiffel', input: 'À PARIS', output: 'a' },
    { instruction: ' décris la tour eiffel\n', input: 'à paris', output: 'b' },
    { instruction: 'Décris la tour Eiffel à Paris', input: '', output: 'c' },
    { instruction: 'ΟΔΟΣ İstanbul', input: '', output: 'd' },
    { instruction: '\u03bf\u03b4\u03bf\u03c3 i\u0307stanbul', input: '', output: 'e' },
    { instruction: 'ΟΔΟΣ İSTANBUL  ', input: '', output: 'f' },
  );
  const r = lintText(text, only('DS021')).findings;
  // lines 2 and 3: the same prompt as line 1 (the newline between instruction and input is a space like
  // any other); line 6 lowercases to line 4's prompt (final ς), line 5 (medial σ) does not
  assert.deepEqual(r.map((f) => [f.line, f.related?.[0].line]), [[1, 0], [2, 0], [5, 3]]);
});

test('DS022: non-ASCII prompts are compared case-blind (also past a letter that lowercases to two units), with the input field as more words', () => {
  const a = 'Écris un court poème sur la mer la nuit et la lune au-dessus';
  const text = jsonl(
    { instruction: a, input: 'ÉTÉ ÀÉ İ', output: 'x' },
    { instruction: `${a.toUpperCase()}!`, input: 'été àé i\u0307', output: 'y' },
    { instruction: `${a}?`, input: 'ÉTÉ ÀÉ İ', output: 'z' },
    { instruction: 'Explique comment un réfrigérateur sort la chaleur de son intérieur avec un compresseur', input: '', output: 'w' },
  );
  const r = lintText(text, only('DS022')).findings;
  assert.deepEqual(r.map((f) => [f.line, f.related?.[0].line]), [[1, 0], [2, 0]]);
});
