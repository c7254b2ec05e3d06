/** The batch-evaluation summary: a webview with the accuracy, latency, tokens and the records worth a look. */
import * as vscode from 'vscode';
import type { EvalSummary } from '../../core/eval/types';
import { isEvalSummaryRequest, type EvalIssue, type EvalSummaryToView } from '../../protocol/evalSummary';
import { webviewHtml } from '../webviewHtml';

export interface SummaryInput {
  doc: vscode.Uri;
  results: vscode.Uri;
  model: string;
  scope: string;
  summary: EvalSummary;
  issues: EvalIssue[];
  moreIssues: number;
}

export class EvalSummaryPanel {
  /** The last summary shown (for the extension-host tests). */
  static last: EvalSummaryToView | undefined;

  static show(extensionUri: vscode.Uri, input: SummaryInput): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('instructStudio.evalSummary', `Evaluation: ${input.doc.path.split('/').pop()}`, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    panel.webview.html = webviewHtml(panel.webview, extensionUri, { script: 'evalSummary.js', title: 'Evaluation summary', label: 'Evaluation summary' });
    const message: EvalSummaryToView = {
      type: 'summary', file: vscode.workspace.asRelativePath(input.doc), results: vscode.workspace.asRelativePath(input.results),
      model: input.model, scope: input.scope, summary: input.summary, issues: input.issues, moreIssues: input.moreIssues,
    };
    EvalSummaryPanel.last = message;
    panel.webview.onDidReceiveMessage(async (m: unknown) => {
      if (!isEvalSummaryRequest(m)) return;
      if (m.type === 'ready') void panel.webview.postMessage(message);
      else if (m.type === 'openResults') await vscode.window.showTextDocument(input.results, { viewColumn: vscode.ViewColumn.One, preview: false });
      else {
        const line = m.record - 1;
        await vscode.window.showTextDocument(input.doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, 0) });
      }
    });
    return panel;
  }
}
