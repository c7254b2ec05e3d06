// Minimal entry point so the extension loads in VS Code; the extension-features work replaces this file.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('instructStudio.showVersion', () => {
      const version = String(context.extension.packageJSON.version ?? 'unknown');
      void vscode.window.showInformationMessage(`Instruct Studio ${version}`);
      return version;
    }),
  );
}

export function deactivate(): void {}
