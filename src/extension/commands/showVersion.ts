import * as vscode from 'vscode';

/** Instruct Studio: Show Version. */
export function registerShowVersion(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.showVersion', () => {
    const version = String(context.extension.packageJSON.version ?? 'unknown');
    void vscode.window.showInformationMessage(`Instruct Studio ${version}`);
    return version;
  });
}
