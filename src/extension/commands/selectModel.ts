/** Instruct Studio: Select Model — lists the endpoint's models (/v1/models, /api/tags) or VS Code's chat models and saves the choice. */
import * as vscode from 'vscode';
import { ModelError } from '../../core/model';
import { ACTION_LABELS, actionsFor, runAction, type ModelService } from '../model/modelService';
import { settingsTarget } from '../model/settings';

export function registerSelectModel(models: ModelService): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.selectModel', async () => {
    const s = models.settings();
    const where = s.provider === 'vscode-lm' ? 'VS Code' : s.baseUrl;
    let list: { id: string; label: string; detail?: string }[];
    try {
      list = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Listing the models of ${where}`, cancellable: true }, (_p, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return models.models(abort.signal);
      });
    } catch (e) {
      if (e instanceof ModelError && e.kind === 'cancelled') return undefined;
      const actions = actionsFor(e).filter((a) => a !== 'retry' && a !== 'selectModel');
      const msg = e instanceof Error ? e.message : String(e);
      const chosen = await vscode.window.showErrorMessage(`Cannot list the models of ${where}: ${msg}`, ...actions.map((a) => ACTION_LABELS[a]));
      const action = actions.find((a) => ACTION_LABELS[a] === chosen);
      if (action) await runAction(action);
      return undefined;
    }
    if (!list.length) {
      const typed = await vscode.window.showInputBox({ title: `${where} lists no models`, prompt: 'Type the model name to use', value: s.model, ignoreFocusOut: true });
      if (!typed?.trim()) return undefined;
      list = [{ id: typed.trim(), label: typed.trim() }];
    }
    const picked = await vscode.window.showQuickPick(
      list.map((m) => ({ label: m.label, description: m.id === s.model ? 'current' : m.id !== m.label ? m.id : undefined, detail: m.detail, id: m.id })),
      { title: `Model for Instruct Studio (${where})`, placeHolder: 'Choose the model to ask', matchOnDescription: true },
    );
    if (!picked) return undefined;
    await vscode.workspace.getConfiguration('instructStudio.model').update('model', picked.id, settingsTarget());
    void vscode.window.setStatusBarMessage(`Instruct Studio model: ${picked.id}`, 4000);
    return picked.id;
  });
}
