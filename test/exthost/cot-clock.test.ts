// Clock-time and mixed-number arithmetic in a real VS Code: COT003 flags the wrong result at its span, the
// quick fix writes the right one in the same style ("12:15 PM", "4 hours 15 minutes", "4 1/4"), undo restores it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './until';

const EXTENSION_ID = 'instruct-studio.instruct-studio';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'instruct-studio');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function scratch(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

const record = (rationale: string) => JSON.stringify({ question: 'When does the class end?', rationale, answer: '12:15 PM' });

describe('COT003 clock times and mixed numbers', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  for (const [n, wrong, right, title] of [
    [1, '9:30 AM + 2 hours 45 minutes = 12:30 PM', '9:30 AM + 2 hours 45 minutes = 12:15 PM', 'Replace 12:30 PM with 12:15 PM'],
    [2, '2 hours 45 minutes + 1 hour 30 minutes = 4 hours 5 minutes', '2 hours 45 minutes + 1 hour 30 minutes = 4 hours 15 minutes', 'Replace 4 hours 5 minutes with 4 hours 15 minutes'],
    [3, '2 1/2 + 1 3/4 = 4 1/2 cups', '2 1/2 + 1 3/4 = 4 1/4 cups', 'Replace 4 1/2 with 4 1/4'],
  ] as const) {
    it(`flags "${wrong}" and fixes it in one action`, async () => {
      const line = record(`The class starts at 9:30 AM. ${wrong}.`);
      const doc = await scratch(`clock-${n}.jsonl`, `${line}\n`);
      const d = await until('a COT003 diagnostic', () => ours(doc.uri).find((x) => codeOf(x) === 'COT003'));
      assert.equal(doc.getText(d.range), wrong.replace(/ cups$/, ''));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === title);
      assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
      await vscode.workspace.applyEdit(fix.edit);
      assert.equal(doc.lineAt(0).text, line.replace(wrong, right));
      await until('COT003 to clear', () => !ours(doc.uri).some((x) => codeOf(x) === 'COT003'));
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.lineAt(0).text, line);
    });
  }

  it('ratios, scores, verses and right times raise nothing', async () => {
    const doc = await scratch('clock-clean.jsonl', `${record('The ratio is 3:2 = 6:4, the score 2:1, John 3:16. She starts at 9:30. 9:30 + 2:45 = 12:15 and 11:30 PM + 2 hours = 1:30 AM.')}\n`);
    await until('the first pass', () => vscode.extensions.getExtension(EXTENSION_ID)!.exports.diagnostics.result(doc.uri));
    assert.deepEqual(ours(doc.uri).filter((x) => codeOf(x) === 'COT003').map((x) => x.message), []);
  });
});
