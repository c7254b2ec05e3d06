import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateValue, compileSchema } from '../../../src/core/schema/validate';
import { closestKey } from '../../../src/core/schema/suggest';
import { lintText } from '../../../src/core/lint';

const alpaca = {
  type: 'object',
  required: ['instruction', 'output'],
  additionalProperties: false,
  properties: { instruction: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' } },
};

test('schema errors read as plain words at a JSON pointer', () => {
  const issues = validateValue(alpaca, { instuction: 'x', output: 5 });
  const messages = issues.map((i) => `${i.pointer} ${i.part} ${i.message}`);
  assert.ok(messages.includes(' value missing required key "instruction"'), messages.join('\n'));
  assert.ok(messages.includes('/output value "output" must be a string, got integer'), messages.join('\n'));
  assert.ok(messages.includes('/instuction key unknown key "instuction" — did you mean "instruction"?'), messages.join('\n'));
});

test('enum, minItems and anyOf collapse into one readable message each', () => {
  const chat = {
    type: 'object',
    properties: {
      messages: { type: 'array', minItems: 1, items: { type: 'object', properties: { role: { enum: ['system', 'user', 'assistant'] } } } },
      chosen: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] },
    },
  };
  assert.deepEqual(validateValue(chat, { messages: [{ role: 'bot' }] }).map((i) => i.message), ['"messages[0].role" must be one of "system", "user", "assistant", got "bot"']);
  assert.deepEqual(validateValue(chat, { messages: [] }).map((i) => i.message), ['"messages" must have at least 1 item']);
  assert.deepEqual(validateValue(chat, { messages: [{ role: 'user' }], chosen: 3 }).map((i) => i.message), ['"chosen" must be a string or a list of objects, got integer']);
});

test('draft 2020-12 schemas work, and a schema that does not compile gives a message', () => {
  const s2020 = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { id: { type: 'string', format: 'uuid' }, pair: { type: 'array', prefixItems: [{ type: 'string' }] } } };
  assert.equal(validateValue(s2020, { id: '00000000-0000-0000-0000-000000000000' }).length, 0);
  assert.match(validateValue(s2020, { id: 'nope' })[0].message, /"id" must match format "uuid"/);
  const bad = compileSchema({ type: 'nonsense' });
  assert.equal(bad.ok, false);
});

test('closestKey suggests typos and case slips, not unrelated keys', () => {
  assert.equal(closestKey('instuction', ['instruction', 'input', 'output']), 'instruction');
  assert.equal(closestKey('Output', ['instruction', 'input', 'output']), 'output');
  assert.equal(closestKey('source', ['instruction', 'input', 'output']), undefined);
  assert.equal(closestKey('id', ['input']), undefined);
});

test('through the engine: format schema errors and unknown keys point at the exact key or value, with a rename fix', () => {
  const line = '{"instuction": "Say hi", "input": "", "output": 5}';
  const r = lintText(`{"instruction": "a", "input": "", "output": "b"}\n${line}\n`, { config: { format: 'alpaca' } });
  const ds005 = r.findings.find((f) => f.ruleId === 'DS005');
  assert.ok(ds005, JSON.stringify(r.findings));
  assert.equal(line.slice(ds005.startColumn, ds005.endColumn), '"instuction"');
  assert.deepEqual(ds005.fix?.edits[0].text, '"instruction"');
  const ds003 = r.findings.filter((f) => f.ruleId === 'DS003').map((f) => `${f.message} @ ${line.slice(f.startColumn, f.endColumn)}`);
  assert.ok(ds003.some((m) => /"output" must be a string, got integer @ 5/.test(m)), ds003.join('\n'));
});

test('through the engine: a user schema from config is applied (DS004)', () => {
  const userSchema = { type: 'object', required: ['category'], properties: { category: { enum: ['qa', 'math'] } } };
  const r = lintText('{"instruction":"a","output":"b","category":"poetry"}\n', { userSchema });
  const f = r.findings.find((x) => x.ruleId === 'DS004');
  assert.ok(f);
  assert.match(f.message, /"category" must be one of "qa", "math", got "poetry"/);
});

test('an anyOf of required keys reads as "one of" the keys', () => {
  const schema = { type: 'object', anyOf: [{ required: ['output'] }, { required: ['response'] }] };
  assert.deepEqual(validateValue(schema, { instruction: 'x' }).map((i) => i.message), ['missing required key: one of "output" or "response"']);
});
