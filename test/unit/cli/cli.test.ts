import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false, env: {} });
  return { code, out, err };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'instruct-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const good = '{"instruction": "Say hi", "input": "", "output": "Hi!"}\n{"instruction": "Count to 3", "input": "", "output": "1, 2, 3"}\n';

test('exit 0 on a clean file, 1 with errors, 2 for a missing file or no arguments', async () => {
  const dir = workspace({ 'ok.jsonl': good, 'bad.jsonl': good + '{"instruction": "x", "output": 5}\n' });
  assert.equal((await cli(['lint', 'ok.jsonl'], dir)).code, 0);
  const bad = await cli(['lint', 'bad.jsonl'], dir);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /3:\d+\s+error\s+"output" must be a string, got integer\s+DS003 format-schema/);
  assert.match(bad.out, /✖ 1 problem \(1 error, 0 warnings, 0 infos\)/);
  const missing = await cli(['lint', 'nope.jsonl'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no such file, folder or matching files: nope\.jsonl/);
  assert.equal((await cli(['lint'], dir)).code, 2);
  assert.equal((await cli(['lint', '--format', 'xml', 'ok.jsonl'], dir)).code, 2);
});

test('--format json follows the documented contract (1-based positions, summary)', async () => {
  const dir = workspace({ 'data/train.jsonl': '{"instuction": "Say hi", "input": "", "output": "Hi!"}\n' + good });
  const r = await cli(['lint', '--format', 'json', 'data'], dir);
  const doc = JSON.parse(r.out);
  assert.equal(doc.version, 1);
  assert.equal(doc.files[0].path, join('data', 'train.jsonl'));
  assert.equal(doc.files[0].format, 'alpaca');
  assert.equal(doc.files[0].records, 3);
  const d = doc.files[0].diagnostics.find((x: { ruleId: string }) => x.ruleId === 'DS005');
  assert.deepEqual([d.line, d.column, d.endLine, d.endColumn, d.severity, d.field], [1, 2, 1, 14, 'warning', '/instuction']);
  assert.deepEqual(doc.summary, { files: 1, records: 3, errors: 0, warnings: 1, infos: 0 });
  assert.equal(r.code, 0, 'warnings alone exit 0');
  assert.equal((await cli(['lint', '--max-warnings', '0', 'data'], dir)).code, 1);
});

test('--format sarif is SARIF 2.1.0 with rule help links and regions', async () => {
  const dir = workspace({ 'bad.jsonl': '{"instruction": "x", "output": 5}\n' });
  const sarif = JSON.parse((await cli(['lint', '--format', 'sarif', 'bad.jsonl'], dir)).out);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'instruct-lint');
  assert.match(run.tool.driver.rules[0].helpUri, /docs\/rules\/DS003\.md$/);
  assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 1, startColumn: 32, endLine: 1, endColumn: 33 });
  assert.equal(run.results[0].level, 'error');
});

test('--fix rewrites only the fixed bytes: BOM, CRLF and the other lines are kept', async () => {
  const text = '\uFEFF{"instuction": "Say hi", "input": "", "output": "Hi!"}\r\n{"instruction": "Count", "input": "", "output": "1, 2 \\u00e9"}\r\n';
  const dir = workspace({ 'fix.jsonl': text });
  const r = await cli(['lint', '--fix', 'fix.jsonl'], dir);
  assert.equal(r.code, 0, r.out + r.err);
  const after = readFileSync(join(dir, 'fix.jsonl'), 'utf8');
  assert.equal(after, text.replace('"instuction"', '"instruction"'));
});

test('config: found upwards, overrides by glob, bad config exits 2 with a located message', async () => {
  const dir = workspace({
    '.instructlint.jsonc': '{\n  // typos are errors here\n  "rules": { "DS005": "error" },\n  "overrides": [{ "files": ["eval/**"], "rules": { "DS005": "off" } }],\n}\n',
    'train/a.jsonl': '{"instuction": "x", "input": "", "output": "y"}\n' + good,
    'eval/b.jsonl': '{"instuction": "x", "input": "", "output": "y"}\n' + good,
  });
  const json = JSON.parse((await cli(['lint', '--format', 'json', '.'], dir)).out);
  const byPath = Object.fromEntries(json.files.map((f: { path: string; diagnostics: { ruleId: string; severity: string }[] }) => [f.path, f.diagnostics]));
  assert.deepEqual(byPath[join('train', 'a.jsonl')].map((d: { ruleId: string; severity: string }) => `${d.ruleId}:${d.severity}`), ['DS005:error']);
  assert.deepEqual(byPath[join('eval', 'b.jsonl')], []);
  writeFileSync(join(dir, '.instructlint.jsonc'), '{ "rules": { "DS999": "error" } }');
  const bad = await cli(['lint', '.'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /rules\.DS999: unknown rule/);
  writeFileSync(join(dir, '.instructlint.jsonc'), '{ "rules": { "DS005": "loud" } }');
  assert.match((await cli(['lint', '.'], dir)).err, /"loud" is not a level/);
});

test('.json files holding an array of records are linted with real line numbers', async () => {
  const dir = workspace({ 'data.json': '[\n  {"instruction": "a", "input": "", "output": "b"},\n  {"instruction": "c", "input": "", "output": 7}\n]\n', 'package.json': '{"name": "x"}' });
  const doc = JSON.parse((await cli(['lint', '--format', 'json', '.'], dir)).out);
  assert.deepEqual(doc.files.map((f: { path: string }) => f.path), ['data.json'], 'a .json file that is not an array is not a dataset');
  assert.equal(doc.files[0].diagnostics[0].line, 3);
});

test('evaluation files: a training prompt found in an eval file (exactly or by a 13-word passage) is an error (DS023)', async () => {
  const long = 'Natalia sold clips to 48 of her friends in April and then she sold half as many clips in May';
  const dir = workspace({
    'eval/test.jsonl': `{"question": "${long}. How many clips did she sell?", "answer": "72"}\n{"question": "What is 2 + 2?", "answer": "4"}\n`,
    'train.jsonl': `{"instruction": "${long}. How many altogether?", "input": "", "output": "72"}\n{"instruction": "What is 2 + 2?", "input": "", "output": "4"}\n{"instruction": "Name a colour.", "input": "", "output": "Blue"}\n`,
    '.instructlint.jsonc': '{ "evalFiles": ["eval/*.jsonl"] }',
  });
  const doc = JSON.parse((await cli(['lint', '--format', 'json', 'train.jsonl'], dir)).out);
  const hits = doc.files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'DS023');
  assert.deepEqual(hits.map((d: { line: number }) => d.line), [1, 2]);
  assert.match(hits[0].message, /13-word passage of the evaluation record eval\/test\.jsonl:1/);
  assert.match(hits[1].message, /same prompt as the evaluation record eval\/test\.jsonl:2/);
  const all = JSON.parse((await cli(['lint', '--format', 'json', '.'], dir)).out);
  const evalFile = all.files.find((f: { path: string }) => f.path === join('eval', 'test.jsonl'));
  assert.deepEqual(evalFile.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'DS023'), [], 'an eval file is not contaminated by itself');
});
