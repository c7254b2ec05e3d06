import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { splitLines } from '../../../src/core/jsonl/lines';
import { readLines } from '../../../src/core/jsonl/readLines';
import { parseRecord } from '../../../src/core/jsonl/parseRecord';
import { createLocator } from '../../../src/core/jsonl/locate';
import { parseJsonArrayFile } from '../../../src/core/jsonl/jsonArray';
import { hashText } from '../../../src/core/jsonl/hash';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';

test('splitLines keeps BOM, CRLF, lone CR and a missing final newline apart', () => {
  assert.deepEqual(splitLines('\uFEFF{"a":1}\r\n{"b":2}\n'), { lines: ['{"a":1}', '{"b":2}'], eols: ['\r\n', '\n'], bom: true, eol: 'mixed' });
  assert.deepEqual(splitLines('a\rb\r\nc').lines, ['a', 'b', 'c']);
  assert.equal(splitLines('a\r\nb\r\n').eol, 'crlf');
  assert.deepEqual(splitLines('a\n\n  \nb').lines, ['a', '', '  ', 'b']);
  assert.deepEqual(splitLines('').lines, []);
});

test('readLines decodes UTF-8 split across chunks, strips the BOM and handles CR/LF across chunk edges', async () => {
  const bytes = Buffer.from('\uFEFF{"t":"é😀"}\r\n{"t":"x"}\r\n\n{"t":"y"}', 'utf8');
  const chunks = [];
  for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
  const lines = [];
  for await (const l of readLines(Readable.from(chunks))) lines.push(l);
  assert.deepEqual(lines, ['{"t":"é😀"}', '{"t":"x"}', '', '{"t":"y"}']);
});

test('each kind of syntax error is named in plain words at its column', () => {
  const cases: [string, RegExp, number][] = [
    ['{"output": "Hi', /unterminated string/, 11],
    ['{"a": 1,}', /trailing comma/, 7],
    ['{"a" 1}', /expected ':' after key/, 5],
    ['{instruction: "x"}', /unquoted key instruction/, 1],
    ['{"a":1}{"b":2}', /two records on one line/, 7],
    ['{"a":1 "b":2}', /missing comma/, 7],
    ['{"a": [1, 2', /cut off/, 10],
    ["{'a': 1}", /single-quoted/, 1],
    ['{"a": NaN}', /NaN is not valid JSON/, 6],
    ['{"a": 1} // note', /comments are not allowed/, 9],
    ['{"a": "x\u0000"}', /control character U\+0000/, 8],
    ['{"a": "\\q"}', /invalid escape sequence "\\q"/, 7],
  ];
  for (const [text, message, column] of cases) {
    const r = parseRecord(text);
    assert.equal(r.ok, false, text);
    if (r.ok) continue;
    assert.match(r.error.message, message, text);
    assert.equal(r.error.startColumn, column, `${text}: ${r.error.message}`);
  }
});

test('valid oddities parse: lone surrogate escapes, huge numbers, 10 000-deep nesting, a 10 MB line', () => {
  assert.equal(parseRecord('{"a":"\\ud800"}').ok, true);
  assert.equal(parseRecord('{"a":1e400}').ok, true);
  assert.equal(parseRecord('['.repeat(10000) + ']'.repeat(10000)).ok, true);
  const big = '{"output":"' + 'x'.repeat(10 * 1024 * 1024) + '"}';
  assert.equal(parseRecord(big).ok, true);
  const cut = parseRecord('['.repeat(10000));
  assert.equal(cut.ok, false);
});

test('the locator finds keys, values, missing keys, and characters inside escaped strings', () => {
  const text = '{"messages":[{"role":"user","content":"a\\n\\"b\\" \\u00e9 😀 48/2=25"}]}';
  const loc = createLocator(text, { line: 7, column: 0 });
  const key = loc.locate('/messages/0/role', 'key');
  assert.equal(text.slice(key.startColumn, key.endColumn), '"role"');
  assert.equal(key.line, 7);
  const value = loc.locate('/messages/0/role');
  assert.equal(text.slice(value.startColumn, value.endColumn), '"user"');
  const missing = loc.locate('/messages/0/name');
  assert.equal(text.slice(missing.startColumn, missing.endColumn), '{');
  const decoded = JSON.parse(text).messages[0].content as string;
  const i = decoded.indexOf('48/2=25');
  const s = loc.locateInString('/messages/0/content', i, i + 7);
  assert.equal(text.slice(s.startColumn, s.endColumn), '48/2=25');
  const e = decoded.indexOf('é');
  const se = loc.locateInString('/messages/0/content', e, e + 1);
  assert.equal(text.slice(se.startColumn, se.endColumn), '\\u00e9');
});

