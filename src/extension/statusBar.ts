/** Status bar item for the active dataset: format · records · problems. Clicking it picks the format. */
import * as vscode from 'vscode';
import type { DiagnosticsService } from './diagnostics';
import { getFormat } from '../core/formats/registry';

export class DatasetStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('instructStudio.dataset', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly diagnostics: DiagnosticsService) {
    this.item.name = 'Instruct Studio dataset';
    this.item.command = 'instructStudio.selectFormat';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      diagnostics.onDidUpdate((uri) => { if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update(); }),
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const result = doc && this.diagnostics.result(doc.uri);
    if (!doc || !result) {
      this.item.hide();
      return;
    }
    const label = result.format ? getFormat(result.format)?.label ?? result.format : 'unknown format';
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    const mixed = result.detection.mixed ? ' (mixed)' : '';
    const problems = errors || warnings ? ` · $(error) ${errors} $(warning) ${warnings}` : ' · $(check)';
    this.item.text = `$(checklist) ${label}${mixed} · ${result.records.toLocaleString('en-US')} records${problems}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**Instruct Studio** — ${label}${mixed}\n\n`);
    md.appendMarkdown(`- records: ${result.records.toLocaleString('en-US')}\n- detection confidence: ${(result.detection.confidence * 100).toFixed(0)} %\n`);
    for (const s of result.detection.shares.slice(0, 3)) md.appendMarkdown(`  - ${s.format}: ${(s.share * 100).toFixed(0)} %\n`);
    md.appendMarkdown(`- problems: ${errors} errors, ${warnings} warnings, ${result.findings.length - errors - warnings} infos\n\nClick to choose the format.`);
    this.item.tooltip = md;
    this.item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
