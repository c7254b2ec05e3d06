/** Instruct Studio: Quick Test Prompt — an input box prefilled with the selection; the model's answer streams into the preview. */
import * as vscode from 'vscode';
import type { PreviewController } from '../preview/registerPreview';

/** The selected text, as the prompt a user most likely means: a JSON string's content is unescaped. */
function selectedPrompt(): string {
  const ed = vscode.window.activeTextEditor;
  if (!ed || ed.selection.isEmpty) return '';
  const text = ed.document.getText(ed.selection);
  if (/^".*"$/s.test(text.trim())) {
    try {
      const v: unknown = JSON.parse(text.trim());
      if (typeof v === 'string') return v;
    } catch {
      // not a whole JSON string: use the text as it is
    }
  }
  return text;
}

export function registerQuickTestPrompt(preview: PreviewController): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.quickTestPrompt', async (value?: unknown) => {
    const prompt = typeof value === 'string' ? value : await vscode.window.showInputBox({
      title: 'Quick Test Prompt', prompt: 'Ask the configured model (instructStudio.model.*); the answer streams into the Prompt Preview.',
      value: selectedPrompt(), ignoreFocusOut: true, placeHolder: 'What is 48 / 2?',
    });
    if (!prompt?.trim()) return;
    await preview.show().testPrompt(prompt);
  });
}
