// Live diagnostics in a real VS Code: problems appear after an edit, quick fixes change the text exactly,
// undo restores it, closing clears, the config file re-lints, commands work.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './until';

const EXTENSION_ID = 'instruct-studio.instruct-studio';


const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'instruct-studio');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function scratch(name: string, text: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('live diagnostics', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a clean file has no problems; breaking a record shows a located error within the debounce', async () => {
    const doc = await scratch('live.jsonl', '{"instruction": "Say hi", "input": "", "output": "Hi!"}\n{"instruction": "Count to 3", "input": "", "output": "1, 2, 3"}\n');
    await until('the first pass', () => vscode.extensions.getExtension(EXTENSION_ID)!.exports.diagnostics.result(doc.uri));
    assert.deepEqual(ours(doc.uri).map((d) => d.message), []);
    const editor = vscode.window.activeTextEditor!;
    // delete the closing quote and brace of the second record
    await editor.edit((b) => b.delete(new vscode.Range(1, doc.lineAt(1).text.length - 2, 1, doc.lineAt(1).text.length)));
    const [d] = await until('a DS001 diagnostic', () => { const ds = ours(doc.uri); return ds.length ? ds : undefined; });
    assert.equal(codeOf(d), 'DS001');
    assert.equal(d.range.start.line, 1);
    assert.match(d.message, /unterminated string/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith('/docs/rules/DS001.md'), 'the code links to the rule docs');
    await vscode.commands.executeCommand('undo');
    await until('the problem to go away after undo', () => ours(doc.uri).length === 0);
  });

  it('the quick fix renames a misspelt key exactly, and undo restores the line', async () => {
    const line = '{"instuction": "Say hi", "input": "", "output": "Hi!"}';
    const doc = await scratch('typo.jsonl', `{"instruction": "a", "input": "", "output": "b"}\n${line}\n`);
    const d = await until('a DS005 diagnostic', () => ours(doc.uri).find((x) => codeOf(x) === 'DS005'));
    assert.equal(doc.getText(d.range), '"instuction"');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Rename "instuction" to "instruction"');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => /^Disable DS005/.test(a.title)) && actions.some((a) => /^Show documentation for DS005/.test(a.title)));
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(doc.lineAt(1).text, '{"instruction": "Say hi", "input": "", "output": "Hi!"}');
    await until('DS005 to clear', () => !ours(doc.uri).some((x) => codeOf(x) === 'DS005'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.lineAt(1).text, line);
  });

  it('the CoT checks run live: a wrong calculator annotation is flagged at its span', async () => {
    const doc = await scratch('cot.jsonl', '{"question": "Tom has 3 boxes of 4 apples. How many apples?", "answer": "He has 3 * 4 = <<3*4=13>>13 apples.\\n#### 13"}\n');
    const d = await until('a COT004 diagnostic', () => ours(doc.uri).find((x) => codeOf(x) === 'COT004'));
    assert.match(doc.getText(d.range), /3\*4=13/);
  });

  it('closing a document clears its diagnostics', async () => {
    const doc = await scratch('closing.jsonl', '{"instruction": "x", "output": 5}\n');
    await until('a problem', () => ours(doc.uri).length > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // VS Code closes the TextDocument some time after the editor; poll
    await until("diagnostics to clear on close", () => ours(doc.uri).length === 0);
  });

  it('a rule turned off in .instructlint.jsonc disappears from open files', async () => {
    const doc = await scratch('config.jsonl', '{"instuction": "Say hi", "input": "", "output": "Hi!"}\n{"instruction": "a", "input": "", "output": "b"}\n');
    await until('a DS005 diagnostic', () => ours(doc.uri).some((x) => codeOf(x) === 'DS005'));
    await vscode.commands.executeCommand('instructStudio.disableRule', 'DS005', doc.uri);
    await until('DS005 to be gone after the config change', () => !ours(doc.uri).some((x) => codeOf(x) === 'DS005'));
    const cfg = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.instructlint.jsonc');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(cfg));
    assert.match(text, /"DS005": "off"/);
    await vscode.workspace.fs.delete(cfg);
  });

  it('Validate Workspace Datasets reports problems of files that are not open', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'unopened.jsonl');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{"instruction": "x", "output": 5}\n'));
    const r = await vscode.commands.executeCommand<{ files: number; problems: number }>('instructStudio.validateWorkspace');
    assert.ok(r.files >= 4 && r.problems >= 1, JSON.stringify(r));
    assert.ok(ours(uri).some((d) => /"output" must be a string/.test(d.message)));
    await vscode.workspace.fs.delete(uri);
  });
});

describe('commands', () => {
  it('Convert Dataset Format writes the OpenAI-chat form of an Alpaca file into a new document', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'alpaca.jsonl'));
    await vscode.window.showTextDocument(doc);
    const r = await vscode.commands.executeCommand<{ document: vscode.TextDocument; converted: number }>('instructStudio.convertFormat', 'openai-chat');
    assert.equal(r.converted, 3);
    const first = JSON.parse(r.document.lineAt(0).text);
    assert.equal(first.messages[0].role, 'user');
    assert.equal(first.messages[1].content, JSON.parse(doc.lineAt(0).text).output);
    assert.equal(doc.isDirty, false, 'the source file is not touched');
  });
});
