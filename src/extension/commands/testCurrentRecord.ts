/** Instruct Studio: Test Current Record — asks the configured model the prompt of the record under the cursor; the answer streams into the preview. */
import * as vscode from 'vscode';
import type { PreviewController } from '../preview/registerPreview';

export function registerTestCurrentRecord(preview: PreviewController): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.testCurrentRecord', async (arg?: unknown) => {
    const panel = preview.show(arg instanceof vscode.Uri ? arg : undefined);
    panel.renderNow();
    await panel.testRecord();
  });
}
