import * as vscode from 'vscode';
import { configUriForNew } from '../config';
import { CONFIG_TEMPLATE } from '../configEdit';

/** Instruct Studio: Create .instructlint.jsonc — a commented starting point, opened for editing. */
export function registerCreateConfig(): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.createConfig', async () => {
    const uri = configUriForNew(vscode.window.activeTextEditor?.document.uri);
    if (!uri) {
      void vscode.window.showErrorMessage('Open a folder first: .instructlint.jsonc lives in the workspace folder.');
      return undefined;
    }
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), CONFIG_TEMPLATE);
      await vscode.workspace.applyEdit(edit);
      await (await vscode.workspace.openTextDocument(uri)).save();
    }
    await vscode.window.showTextDocument(uri);
    return uri;
  });
}
