// The dataset editor in a real VS Code: drives the provider through the same messages its webview sends and
// asserts the document's exact text (every untouched byte stays), undo/redo through VS Code, CRLF, broken lines.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EditorRequest, HostMessage, RecordView, Row } from '../../src/protocol/editor';
import { until } from './until';

const EXTENSION_ID = 'instruct-studio.instruct-studio';
const VIEW_TYPE = 'instructStudio.datasetEditor';

interface Session {
  document: vscode.TextDocument;
  sent: HostMessage[];
  handle(m: EditorRequest): Promise<void>;
}


async function open(name: string, text: string): Promise<Session> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  return until('the dataset editor', async () => {
    const s = await vscode.commands.executeCommand<Session | undefined>('instructStudio.editor._test');
    return s && s.document.uri.toString() === uri.toString() ? s : undefined;
  });
}

function last<T extends HostMessage['type']>(s: Session, type: T): Extract<HostMessage, { type: T }> | undefined {
  for (let i = s.sent.length - 1; i >= 0; i--) if (s.sent[i].type === type) return s.sent[i] as Extract<HostMessage, { type: T }>;
  return undefined;
}

const ALPACA = [
  '{"instruction": "Caf\\u00e9 order", "input": "", "output": "One caf\\u00e9", "score": 1.0}',
  '{"instruction": "Count", "input": "to 3", "output": "1, 2, 3", "id": 2e1}',
  '{"instruction": "Broken", "input": "", "output": "x"',
  '{"instruction": "Last", "input": "", "output": "end"}',
];

