import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { setValueAt, removeValueAt, replaceOtherMembers, RecordEditError } from '../../../src/core/edit/editRecord';
import { detectStyle, detectLineStyle, styleOfLine, stringifyStyled, DEFAULT_STYLE } from '../../../src/core/edit/recordStyle';

const py = '{"instruction": "Caf\\u00e9 au lait?", "input": "", "output": "Yes", "score": 1.0, "id": 1e3}';
const compact = '{"instruction":"Café","output":"Oui","n":10}';

test('replacing a value touches only that value: key order, escapes and number spelling elsewhere stay', () => {
  const out = setValueAt(py, '/output', 'Line one\nLine two\twith tab  ', styleOfLine(py, DEFAULT_STYLE));
  assert.equal(out, '{"instruction": "Caf\\u00e9 au lait?", "input": "", "output": "Line one\\nLine two\\twith tab  ", "score": 1.0, "id": 1e3}');
  assert.equal(JSON.parse(out).output, 'Line one\nLine two\twith tab  ');
});

test('an ASCII-escaped file gets ASCII escapes; a raw-UTF-8 file gets raw characters', () => {
  assert.equal(setValueAt(py, '/input', 'crème brûlée 🍮', styleOfLine(py, DEFAULT_STYLE)), py.replace('"input": ""', '"input": "cr\\u00e8me br\\u00fbl\\u00e9e \\ud83c\\udf6e"'));
  assert.equal(setValueAt(compact, '/output', 'Noël', styleOfLine(compact, DEFAULT_STYLE)), '{"instruction":"Café","output":"Noël","n":10}');
});

test('a new key is appended with the line spacing (Python ": " / ", " or compact)', () => {
  const s = styleOfLine(compact, DEFAULT_STYLE);
  assert.equal(setValueAt(compact, '/input', { a: [1, 2] }, s), '{"instruction":"Café","output":"Oui","n":10,"input":{"a":[1,2]}}');
  assert.equal(setValueAt(py, '/tags', ['x', 'y'], styleOfLine(py, DEFAULT_STYLE)), py.slice(0, -1) + ', "tags": ["x", "y"]}');
  assert.equal(setValueAt('{}', '/a', 'b', DEFAULT_STYLE), '{"a": "b"}');
});

test('chat turns: set a nested content, append a turn, reject an index past the end', () => {
  const chat = '{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}';
  assert.equal(setValueAt(chat, '/messages/1/content', 'Hey\n', DEFAULT_STYLE), chat.replace('"Hello"', '"Hey\\n"'));
  assert.equal(setValueAt(chat, '/messages/2', { role: 'user', content: '' }, DEFAULT_STYLE), chat.replace(']}', ', {"role": "user", "content": ""}]}'));
  assert.throws(() => setValueAt(chat, '/messages/5', {}, DEFAULT_STYLE), /index out of range/);
});

test('a broken line is refused with a located message instead of being rewritten', () => {
  assert.throws(() => setValueAt('{"a": 1,, }', '/a', 2, DEFAULT_STYLE), (e: unknown) => e instanceof RecordEditError && /column \d+/.test(e.message));
});

test('removing a key keeps the rest byte-identical', () => {
  assert.equal(removeValueAt(py, '/input'), '{"instruction": "Caf\\u00e9 au lait?", "output": "Yes", "score": 1.0, "id": 1e3}');
  assert.equal(removeValueAt(py, '/absent'), py);
});

test('other keys edited as raw JSON: unchanged values keep their spelling, removed keys go, new keys are added', () => {
  const line = '{"instruction": "x", "output": "y", "score": 1.0, "meta": {"src": "a"}}';
  const keep = new Set(['instruction', 'output']);
  assert.equal(replaceOtherMembers(line, keep, { score: 1, meta: { src: 'b' } }, DEFAULT_STYLE), '{"instruction": "x", "output": "y", "score": 1.0, "meta": {"src": "b"}}');
  assert.equal(replaceOtherMembers(line, keep, { id: 7 }, DEFAULT_STYLE), '{"instruction": "x", "output": "y", "id": 7}');
});

test('style detection: first deciding line wins, defaults otherwise', () => {
  assert.deepEqual(detectLineStyle('{"a":1}'), { colon: ':' });
  assert.deepEqual(detectStyle(['{"a": "b"}', '{"a": "\\u00e9", "b": 2}']), { asciiEscape: true, colon: ': ', comma: ', ' });
  assert.deepEqual(detectStyle(['not json']), DEFAULT_STYLE);
  assert.equal(stringifyStyled({ a: 'é', b: [1, null] }, { asciiEscape: true, colon: ':', comma: ',' }), '{"a":"\\u00e9","b":[1,null]}');
});
