import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IncrementalLinter, createStreamingLinter, lintText, type LineChange } from '../../../src/core/lint';
import { allRules } from '../../../src/core/rules/index';
import type { FileRule, Finding, RecordRule, RecordEntry } from '../../../src/core/types';

const docs = { rationale: 'test', bad: [], good: [] };

/** A record rule that flags `"bad": true` at the key. */
const badKey: RecordRule = {
  id: 'T001', name: 'bad-flag', description: 'flags bad records', tags: [], defaultSeverity: 'warning', docs, scope: 'record',
  check(ctx) {
    const v = ctx.record.value as Record<string, unknown>;
    return v.bad === true ? [{ message: 'bad record', ...ctx.locate('/bad', 'key'), field: '/bad' }] : [];
  },
};
/** A rule that throws on `"boom"` records. */
const crashy: RecordRule = {
  id: 'T002', name: 'crashy', description: 'throws', tags: [], defaultSeverity: 'error', docs, scope: 'record',
  check(ctx) {
    if ((ctx.record.value as Record<string, unknown>).boom) throw new Error('kaboom');
    return [];
  },
};
/** A file rule: duplicate `k` values, reported on later copies. */
const dupes: FileRule = {
  id: 'T003', name: 'dup-k', description: 'duplicate k', tags: [], defaultSeverity: 'warning', docs, scope: 'file',
  create() {
    const byK = new Map<string, Set<RecordEntry>>();
    return {
      add(e) {
        const k = String((e.value as Record<string, unknown>).k);
        if (!byK.has(k)) byK.set(k, new Set());
        byK.get(k)!.add(e);
      },
      remove(e) {
        byK.get(String((e.value as Record<string, unknown>).k))?.delete(e);
      },
      findings() {
        const out = [];
        for (const set of byK.values()) {
          const lines = [...set].map((e) => e.line).sort((a, b) => a - b);
          for (const l of lines.slice(1)) out.push({ message: `duplicate of line ${lines[0] + 1}`, line: l, startColumn: 0, endLine: l, endColumn: 1 });
        }
        return out;
      },
    };
  },
};
const rules = [badKey, crashy, dupes];