test('a range in a top-level string is found without the tree, exactly where the tree puts it', () => {
  // the reference: the jsonc tree's node (what every pointer used before the top-level scan)
  const viaTree = (text: string, key: string, start: number, end: number) => {
    const node = findNodeAtLocation(parseTree(text)!, [key]);
    if (!node || node.type !== 'string') return node ? [node.offset, node.offset + node.length] : [0, text.length];
    let decoded = 0;
    let i = node.offset + 1;
    let from = -1;
    let to = -1;
    const rawEnd = node.offset + node.length - 1;
    while (i <= rawEnd) {
      if (decoded === start && from < 0) from = i;
      if (decoded === end) {
        to = i;
        break;
      }
      if (i === rawEnd) break;
      i += text[i] === '\\' ? (text[i + 1] === 'u' ? 6 : 2) : 1;
      decoded++;
    }
    if (from < 0) from = rawEnd;
    if (to < 0) to = rawEnd;
    return [from, Math.max(from, to)];
  };
  const cases: [string, string][] = [
    ['{"question": "Q?", "answer": "3 * 4 = <<3*4=12>>12\\n#### 12"}', 'answer'],
    [' { "meta" : {"answer": "nested, not this", "list": [1, "}", {"a": "]"}]}, "answer" :"here \\"quoted\\" \\\\"}', 'answer'],
    ['{"a":"x\\\\","answer":"after a string ending in a backslash"}', 'answer'],
    ['{"answer":"first","answer":"second"}', 'answer'],
    ['{"n": -1.5e3, "t": true, "z": null, "answer": "é 😀 \\u00e9 x"}', 'answer'],
    ['{"\\u0061nswer": "escaped key spells it", "answer": "plain"}', 'answer'],
    ['{"\\u0061nswer": 7, "answer": "plain"}', 'answer'],
    ['{"answer": 42}', 'answer'],
    ['{"other": "no such key"}', 'answer'],
    ['["an", "array"]', 'answer'],
    ['{"réponse": "a non-ASCII key"}', 'réponse'],
  ];
  for (const [text, key] of cases) {
    const value = JSON.parse(text);
    const len = typeof value[key] === 'string' ? value[key].length : 3;
    for (const [s, e] of [[0, 0], [0, 1], [1, Math.min(4, len)], [Math.max(0, len - 1), len], [0, len]]) {
      const span = createLocator(text).locateInString(`/${key}`, s, e);
      assert.deepEqual([span.startColumn, span.endColumn], viaTree(text, key, s, e), `${text} [${s}, ${e})`);
    }
  }
  // a pointer that JSON would write with escapes still goes through the tree
  const odd = '{"a\\\\b": "x", "a\\"b": "yz"}';
  const span = createLocator(odd).locateInString('/a"b', 1, 2);
  assert.equal(odd.slice(span.startColumn, span.endColumn), 'z');
});

test('a .json array gives each record its own text and position, and locates syntax errors', () => {
  const text = '[\n  {"a": 1},\n  {"b":\n    2}\n]\n';
  const r = parseJsonArrayFile(text);
  assert.ok(r);
  assert.deepEqual(r.records.map((x) => [x.line, x.endLine, x.startColumn, x.value]), [[0 + 1, 1, 2, { a: 1 }], [2, 3, 2, { b: 2 }]]);
  const bad = parseJsonArrayFile('[\n  {"a": 1},\n  {"b" 2}\n]');
  assert.ok(bad);
  assert.equal(bad.errors[0].line, 2);
  assert.match(bad.errors[0].message, /expected ':'/);
  assert.equal(parseJsonArrayFile('{"a":1}'), undefined);
});

test('hashText is deterministic and tells close strings apart', () => {
  assert.equal(hashText('{"a":1}'), hashText('{"a":1}'));
  assert.notEqual(hashText('{"a":1}'), hashText('{"a":2}'));
  assert.match(hashText(''), /^[0-9a-f]{16}$/);
});

// Seeded mutation fuzzing: parseRecord never throws, and every line JSON.parse rejects gets a finding
// located inside the line.
test('fuzz: 12 000 mutated lines never throw and every invalid line gets a located message', () => {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const seeds = [
    '{"instruction":"Add 48 and 24","input":"","output":"48 + 24 = 72\\n#### 72"}',
    '{"messages":[{"role":"user","content":"héllo 😀"},{"role":"assistant","content":"hi"}]}',
    '{"conversations":[{"from":"human","value":"x"}],"n":12345678901234567890,"f":-1.5e-7,"t":true,"z":null}',
  ];
  const inserts = ['\uFEFF', '\r', '\n', '\u0000', '\ud800', '\udc00', '"', '\\', ',', '}', '{', '[', ']', ':', ' ', 'NaN', '1e999', "'"];
  let invalid = 0;
  for (let i = 0; i < 12000; i++) {
    let t = seeds[i % seeds.length];
    const ops = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < ops; k++) {
      const at = Math.floor(rand() * (t.length + 1));
      const op = rand();
      if (op < 0.25) t = t.slice(0, at); // truncation
      else if (op < 0.5) t = t.slice(0, at) + String.fromCharCode(t.charCodeAt(at) ^ (1 << Math.floor(rand() * 7))) + t.slice(at + 1); // bit flip
      else if (op < 0.8) t = t.slice(0, at) + inserts[Math.floor(rand() * inserts.length)] + t.slice(at);
      else t = t + t; // two records on one line
    }
    if (i % 1000 === 0) t = '['.repeat(10000) + t;
    let ok: boolean;
    try {
      JSON.parse(t);
      ok = true;
    } catch {
      ok = false;
    }
    const r = parseRecord(t);
    assert.equal(r.ok, ok, t);
    if (!r.ok) {
      invalid++;
      assert.ok(r.error.message.length > 0);
      assert.ok(r.error.startColumn >= 0 && r.error.startColumn <= r.error.endColumn && r.error.endColumn <= t.length, `${t}: ${JSON.stringify(r.error)}`);
    }
  }
  assert.ok(invalid > 6000, `only ${invalid} invalid lines: the fuzzer is too gentle`);
});
