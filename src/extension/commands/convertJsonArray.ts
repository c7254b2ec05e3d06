import * as vscode from 'vscode';
import { parseJsonArrayFile } from '../../core/jsonl/jsonArray';

/** Instruct Studio: Convert JSON Array to JSONL — writes a new untitled document; the source file is not touched. */
export function registerConvertJsonArray(): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.convertJsonArrayToJsonl', async (uri?: vscode.Uri) => {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showErrorMessage('Open a .json file holding an array of records first.');
      return undefined;
    }
    const parsed = parseJsonArrayFile(doc.getText());
    if (!parsed) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(doc.uri)} does not hold a JSON array of records.`);
      return undefined;
    }
    if (parsed.errors.length) {
      const e = parsed.errors[0];
      void vscode.window.showErrorMessage(`Cannot convert: line ${e.line + 1}, column ${e.startColumn + 1}: ${e.message}. Fix the JSON first; nothing was written.`);
      return undefined;
    }
    const jsonl = parsed.records.map((r) => JSON.stringify(r.value)).join('\n') + '\n';
    const out = await vscode.workspace.openTextDocument({ language: 'jsonl', content: jsonl });
    await vscode.window.showTextDocument(out);
    void vscode.window.showInformationMessage(`Converted ${parsed.records.length} records to JSONL (unsaved: save it where you want it).`);
    return out;
  });
}
