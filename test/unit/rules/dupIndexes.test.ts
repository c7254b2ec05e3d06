import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FirstSeenTable, IntTuples } from '../../../src/core/rules/dataset/util/hashTable';
import { signature, similarity, HASHES } from '../../../src/core/rules/dataset/DS022-near-duplicate';
import { datasetRules } from '../../../src/core/rules/dataset/index';
import { createStreamingLinter, lintText } from '../../../src/core/lint';
import type { Finding } from '../../../src/core/types';

test('FirstSeenTable keeps the first line and value of each key through many resizes', () => {
  const t = new FirstSeenTable(16, true);
  for (let i = 0; i < 50_000; i++) assert.equal(t.firstOrAdd(i * 7919, i ^ 0x5bd1e995, i, i * 3), -1);
  assert.equal(t.size, 50_000);
  assert.ok(t.capacity >= 50_000 / 0.8 && t.capacity < 2 * 50_000, `capacity ${t.capacity}`);
  for (let i = 0; i < 50_000; i += 997) {
    const slot = t.firstOrAdd(i * 7919, i ^ 0x5bd1e995, 1_000_000, 1);
    assert.ok(slot >= 0);
    assert.equal(t.lineAt(slot), i);
    assert.equal(t.valueAt(slot), i * 3);
  }
  assert.equal(t.size, 50_000, 'a key seen again is not added twice');
});

test('FirstSeenTable tells apart keys that share a half or land in the same bucket', () => {
  const t = new FirstSeenTable(16);
  // same high half, same low half, and both halves swapped: four distinct keys
  assert.equal(t.firstOrAdd(1, 2, 10), -1);
  assert.equal(t.firstOrAdd(1, 3, 11), -1);
  assert.equal(t.firstOrAdd(4, 2, 12), -1);
  assert.equal(t.firstOrAdd(2, 1, 13), -1);
  assert.equal(t.firstOrAdd(0xffffffff, 0xffffffff, 0), -1, 'all-ones key and line 0 are stored');
  assert.equal(t.lineAt(t.firstOrAdd(1, 3, 99)), 11);
  assert.equal(t.lineAt(t.firstOrAdd(2, 1, 99)), 13);
  assert.equal(t.lineAt(t.firstOrAdd(-1, -1, 99)), 0, 'signed and unsigned halves are the same key');
});

test('FirstSeenTable sized for the expected records does not grow; a low estimate only makes it grow', () => {
  const sized = new FirstSeenTable(10_000);
  const cap = sized.capacity;
  assert.ok(cap >= 10_000 / 0.8 && cap < 10_000 / 0.8 + 100);
  for (let i = 0; i < 10_000; i++) sized.firstOrAdd(i, ~i, i);
  assert.equal(sized.capacity, cap);
  const low = new FirstSeenTable(10);
  for (let i = 0; i < 10_000; i++) assert.equal(low.firstOrAdd(i, ~i, i), -1);
  assert.equal(low.lineAt(low.firstOrAdd(9_999, ~9_999, 0)), 9_999);
  assert.equal(low.valueAt(0), 0, 'a table without values reads 0');
});

test('IntTuples grows and keeps its rows', () => {
  const l = new IntTuples(3);
  for (let i = 0; i < 1000; i++) l.push(i, -i, i * 2);
  assert.equal(l.length, 1000);
  assert.deepEqual([l.get(999, 0), l.get(999, 1), l.get(999, 2), l.get(0, 2)], [999, -999, 1998, 0]);
});

test('b-bit MinHash: identical texts agree fully, a one-word change stays high, unrelated texts score near 0', () => {
  const words = (s: string) => s.toLowerCase().split(/\s+/);
  const a = signature(words('write a short poem about the sea at night and the moon above it please'));
  const b = signature(words('write a short poem about the sea at night and the moon above it now'));
  const c = signature(words('explain how a refrigerator moves heat out of its inside using a compressor'));
  assert.equal(a.length, HASHES);
  assert.equal(similarity(a, 0, a, 0), 1);
  assert.ok(similarity(a, 0, b, 0) > 0.6, String(similarity(a, 0, b, 0)));
  assert.ok(similarity(a, 0, c, 0) < 0.3, String(similarity(a, 0, c, 0)));
});