const simplify = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.line}:${f.startColumn}-${f.endColumn} ${f.message}`);

test('parse errors, record rules and file rules are located on their lines', () => {
  const text = '{"k":1}\n{"k":2,"bad":true}\n{"k":1}\n{"k": \n';
  const r = lintText(text, { rules });
  assert.equal(r.records, 3);
  const s = simplify(r.findings);
  assert.ok(s.some((x) => x.startsWith('T001@1:7-12')), s.join('\n'));
  assert.ok(s.some((x) => x.startsWith('T003@2:0-1 duplicate of line 1')), s.join('\n'));
  assert.ok(r.findings.some((f) => f.ruleId === 'DS001' && f.line === 3));
});

test('a rule that throws becomes a finding, and the other rules still run', () => {
  const r = lintText('{"boom":1}\n{"bad":true}\n', { rules });
  assert.ok(r.findings.some((f) => f.ruleId === 'T002' && /kaboom/.test(f.message) && f.line === 0));
  assert.ok(r.findings.some((f) => f.ruleId === 'T001' && f.line === 1));
});

test('config turns rules off, changes severity and suppresses one record by id', () => {
  const text = '{"id":"a","bad":true}\n{"id":"b","bad":true}\n';
  const only = [badKey];
  assert.equal(lintText(text, { rules: only }).findings.length, 2);
  assert.equal(lintText(text, { rules: only, config: { rules: { T001: 'off' } } }).findings.length, 0);
  assert.ok(lintText(text, { rules: only, config: { rules: { 'bad-flag': 'error' } } }).findings.every((f) => f.severity === 'error'));
  const r = lintText(text, { rules: only, config: { suppressions: [{ rule: 'T001', record: 'id:a' }] } });
  assert.deepEqual(r.findings.map((f) => f.line), [1]);
});

// A seeded PRNG so the random edit sequence is the same on every run.
function prng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

test('incremental edits give exactly the findings of a full pass (random edit sequence)', () => {
  const rand = prng(7);
  const pool = ['{"k":1}', '{"k":2,"bad":true}', '{"k":3}', '', '   ', '{"k": oops', '{"boom":1}', '{"k":1,"bad":true}', '[1,2]'];
  let lines = Array.from({ length: 40 }, () => pool[Math.floor(rand() * pool.length)]);
  lines.push('');
  const inc = new IncrementalLinter({ rules });
  inc.resetSync(lines.join('\n'));
  for (let step = 0; step < 300; step++) {
    const start = Math.floor(rand() * lines.length);
    const deleteCount = Math.min(lines.length - start - 1, Math.floor(rand() * 3));
    const add = Array.from({ length: Math.floor(rand() * 3) }, () => pool[Math.floor(rand() * pool.length)]);
    const change: LineChange = { startLine: start, deleteCount, lines: add };
    lines = [...lines.slice(0, start), ...add, ...lines.slice(start + deleteCount)];
    inc.applyChanges([change]);
    const full = lintText(lines.join('\n'), { rules });
    assert.deepEqual(simplify(inc.result().findings), simplify(full.findings), `after step ${step}`);
    assert.equal(inc.result().records, full.records);
  }
});

test('streaming gives the same findings as a whole-text pass', () => {
  const text = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? '{"k":1,"bad":true}' : i % 11 === 0 ? '{"k":' : `{"k":${i}}`)).join('\n');
  const s = createStreamingLinter({ rules });
  for (const line of text.split('\n')) s.pushLine(line);
  assert.deepEqual(simplify(s.finish().findings), simplify(lintText(text, { rules }).findings));
});

test('a .json array of records is linted with real line numbers', () => {
  const text = '[\n  {"k": 1},\n  {"k": 2,\n   "bad": true}\n]\n';
  const r = lintText(text, { rules, path: 'data.json' });
  assert.equal(r.records, 2);
  const f = r.findings.find((x) => x.ruleId === 'T001');
  assert.ok(f);
  assert.equal(f.line, 3);
  assert.equal(f.startColumn, 3);
});

test('a .json file that holds neither records nor an object says so; one object is one record', () => {
  const r = lintText('"just text"', { rules, path: 'x.json' });
  assert.match(r.findings[0].message, /array of records/);
  const one = lintText('\n{\n  "k": 1,\n  "bad": true\n}\n', { rules, path: 'one.json' });
  assert.equal(one.records, 1);
  assert.deepEqual(one.findings.map((f) => [f.ruleId, f.line, f.startColumn]), [['T001', 3, 2]]);
});

test('checking records in batches gives exactly the findings, in the order, of one record at a time', () => {
  // every built-in rule (DS and COT) over a file that mixes what a batch must keep in place: parse
  // failures, blank lines, non-object records, duplicates, CoT slips, a throwing rule and a suppression
  const lines: string[] = [];
  for (let i = 0; i < 300; i++) {
    if (i % 37 === 5) lines.push('{"question": "broken", ');
    else if (i % 41 === 9) lines.push('');
    else if (i % 43 === 11) lines.push('[1, 2]');
    else if (i % 29 === 3) lines.push(JSON.stringify({ id: `r${i}`, question: 'Ann has 3 bags of 4 apples. How many apples?', answer: 'Ann has 3*4=<<3*4=13>>13 apples.\n#### 13' }));
    else if (i % 31 === 7) lines.push(JSON.stringify({ id: 'dup', question: 'Copy?', answer: 'It is 2+2=<<2+2=4>>4.\n#### 4', boom: i > 100 }));
    else lines.push(JSON.stringify({ id: `r${i}`, question: ` Tom reads ${i} pages a day for 2 days. How many pages? `, answer: `He reads ${i}*2=<<${i}*2=${i * 2}>>${i * 2} pages.\n#### ${i % 50 === 0 ? i * 2 + 1 : i * 2}` }));
  }
  const config = { rules: {}, suppressions: [{ rule: 'DS011', record: 'id:r10' }] };
  const rules = [...allRules, crashy];
  const run = (batchRecords: number) => {
    const emitted: Finding[] = [];
    const s = createStreamingLinter({ config, rules, path: 'mixed.jsonl', batchRecords, onFinding: (f) => emitted.push(f) });
    for (const l of lines) s.pushLine(l);
    const result = s.finish();
    return { emitted: simplify(emitted), findings: simplify(result.findings), records: result.records, format: result.format };
  };
  const single = run(1);
  // record findings go to onFinding as they are found, file-rule findings come with the result
  const all = [...single.emitted, ...single.findings];
  for (const id of ['DS001', 'DS002', 'DS006', 'DS011', 'DS020', 'COT004', 'COT006', 'T002']) assert.ok(all.some((f) => f.startsWith(id)), `a ${id} finding`);
  assert.ok(!all.some((f) => f.startsWith('DS011@10:')), 'the suppressed record has no DS011 finding');
  for (const n of [7, 64, 1000]) assert.deepEqual(run(n), single, `batches of ${n}`);
  // and the editor's whole-text pass agrees
  const sorted = (fs: string[]) => [...fs].sort();
  assert.deepEqual(sorted(simplify(lintText(lines.join('\n'), { config, rules, path: 'mixed.jsonl' }).findings)), sorted(all));
});
