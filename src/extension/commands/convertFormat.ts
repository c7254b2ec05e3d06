import * as vscode from 'vscode';
import { IncrementalLinter } from '../../core/lint';
import { getFormat } from '../../core/formats/registry';
import { convertRecords, TARGETS } from '../../core/convert/convert';
import { parseRecord } from '../../core/jsonl/parseRecord';
import { splitLines } from '../../core/jsonl/lines';
import type { DiagnosticsService } from '../diagnostics';

/** Instruct Studio: Convert Dataset Format — alpaca ↔ sharegpt ↔ openai-chat into a new untitled document. */
export function registerConvertFormat(diagnostics: DiagnosticsService): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.convertFormat', async (targetId?: string) => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showErrorMessage('Open a dataset (.jsonl) first.');
      return undefined;
    }
    let fromId = diagnostics.result(doc.uri)?.format;
    if (!fromId) {
      const probe = new IncrementalLinter({ rules: [] });
      probe.resetSync(doc.getText());
      fromId = probe.format?.id;
    }
    const from = fromId && getFormat(fromId);
    if (!from) {
      void vscode.window.showErrorMessage('The dataset format could not be detected: choose it with "Instruct Studio: Select Dataset Format" first.');
      return undefined;
    }
    let target = TARGETS.find((t) => t.id === targetId);
    if (!target) {
      const pick = await vscode.window.showQuickPick(TARGETS.filter((t) => t.id !== from.id).map((t) => ({ label: t.label, id: t.id })), { title: `Convert ${from.label} to…` });
      target = TARGETS.find((t) => t.id === pick?.id);
    }
    if (!target) return undefined;
    const records: { line: number; value: unknown }[] = [];
    splitLines(doc.getText()).lines.forEach((text, line) => {
      if (!text.trim()) return;
      const p = parseRecord(text);
      if (p.ok) records.push({ line, value: p.value });
    });
    const result = convertRecords(records, from, target.id);
    const out = await vscode.workspace.openTextDocument({ language: 'jsonl', content: result.lines.join('\n') + '\n' });
    await vscode.window.showTextDocument(out, vscode.ViewColumn.Beside);
    const skipped = result.problems.length;
    const msg = `Converted ${result.lines.length} records from ${from.label} to ${target.label} (unsaved).`;
    if (skipped) {
      const first = result.problems.slice(0, 3).map((p) => `line ${p.line + 1}: ${p.message}`).join('; ');
      void vscode.window.showWarningMessage(`${msg} ${skipped} record${skipped === 1 ? '' : 's'} could not be converted and are not in the output — ${first}`);
    } else void vscode.window.showInformationMessage(msg);
    return { document: out, converted: result.lines.length, problems: result.problems };
  });
}
