/** Edits .instructlint.jsonc through a WorkspaceEdit (undoable), keeping its comments (jsonc-parser modify). */
import * as vscode from 'vscode';
import { modify, applyEdits, type JSONPath } from 'jsonc-parser';
import { configUriForNew } from './config';

export const CONFIG_TEMPLATE = `{
  // "auto" detects the format from the first records; or one of: alpaca, dolly, flan, sharegpt,
  // openai-chat, oasst, prompt-completion, text, preference, kto, cot
  "format": "auto",
  // rule id or name -> "error" | "warning" | "info" | "off", or [level, { options }]
  "rules": {
    // "DS014": ["warning", { "maxTokens": 4096 }],
    // "COT007": "info"
  },
  // per-glob settings, relative to this file
  "overrides": [
    // { "files": ["eval/**/*.jsonl"], "rules": { "DS020": "off" } }
  ],
  // evaluation files: training records that leak into them are reported
  "evalFiles": []
}
`;

/** Sets `path` to `value` in the config next to `near` (creating the file), through an undoable edit. */
export async function setConfigValue(near: vscode.Uri | undefined, path: JSONPath, value: unknown): Promise<vscode.Uri | undefined> {
  const uri = configUriForNew(near);
  if (!uri) {
    void vscode.window.showErrorMessage('Open a folder first: .instructlint.jsonc lives in the workspace folder.');
    return undefined;
  }
  let text: string;
  let exists = true;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    exists = false;
    text = CONFIG_TEMPLATE;
  }
  const edits = modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  const next = applyEdits(text, edits);
  const edit = new vscode.WorkspaceEdit();
  if (!exists) {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), next);
  } else {
    const doc = await vscode.workspace.openTextDocument(uri);
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), applyEdits(doc.getText(), modify(doc.getText(), path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } })));
  }
  await vscode.workspace.applyEdit(edit);
  const doc = await vscode.workspace.openTextDocument(uri);
  await doc.save();
  return uri;
}
