import * as vscode from 'vscode';
import { allFormats } from '../../core/formats/registry';
import { setConfigValue } from '../configEdit';
import type { DiagnosticsService } from '../diagnostics';

/** Instruct Studio: Select Dataset Format — saved as `format` in .instructlint.jsonc. */
export function registerSelectFormat(diagnostics: DiagnosticsService): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.selectFormat', async (formatId?: string) => {
    const doc = vscode.window.activeTextEditor?.document;
    const current = doc && diagnostics.result(doc.uri)?.format;
    let picked = formatId;
    if (!picked) {
      const items = [
        { label: 'Auto', description: 'detect from the first records', id: 'auto' },
        ...allFormats.map((f) => ({ label: f.label, description: f.id === current ? `${f.id} · detected` : f.id, detail: f.description, id: f.id })),
      ];
      const choice = await vscode.window.showQuickPick(items, { title: 'Dataset format', placeHolder: 'Format of the datasets in this folder (saved to .instructlint.jsonc)' });
      picked = choice?.id;
    }
    if (!picked) return undefined;
    await setConfigValue(doc?.uri, ['format'], picked);
    return picked;
  });
}
