/**
 * The dataset editor: a CustomTextEditorProvider for *.jsonl (priority "option": the text editor stays the
 * default unless `instructStudio.editor.openByDefault` is on) and its commands.
 */
import * as vscode from 'vscode';
import { DatasetEditorSession } from './datasetEditorSession';

export const DATASET_EDITOR_VIEW_TYPE = 'instructStudio.datasetEditor';
/** VS Code's limit on the size of documents synchronized to the extension host (50 MB). */
const SYNC_LIMIT = 50 * 1024 * 1024;

class DatasetEditorProvider implements vscode.CustomTextEditorProvider {
  readonly sessions = new Set<DatasetEditorSession>();
  /** The session whose panel was active last. */
  last: DatasetEditorSession | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const session = new DatasetEditorSession(document, panel, this.extensionUri, (s) => {
      this.sessions.delete(s);
      if (this.last === s) this.last = undefined;
    });
    this.sessions.add(session);
    this.last = session;
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.last = session;
    });
  }

  active(): DatasetEditorSession | undefined {
    for (const s of this.sessions) if (s.panel.active) return s;
    return this.last;
  }
}

function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return vscode.window.activeTextEditor?.document.uri;
}

export function registerDatasetEditor(context: vscode.ExtensionContext): void {
  const provider = new DatasetEditorProvider(context.extensionUri);
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(DATASET_EDITOR_VIEW_TYPE, provider, { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand('instructStudio.openInDatasetEditor', async (arg?: unknown) => {
      const uri = targetUri(arg);
      if (!uri) {
        void vscode.window.showInformationMessage('Open a .jsonl file first, then run "Open in Dataset Editor".');
        return;
      }
      // VS Code does not hand documents over 50 MB to extensions: say so instead of showing a broken editor
      const size = await vscode.workspace.fs.stat(uri).then((st) => st.size, () => 0);
      if (size > SYNC_LIMIT) {
        void vscode.window.showWarningMessage(`${uri.path.split('/').pop()} is ${(size / 1048576).toFixed(0)} MB: VS Code does not give files over 50 MB to extensions, so the Dataset Editor cannot open it. Use the text editor, or split the file (instruct-lint checks files of any size).`);
        return;
      }
      const line = vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor.selection.active.line : undefined;
      await vscode.commands.executeCommand('vscode.openWith', uri, DATASET_EDITOR_VIEW_TYPE);
      if (line !== undefined) provider.active()?.reveal(line);
    }),
    vscode.commands.registerCommand('instructStudio.showRecordInTextEditor', async () => {
      const s = provider.active();
      if (!s) {
        void vscode.window.showInformationMessage('No dataset editor is open.');
        return;
      }
      await s.showInText(Math.max(0, s.selectedLine));
    }),
  );
  // the "open by default" setting maps *.jsonl to this editor in workbench.editorAssociations (and back)
  const syncDefault = async () => {
    const on = vscode.workspace.getConfiguration('instructStudio').get<boolean>('editor.openByDefault', false);
    const workbench = vscode.workspace.getConfiguration('workbench');
    const assoc = { ...(workbench.get<Record<string, string>>('editorAssociations') ?? {}) };
    const ours = assoc['*.jsonl'] === DATASET_EDITOR_VIEW_TYPE;
    if (on === ours) return;
    if (on) assoc['*.jsonl'] = DATASET_EDITOR_VIEW_TYPE;
    else delete assoc['*.jsonl'];
    await workbench.update('editorAssociations', assoc, vscode.ConfigurationTarget.Global);
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('instructStudio.editor.openByDefault')) void syncDefault();
    }),
  );
  if (process.env.INSTRUCT_STUDIO_TEST || process.env.INSTRUCT_STUDIO_MOCHA) {
    // extension-host tests drive the active editor through its message handler
    context.subscriptions.push(vscode.commands.registerCommand('instructStudio.editor._test', () => provider.active()));
  }
}
