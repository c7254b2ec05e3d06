/** Instruct Studio: Open Prompt Preview — the record under the cursor as the trainer sees it, beside the editor. */
import * as vscode from 'vscode';
import type { PreviewController } from '../preview/registerPreview';

export function registerOpenPreview(preview: PreviewController): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.openPreview', (arg?: unknown) => {
    preview.show(arg instanceof vscode.Uri ? arg : undefined);
    return true;
  });
}