describe('dataset editor', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sends the format, columns and only the requested rows; broken lines are raw rows with their error', async () => {
    const s = await open('ed-rows.jsonl', ALPACA.join('\n') + '\n');
    await s.handle({ type: 'ready' });
    const init = last(s, 'init')!;
    assert.equal(init.format?.id, 'alpaca');
    assert.deepEqual(init.columns.map((c) => c.label), ['Instruction', 'Input', 'Output']);
    assert.equal(init.rowCount, 4);
    await s.handle({ type: 'getRows', requestId: 1, start: 1, count: 2 });
    const rows = last(s, 'rows')!.rows as Row[];
    assert.deepEqual(rows.map((r) => r.line), [1, 2]);
    assert.deepEqual(rows[0].cells, ['Count', 'to 3', '1, 2, 3']);
    assert.equal(rows[1].kind, 'broken');
    assert.equal(rows[1].cells[0], ALPACA[2]);
    assert.ok(rows[1].error);
  });

  it('editing a field with line breaks and unicode rewrites just that value, in the file style; undo/redo go through VS Code', async () => {
    const original = ALPACA.join('\n') + '\n';
    const s = await open('ed-field.jsonl', original);
    await s.handle({ type: 'select', line: 0 });
    const rec = last(s, 'record')!.record as RecordView;
    assert.equal((rec.value as { output: string }).output, 'One café');
    await s.handle({ type: 'setField', line: 0, pointer: '/output', value: 'Première ligne\n\tdeuxième  ' });
    const edited = [ALPACA[0].replace('"One caf\\u00e9"', '"Premi\\u00e8re ligne\\n\\tdeuxi\\u00e8me  "'), ...ALPACA.slice(1)].join('\n') + '\n';
    assert.equal(s.document.getText(), edited);
    assert.ok(s.document.isDirty);
    await s.handle({ type: 'undo' });
    await until('undo', () => s.document.getText() === original);
    await s.handle({ type: 'redo' });
    await until('redo', () => s.document.getText() === edited);
  });

  it('add, duplicate, move and delete records change only those lines', async () => {
    const s = await open('ed-records.jsonl', ALPACA.join('\n') + '\n');
    await s.handle({ type: 'duplicate', line: 1 });
    assert.equal(s.document.getText(), [ALPACA[0], ALPACA[1], ALPACA[1], ...ALPACA.slice(2)].join('\n') + '\n');
    await s.handle({ type: 'delete', line: 2 });
    assert.equal(s.document.getText(), ALPACA.join('\n') + '\n');
    await s.handle({ type: 'move', line: 3, delta: -1 });
    assert.equal(s.document.getText(), [ALPACA[0], ALPACA[1], ALPACA[3], ALPACA[2]].join('\n') + '\n');
    await s.handle({ type: 'move', line: 0, delta: -1 }); // already first: nothing happens
    await s.handle({ type: 'addRecord', after: 0 });
    assert.equal(s.document.lineAt(1).text, '{"instruction": "", "input": "", "output": ""}');
    assert.equal(s.document.lineAt(0).text, ALPACA[0]);
    await s.handle({ type: 'delete', line: 4 }); // last line, no newline issues
    assert.equal(s.document.getText(), [ALPACA[0], '{"instruction": "", "input": "", "output": ""}', ALPACA[1], ALPACA[3]].join('\n') + '\n');
  });

  it('a CRLF file keeps CRLF line ends and compact spacing', async () => {
    const lines = ['{"text":"a"}', '{"text":"b"}'];
    const s = await open('ed-crlf.jsonl', lines.join('\r\n') + '\r\n');
    await s.handle({ type: 'setField', line: 1, pointer: '/text', value: 'b\r\nc' });
    await s.handle({ type: 'duplicate', line: 0 });
    assert.equal(s.document.getText(), ['{"text":"a"}', '{"text":"a"}', '{"text":"b\\r\\nc"}'].join('\r\n') + '\r\n');
  });

  it('a broken line is never rewritten by a field edit, and can be repaired as text', async () => {
    const original = ALPACA.join('\n') + '\n';
    const s = await open('ed-broken.jsonl', original);
    await s.handle({ type: 'setField', line: 2, pointer: '/output', value: 'y' });
    assert.equal(s.document.getText(), original);
    assert.match(last(s, 'error')!.message, /not valid JSON/);
    await s.handle({ type: 'select', line: 2 });
    assert.equal(last(s, 'record')!.record.kind, 'broken');
    await s.handle({ type: 'setLine', line: 2, text: ALPACA[2] + '}' });
    assert.equal(s.document.getText(), [ALPACA[0], ALPACA[1], ALPACA[2] + '}', ALPACA[3]].join('\n') + '\n');
  });

  it('chat turns: edit a turn, reorder turns; search finds decoded text', async () => {
    const line = '{"messages": [{"role": "user", "content": "Bonjour"}, {"role": "assistant", "content": "Salut \\u00e0 toi"}]}';
    const s = await open('ed-chat.jsonl', line + '\n' + '{"messages": [{"role": "user", "content": "x"}]}\n');
    await s.handle({ type: 'setField', line: 0, pointer: '/messages/0/content', value: 'Bonjour\nça va ?' });
    assert.equal(s.document.lineAt(0).text, line.replace('"Bonjour"', '"Bonjour\\n\\u00e7a va ?"'));
    await s.handle({ type: 'filter', filter: { query: 'salut à', field: '', onlyProblems: false, rule: '' } });
    await until('the filter', () => last(s, 'filterDone'));
    assert.equal(last(s, 'filterDone')!.rowCount, 1);
    await s.handle({ type: 'getRows', requestId: 2, start: 0, count: 10 });
    assert.deepEqual((last(s, 'rows')!.rows as Row[]).map((r) => r.line), [0]);
  });

  it('follows the text editor cursor, and "Show in text editor" opens the text at the record', async () => {
    const s = await open('ed-follow.jsonl', ALPACA.join('\n') + '\n');
    await s.handle({ type: 'showInText', line: 3 });
    const text = await until('a text editor', () => vscode.window.visibleTextEditors.find((e) => e.document === s.document));
    assert.equal(text.selection.active.line, 3);
    text.selection = new vscode.Selection(1, 5, 1, 5);
    await until('the reveal', () => last(s, 'reveal')?.line === 1);
    assert.equal(last(s, 'record')!.record.line, 1);
  });

  it('the GSM8K train split (../shared, skipped when absent): find a record, edit its multi-line answer, exactly one line changes, undo restores every byte', async function () {
    // dist/test/exthost/editor.test.js -> repo root -> ../shared
    const file = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'datasets', 'gsm8k', 'train.jsonl');
    if (!fs.existsSync(file)) this.skip();
    this.timeout(60_000);
    const original = fs.readFileSync(file, 'utf8');
    const s = await open('gsm8k-train.jsonl', original);
    await s.handle({ type: 'ready' });
    assert.equal(last(s, 'init')!.format?.id, 'cot');
    await s.handle({ type: 'filter', filter: { query: 'Natalia sold clips', field: '', onlyProblems: false, rule: '' } });
    await until('the search', () => last(s, 'filterDone'));
    await s.handle({ type: 'getRows', requestId: 7, start: 0, count: 5 });
    const hit = (last(s, 'rows')!.rows as Row[])[0];
    assert.ok(hit, 'the search found the record');
    await s.handle({ type: 'select', line: hit.line });
    const rec = last(s, 'record')!.record as RecordView;
    const answer = (rec.value as { answer: string }).answer;
    assert.ok(answer.includes('\n'), 'the answer is multi-line');
    await s.handle({ type: 'setField', line: hit.line, pointer: '/answer', value: answer.replace('#### ', 'So she sold 72 clips.\n#### ') });
    const before = original.split('\n');
    const after = s.document.getText().split('\n');
    assert.equal(after.length, before.length);
    const changed = after.flatMap((l, i) => (l === before[i] ? [] : [i]));
    assert.deepEqual(changed, [hit.line], 'only the line of the edited record changed');
    assert.ok((JSON.parse(after[hit.line]) as { answer: string }).answer.includes('So she sold 72 clips.\n####'));
    await s.handle({ type: 'undo' });
    await until('the undo', () => s.document.getText() === original);
  });

  it('a 1 M-line file opens with its first rows without parsing the file (time printed, not asserted)', async function () {
    this.timeout(120_000);
    const lines: string[] = [];
    for (let i = 0; i < 1_000_000; i++) lines.push(`{"prompt":"${i}+1","completion":"${i + 1}"}`);
    const text = lines.join('\n') + '\n';
    const t0 = Date.now();
    const s = await open('ed-million.jsonl', text);
    const t1 = Date.now();
    await s.handle({ type: 'ready' });
    await s.handle({ type: 'getRows', requestId: 1, start: 0, count: 100 });
    const t2 = Date.now();
    console.log(`      [editor] ${(text.length / 1e6).toFixed(0)} MB, 1,000,000 lines: write + VS Code load + editor resolved ${t1 - t0} ms; init + first 100 rows ${t2 - t1} ms`);
    assert.equal(last(s, 'init')!.rowCount, 1_000_000);
    assert.equal((last(s, 'rows')!.rows as Row[])[99].cells[1], '100');
    const t3 = Date.now();
    await s.handle({ type: 'getRows', requestId: 2, start: 999_900, count: 100 });
    console.log(`      [editor] last window of 100 rows: ${Date.now() - t3} ms`);
    assert.equal((last(s, 'rows')!.rows as Row[])[99].line, 999_999);
  });

  it('ignores malformed messages', async () => {
    const original = ALPACA.join('\n') + '\n';
    const s = await open('ed-bad.jsonl', original);
    await s.handle({ type: 'setLine', line: 0, text: 'a\nb' } as EditorRequest);
    await s.handle({ type: 'delete', line: -1 } as EditorRequest);
    assert.equal(s.document.getText(), original);
  });
});
