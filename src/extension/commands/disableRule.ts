import * as vscode from 'vscode';
import { setConfigValue } from '../configEdit';

/** Turns a rule off in .instructlint.jsonc (the code action "Disable <rule>"). */
export function registerDisableRule(): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.disableRule', async (ruleId?: string, near?: vscode.Uri) => {
    const id = ruleId ?? (await vscode.window.showInputBox({ prompt: 'Rule id to disable (e.g. DS011)' }));
    if (!id) return;
    await setConfigValue(near ?? vscode.window.activeTextEditor?.document.uri, ['rules', id], 'off');
  });
}
