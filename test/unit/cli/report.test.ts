import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'report');
const SHARED = join(__dirname, '..', '..', '..', '..', 'shared', 'datasets');

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false, env: {} });
  return { code, out, err };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'instruct-report-'));
  for (const f of ['dolly.jsonl', 'eval.jsonl', 'chat.jsonl']) copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

test('--format json has the documented keys and shapes', async () => {
  const dir = workspace();
  const { code, out } = await cli(['report', '--format', 'json', 'dolly.jsonl'], dir);
  assert.equal(code, 0);
  const r = JSON.parse(out);
  assert.equal(r.records, 10);
  assert.equal(r.path, 'dolly.jsonl');
  assert.deepEqual(Object.keys(r.diversity.topVerbs[0]).sort(), ['count', 'nouns', 'verb']);
  assert.deepEqual(Object.keys(r.diversity.topVerbs[0].nouns[0]).sort(), ['count', 'noun']);
  assert.equal(typeof r.diversity.distinct1, 'number');
  assert.equal(typeof r.diversity.distinct2, 'number');
  assert.deepEqual(Object.keys(r.languages[0]).sort(), ['count', 'lang']);
  assert.ok(Array.isArray(r.categories) && r.categories.length);
  assert.deepEqual(Object.keys(r.artifacts[0]).sort(), ['count', 'examples', 'id', 'kind', 'pattern']);
  assert.deepEqual(r.contamination, []);
});

test('--eval: leaked pairs are listed and the exit code is 1', async () => {
  const dir = workspace();
  const { code, out } = await cli(['report', '--format', 'json', '--eval', 'eval.jsonl', 'dolly.jsonl'], dir);
  assert.equal(code, 1);
  const c = JSON.parse(out).contamination[0];
  assert.deepEqual({ evalFile: c.evalFile, exact: c.exact, ngram: c.ngram }, { evalFile: 'eval.jsonl', exact: 1, ngram: 1 });
  assert.deepEqual(c.pairs.map((p: { line: number; evalLine: number }) => [p.line, p.evalLine]), [[8, 1], [10, 2]]);
});

test('--format md answers the four questions in sections, for a pull request', async () => {
  const { code, out } = await cli(['report', '--eval', 'eval.jsonl', 'dolly.jsonl'], workspace());
  assert.equal(code, 1);
  assert.match(out, /^## Dataset report: `dolly\.jsonl`/);
  for (const h of ['How varied are the instructions?', 'What dominates?', 'Model tics, refusals and bias signals', 'What leaked from evaluation sets?']) assert.ok(out.includes(`### ${h}`), h);
  assert.match(out, /\| write \| 3 \|/);
  assert.match(out, /As an AI \(language model\) \| tic \| 1 \| line 4:/);
  assert.match(out, /\| 8 \| 1 \| same prompt \|/);
});

test('--format html is one self-contained page with SVG charts and no scripts or remote resources', async () => {
  const dir = workspace();
  const { code, err } = await cli(['report', '--format', 'html', '--out', 'report.html', 'dolly.jsonl'], dir);
  assert.equal(code, 0);
  assert.match(err, /wrote report\.html/);
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.ok((html.match(/<svg/g) ?? []).length >= 4);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, ''), /(src|href)="https?:/);
  assert.match(html, />write</);
});

test('exit 2 with a clear message: no files, unknown format, missing file or eval file, unwritable --out', async () => {
  const dir = workspace();
  const cases: [string[], RegExp][] = [
    [['report'], /no files given/],
    [['report', '--format', 'pdf', 'dolly.jsonl'], /unknown --format "pdf" \(use md, html or json\)/],
    [['report', 'nope.jsonl'], /no such file, folder or matching files: nope\.jsonl/],
    [['report', '--eval', 'missing.jsonl', 'dolly.jsonl'], /--eval missing\.jsonl: no such file/],
    [['report', '--out', 'no/such/dir/r.md', 'dolly.jsonl'], /--out no\/such\/dir\/r\.md: no such folder/],
    [['report', '--bogus', 'dolly.jsonl'], /Unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const { code, err } = await cli(args, dir);
    assert.equal(code, 2, args.join(' '));
    assert.match(err, message);
  }
});

test('lines that are not JSON are left out with a located warning, the rest is reported', async () => {
  const dir = workspace();
  writeFileSync(join(dir, 'broken.jsonl'), readFileSync(join(dir, 'dolly.jsonl'), 'utf8') + '{"instruction": oops}\n');
  const { code, out, err } = await cli(['report', '--format', 'json', 'broken.jsonl'], dir);
  assert.equal(code, 0);
  assert.match(err, /broken\.jsonl: 1 line is not valid JSON and left out \(first: line 11\)/);
  assert.equal(JSON.parse(out).records, 10);
});

test('on the shared public samples (skipped when ../shared is absent): every format gets verbs, languages and tics', { skip: !existsSync(SHARED) }, async () => {
  const files = ['stanford_alpaca/alpaca_data_first2000.jsonl', 'dolly/databricks-dolly-15k_sample.jsonl', 'fastchat/dummy_conversation.jsonl', 'oasst/en_100_message.jsonl'];
  const { code, out } = await cli(['report', '--format', 'json', ...files.map((f) => join(SHARED, f))], SHARED);
  assert.equal(code, 0);
  const reports = JSON.parse(out);
  assert.equal(reports.length, 4);
  for (const r of reports) {
    assert.ok(r.records > 0 && r.diversity.topVerbs.length, r.path);
    assert.equal(r.languages[0].lang, 'en', r.path);
  }
  const alpaca = reports[0];
  assert.deepEqual(alpaca.diversity.topVerbs.slice(0, 3).map((v: { verb: string }) => v.verb), ['generate', 'create', 'write']);
  assert.ok(reports[3].artifacts.find((a: { id: string }) => a.id === 'as-an-ai').count > 0);
});
