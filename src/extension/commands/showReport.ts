/**
 * Instruct Studio: Show Dataset Report — a webview with the report's charts (Vega-Lite), recomputed when the file
 * is saved, restored after a reload (WebviewPanelSerializer + the webview's getState/setState), with examples that
 * open their record in the text editor.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { loadLanguageDetector } from '../../core/report/language';
import { parseJsonArrayFile } from '../../core/jsonl/jsonArray';
import { loadEvalRecords } from '../../cli/evalRecords';
import type { DatasetReport } from '../../core/report/types';
import { isReportFromView, type ReportToView, type ReportViewState } from '../../protocol/report';
import { configFor } from '../config';

const VIEW_TYPE = 'instructStudio.report';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

/** The report of a document's current text; yields to the event loop every 2 000 lines and stops when cancelled. */
export async function computeReport(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DatasetReport | undefined> {
  const { config, configUri } = await configFor(doc.uri);
  const base = configUri ? path.dirname(configUri.fsPath) : vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath ?? path.dirname(doc.uri.fsPath);
  const evalRecords = doc.uri.scheme === 'file' && config.evalFiles?.length ? await loadEvalRecords(config.evalFiles, base) : undefined;
  // the report's analyses (compromise's lexicon, eld) load on first use, not at the extension's activation
  const { createReport } = await import('../../core/report/report');
  const builder = createReport({ path: doc.uri.fsPath, format: config.format, config: config.report, evalRecords: evalRecords?.(), detectLanguage: await loadLanguageDetector() });
  const arr = /\.json$/i.test(doc.fileName) ? parseJsonArrayFile(doc.getText()) : undefined;
  if (arr) arr.records.forEach((r) => builder.pushValue(r.value, r.line));
  else {
    for (let i = 0; i < doc.lineCount; i++) {
      builder.pushLine(doc.lineAt(i).text);
      if (i % 2000 === 1999) {
        await new Promise((r) => setImmediate(r));
        if (token?.isCancellationRequested) return undefined;
      }
    }
  }
  const report = builder.finish();
  report.path = vscode.workspace.asRelativePath(doc.uri);
  return report;
}

class ReportPanel {
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly panel: vscode.WebviewPanel, private readonly uri: vscode.Uri, extensionUri: vscode.Uri, private readonly onDispose: () => void) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')] };
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'report.js'));
    const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'report.css'));
    const codicons = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'codicon.css'));
    webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; font-src ${webview.cspSource}; img-src ${webview.cspSource} data:; script-src 'nonce-${n}';">
      <meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" href="${css}"><link rel="stylesheet" id="vscode-codicon-stylesheet" href="${codicons}"><title>Dataset report</title></head>
      <body><main id="root" aria-live="polite">Computing the report…</main><script type="module" nonce="${n}" src="${script}"></script></body></html>`;
    panel.title = `Report: ${path.basename(uri.fsPath)}`;
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => {
        if (!isReportFromView(m)) return;
        if (m.type === 'ready') void this.refresh();
        else if (m.type === 'openRecord') void this.reveal(this.uri, m.line);
        else void this.revealEval(m.evalFile, m.line);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.toString() === this.uri.toString()) void this.refresh();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private post(m: ReportToView): void {
    void this.panel.webview.postMessage(m);
  }

  async refresh(): Promise<DatasetReport | undefined> {
    const generation = ++this.generation;
    const file = vscode.workspace.asRelativePath(this.uri);
    this.post({ type: 'computing', file });
    try {
      const doc = await vscode.workspace.openTextDocument(this.uri);
      const started = Date.now();
      const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Computing the dataset report' }, () => computeReport(doc));
      if (!report || generation !== this.generation) return undefined;
      this.post({ type: 'report', file, uri: this.uri.toString(), report, seconds: (Date.now() - started) / 1000 });
      return report;
    } catch (e) {
      this.post({ type: 'error', message: `Could not compute the report of ${file}: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    }
  }

  private async reveal(uri: vscode.Uri, line: number): Promise<void> {
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const l = Math.min(line - 1, doc.lineCount - 1);
      const range = doc.lineAt(l).range;
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range, preview: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    } catch (e) {
      void vscode.window.showErrorMessage(`Could not open ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async revealEval(evalFile: string, line: number): Promise<void> {
    const { configUri } = await configFor(this.uri);
    const base = configUri ? path.dirname(configUri.fsPath) : vscode.workspace.getWorkspaceFolder(this.uri)?.uri.fsPath ?? path.dirname(this.uri.fsPath);
    await this.reveal(vscode.Uri.file(path.resolve(base, evalFile)), line);
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables) d.dispose();
    this.onDispose();
  }
}

/** Registers the command and the serializer that restores report panels after a reload. */
export function registerShowReport(extensionUri: vscode.Uri): vscode.Disposable {
  const panels = new Map<string, ReportPanel>();
  const open = (panel: vscode.WebviewPanel, uri: vscode.Uri) => {
    const p = new ReportPanel(panel, uri, extensionUri, () => panels.delete(uri.toString()));
    panels.set(uri.toString(), p);
    return p;
  };
  const command = vscode.commands.registerCommand('instructStudio.showReport', async (arg?: vscode.Uri) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showErrorMessage('Open a dataset (.jsonl, or a .json array of records) first.');
      return undefined;
    }
    const existing = panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside);
      return existing.refresh();
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, `Report: ${path.basename(uri.fsPath)}`, vscode.ViewColumn.Beside, { enableScripts: true });
    open(panel, uri);
    return undefined;
  });
  const serializer = vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
    async deserializeWebviewPanel(panel, state: unknown) {
      const uri = state && typeof (state as ReportViewState).uri === 'string' ? vscode.Uri.parse((state as ReportViewState).uri) : undefined;
      if (!uri) {
        panel.dispose();
        return;
      }
      open(panel, uri);
    },
  });
  return vscode.Disposable.from(command, serializer);
}
