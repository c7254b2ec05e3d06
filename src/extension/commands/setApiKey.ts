/** Instruct Studio: Set API Key — stores the key for the configured endpoint in SecretStorage (never in settings). */
import * as vscode from 'vscode';
import type { ModelService } from '../model/modelService';
import { keyScope } from '../model/secrets';

export function registerSetApiKey(models: ModelService): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.setApiKey', async (value?: unknown) => {
    const s = models.settings();
    if (s.provider === 'vscode-lm') {
      void vscode.window.showInformationMessage('The vscode-lm provider uses the chat models VS Code is signed in to: it needs no API key.');
      return false;
    }
    const scope = keyScope(s.baseUrl);
    const had = await models.keys.get(s.baseUrl);
    // a string argument is for scripted use (and the tests); the palette always asks
    const key = typeof value === 'string' ? value : await vscode.window.showInputBox({
      title: `API key for ${scope}`,
      prompt: had ? 'A key is stored for this endpoint. Enter a new one, or leave empty and press Enter to remove it.' : 'Stored in VS Code\'s secret storage, never in settings.',
      password: true,
      ignoreFocusOut: true,
      placeHolder: 'sk-…',
    });
    if (key === undefined) return false;
    if (!key.trim()) {
      if (had) {
        await models.keys.delete(s.baseUrl);
        void vscode.window.showInformationMessage(`Removed the API key for ${scope}.`);
      }
      return false;
    }
    await models.keys.set(s.baseUrl, key.trim());
    void vscode.window.showInformationMessage(`Stored the API key for ${scope} in VS Code's secret storage.`);
    return true;
  });
}
