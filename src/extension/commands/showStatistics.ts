import * as vscode from 'vscode';
import * as path from 'node:path';
import { StatsAccumulator } from '../../core/stats/stats';
import { splitLines } from '../../core/jsonl/lines';
import { parseRecord } from '../../core/jsonl/parseRecord';
import { parseJsonArrayFile } from '../../core/jsonl/jsonArray';
import { detectFormat } from '../../core/formats/detect';
import { getFormat } from '../../core/formats/registry';
import type { StatsFromView, StatsToView } from '../../protocol/stats';
import { isMessage } from '../../protocol/common';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

/** Computes the statistics of a document's text, yielding to the event loop every few thousand records. */
async function compute(doc: vscode.TextDocument, token: vscode.CancellationToken) {
  const text = doc.getText();
  const values: unknown[] = [];
  let invalid = 0;
  const arr = /\.json$/i.test(doc.fileName) ? parseJsonArrayFile(text) : undefined;
  if (arr) {
    values.push(...arr.records.map((r) => r.value));
    invalid = arr.errors.length;
  } else {
    for (const line of splitLines(text).lines) {
      if (!line.trim()) continue;
      const p = parseRecord(line);
      if (p.ok) values.push(p.value);
      else invalid++;
    }
  }
  const format = getFormat(detectFormat(values.slice(0, 200)).format ?? '');
  const acc = new StatsAccumulator(format);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    acc.add(v, format && v && typeof v === 'object' && !Array.isArray(v) ? format.textFields(v) : []);
    if (i % 5000 === 4999) {
      await new Promise((r) => setImmediate(r));
      if (token.isCancellationRequested) return undefined;
    }
  }
  for (let i = 0; i < invalid; i++) acc.addInvalid();
  return acc.result();
}

/** Instruct Studio: Show Dataset Statistics — a themed webview with counts and charts of the active dataset. */
export function registerShowStatistics(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.showStatistics', async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showErrorMessage('Open a dataset (.jsonl) first.');
      return undefined;
    }
    const stats = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Computing dataset statistics', cancellable: true }, (_p, token) => compute(doc, token));
    if (!stats) return undefined;
    const panel = vscode.window.createWebviewPanel('instructStudio.statistics', `Statistics: ${path.basename(doc.fileName)}`, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    const n = nonce();
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'stats.js'));
    const css = panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'stats.css'));
    panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${panel.webview.cspSource}; img-src ${panel.webview.cspSource}; script-src 'nonce-${n}';">
      <meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" href="${css}"><title>Dataset statistics</title></head>
      <body><main id="root" aria-live="polite">Computing…</main><script type="module" nonce="${n}" src="${script}"></script></body></html>`;
    const message: StatsToView = { type: 'stats', file: vscode.workspace.asRelativePath(doc.uri), stats };
    panel.webview.onDidReceiveMessage((m: StatsFromView) => {
      if (isMessage(m, ['ready'])) void panel.webview.postMessage(message);
    });
    return stats;
  });
}
