import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isEditorRequest } from '../../../src/protocol/editor';

test('the host accepts well-formed editor requests only', () => {
  assert.ok(isEditorRequest({ type: 'setField', line: 3, pointer: '/output', value: 'x\ny' }));
  assert.ok(isEditorRequest({ type: 'addRecord', after: -1 }));
  assert.ok(isEditorRequest({ type: 'filter', filter: { query: 'a', field: '', onlyProblems: true, rule: 'DS010' } }));
  assert.ok(!isEditorRequest({ type: 'setLine', line: 0, text: 'two\nlines' }), 'a raw line edit may not add lines');
  assert.ok(!isEditorRequest({ type: 'delete', line: -1 }));
  assert.ok(!isEditorRequest({ type: 'delete', line: 1.5 }));
  assert.ok(!isEditorRequest({ type: 'move', line: 2, delta: 3 }));
  assert.ok(!isEditorRequest({ type: 'getRows', requestId: 1, start: 0, count: 1_000_000 }), 'no whole-file requests');
  assert.ok(!isEditorRequest({ type: 'eval', code: '1' }));
  assert.ok(!isEditorRequest(null));
});
