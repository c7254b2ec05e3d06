/**
 * The prompt preview: one panel at a time, beside the editor; a WebviewPanelSerializer brings it back after a
 * reload. It follows the cursor of the active dataset text editor and the record selected in a Dataset Editor.
 */
import * as vscode from 'vscode';
import { DiagnosticsService } from '../diagnostics';
import { lastSelectedLine, recordSelected } from '../editor/recordSelection';
import type { PreviewState } from '../../protocol/preview';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewServices } from './previewPanel';

export class PreviewController implements vscode.Disposable {
  private current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: PreviewServices) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => {
          this.adopt(new PreviewPanel(panel, this.services, state as PreviewState));
        },
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (DiagnosticsService.isDataset(e.textEditor.document)) this.current?.follow(e.textEditor.document.uri, e.selections[0].active.line);
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        if (ed && DiagnosticsService.isDataset(ed.document)) this.current?.follow(ed.document.uri, ed.selection.active.line);
      }),
      recordSelected.event((e) => this.current?.follow(e.document.uri, e.line)),
    );
  }

  get panel(): PreviewPanel | undefined {
    return this.current;
  }

  private adopt(p: PreviewPanel): PreviewPanel {
    this.current?.dispose();
    this.current = p;
    p.onDidDispose(() => {
      if (this.current === p) this.current = undefined;
    });
    return p;
  }

  /** The panel, created beside the active editor if needed, following `target` (or the active dataset). */
  show(target?: vscode.Uri, preserveFocus = true): PreviewPanel {
    const ed = vscode.window.activeTextEditor;
    const uri = target ?? (ed && DiagnosticsService.isDataset(ed.document) ? ed.document.uri : undefined) ?? activeCustomEditorUri();
    let line: number | undefined;
    if (uri) {
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      line = lastSelectedLine.get(uri.toString()) ?? visible?.selection.active.line ?? 0;
      if (ed?.document.uri.toString() === uri.toString()) line = ed.selection.active.line;
    }
    if (!this.current) {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Prompt Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.services.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.services.extensionUri, 'media')],
      });
      this.adopt(new PreviewPanel(panel, this.services, uri ? { uri: uri.toString(), line } : {}));
    } else {
      this.current.panel.reveal(undefined, preserveFocus);
      if (uri && line !== undefined) this.current.follow(uri, line);
    }
    return this.current!;
  }

  dispose(): void {
    this.current?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The document of the active Dataset Editor tab, if that is what has focus. */
function activeCustomEditorUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input.uri : undefined;
}