/** A file with planted exact duplicates (keys reordered), conflicting answers and near-duplicate prompts. */
function plantedFile(): string {
  const topics = ['rivers', 'volcanoes', 'glaciers', 'deserts', 'forests', 'oceans', 'islands', 'caves'];
  const lines: string[] = [];
  for (let i = 0; i < 1200; i++) {
    const instruction = `Describe in a few careful sentences how ${topics[i % 8]} number ${i} shape the lives of the people living near them`;
    lines.push(JSON.stringify({ instruction, input: '', output: `Answer ${i}.` }));
    if (i % 50 === 7) lines.push(JSON.stringify({ output: `Answer ${i}.`, input: '', instruction })); // duplicate, keys reordered
    if (i % 60 === 9) lines.push(JSON.stringify({ instruction, input: '', output: `Another answer ${i}.` })); // conflict
    if (i % 40 === 3) lines.push(JSON.stringify({ instruction: instruction.replace('careful', 'careful and clear'), input: '', output: 'x' })); // near
  }
  return lines.join('\n') + '\n';
}

const simplify = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.line}:${f.startColumn}-${f.endLine}:${f.endColumn} ${f.message} ${JSON.stringify(f.related ?? [])}`).sort();

test('duplicate, conflict and near-duplicate findings are the same streaming (CLI) and whole-text (editor), past the tables\' first growth', () => {
  const rules = datasetRules.filter((r) => ['DS020', 'DS021', 'DS022'].includes(r.id));
  const config = { rules: { DS022: ['warning', { threshold: 0.7 }] } } as never;
  const text = plantedFile();
  const whole = lintText(text, { rules, config });
  const s = createStreamingLinter({ rules, config, sizeBytes: text.length });
  for (const line of text.split('\n').slice(0, -1)) s.pushLine(line);
  const streamed = s.finish();
  const count = (id: string) => whole.findings.filter((f) => f.ruleId === id).length;
  assert.equal(count('DS020'), 24);
  assert.equal(count('DS021'), 20);
  assert.ok(count('DS022') >= 30, `near-duplicates found: ${count('DS022')}`);
  assert.deepEqual(simplify(streamed.findings), simplify(whole.findings));
  // a duplicate spans its whole line, and points back at the first copy
  const dup = whole.findings.find((f) => f.ruleId === 'DS020')!;
  assert.equal(dup.endColumn, text.split('\n')[dup.line].length);
  assert.equal(JSON.parse(text.split('\n')[dup.related![0].line]).instruction, JSON.parse(text.split('\n')[dup.line]).instruction);
});

test('hash64: part boundaries and types count, a repeated (memoized) string hashes the same; hashText is unchanged for suppressions', async () => {
  const { HASH64, hash64, hash64Begin, hash64Feed, hash64End, hashText } = await import('../../../src/core/jsonl/hash');
  const parts = (...xs: string[]) => { hash64Begin(); for (const x of xs) hash64Feed(x); hash64End(); return [...HASH64].join(); };
  assert.notEqual(parts('ab', 'c'), parts('a', 'bc'));
  assert.notEqual(parts('abc'), parts('abd'));
  const long = 'x'.repeat(500) + 'y';
  hash64(long);
  const first = [...HASH64].join();
  hash64('x'.repeat(500) + 'z');
  const other = [...HASH64].join();
  hash64(long);
  assert.equal([...HASH64].join(), first);
  assert.notEqual(other, first);
  // suppressions in users' configs name records by hashText: it must not change
  assert.equal(hashText('hello'), 'bd67fb21e70779d4');
  assert.equal(hashText('{"k":1}'), '7348a08bb67d0731');
});

test('hash64: no two of 200 000 near-identical texts collide, on both sides of the short/long path and with non-ASCII text', async () => {
  const { HASH64, hash64 } = await import('../../../src/core/jsonl/hash');
  const seen = new Set<string>();
  const bases = ['', 'item ', 'x'.repeat(27), 'Straße naïve 日本の四季 '.repeat(3), 'a'.repeat(200)];
  let n = 0;
  for (const base of bases) {
    for (let i = 0; i < 40_000; i++) {
      // one-character and one-number differences, lengths crossing 32 units (the encoder path) and word boundaries
      const text = i % 2 ? `${base}${i}` : `${i}${base}`;
      hash64(text);
      seen.add(`${HASH64[0]}:${HASH64[1]}`);
      n++;
    }
  }
  assert.equal(seen.size, n);
  // the same text built another way (a rope of parts) hashes the same as the flat string
  hash64(['Straße ', 'naïve ', 'x'.repeat(40)].join(''));
  const a = [...HASH64].join();
  hash64(`Straße naïve ${'x'.repeat(40)}`);
  assert.equal([...HASH64].join(), a);
  // trailing zero bytes are not padding: "ab…\0" differs from "ab…"
  hash64('y'.repeat(40));
  const b = [...HASH64].join();
  hash64('y'.repeat(40) + '\u0000');
  assert.notEqual([...HASH64].join(), b);
});
