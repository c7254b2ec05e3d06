/**
 * Live diagnostics for dataset files. One IncrementalLinter per open document: each text change is
 * turned into line changes and applied at once (cheap: only the touched lines are parsed and checked);
 * publishing the diagnostics is debounced. The first pass over a large file runs in slices that yield
 * to the event loop (each slice is sized to stay under ~50 ms). A generation counter drops a first
 * pass that an edit or a config change has overtaken.
 */
import * as vscode from 'vscode';
import { IncrementalLinter, type LineChange } from '../core/lint';
import type { Finding, LintResult } from '../core/types';
import { configFor, clearConfigCache, CONFIG_FILE } from './config';
import { toDiagnostic } from './findings';

interface DocState {
  linter: IncrementalLinter;
  generation: number;
  ready: boolean;
  timer?: ReturnType<typeof setTimeout>;
  configError?: string;
}

const SLICE_BUDGET_MS = 40;

export class DiagnosticsService implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('instruct-studio');
  private readonly docs = new Map<string, DocState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after diagnostics of a document were published. */
  readonly onDidUpdate = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private shownConfigErrors = new Set<string>();

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.open(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.change(e)),
      // VS Code keeps a closed editor's TextDocument alive for a while: clear when its last tab closes
      vscode.window.tabGroups.onDidChangeTabs((e) => this.tabsClosed(e.closed)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => { for (const ed of editors) this.open(ed.document); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('instructStudio')) this.relintAll(); }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const onConfig = () => { clearConfigCache(); this.relintAll(); };
    this.disposables.push(watcher, watcher.onDidChange(onConfig), watcher.onDidCreate(onConfig), watcher.onDidDelete(onConfig));
    for (const d of vscode.workspace.textDocuments) this.open(d);
  }

  static isDataset(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme === 'git' || doc.uri.scheme === 'output') return false;
    if (doc.languageId === 'jsonl' || /\.jsonl$/i.test(doc.fileName)) return true;
    if (/\.json$/i.test(doc.fileName) && vscode.workspace.getConfiguration('instructStudio', doc.uri).get<boolean>('lintJsonArrays', true)) {
      // a .json file is a dataset when it holds an array of objects
      return /^\uFEFF?\s*\[\s*\{/.test(doc.getText(new vscode.Range(0, 0, 50, 0)));
    }
    return false;
  }

  /** The current lint result of an open document, if it is a dataset. */
  result(uri: vscode.Uri): LintResult | undefined {
    const s = this.docs.get(uri.toString());
    return s?.ready ? s.linter.result() : undefined;
  }

  findings(uri: vscode.Uri): Finding[] {
    return this.result(uri)?.findings ?? [];
  }

  /** Resolves once the document's diagnostics are current (for commands and tests). */
  async settled(uri: vscode.Uri): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const s = this.docs.get(uri.toString());
      if (!s || (s.ready && !s.timer)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private open(doc: vscode.TextDocument): void {
    if (!DiagnosticsService.isDataset(doc) || this.docs.has(doc.uri.toString())) return;
    void this.fullPass(doc);
  }

  private tabsClosed(closed: readonly vscode.Tab[]): void {
    const open = new Set<string>();
    for (const g of vscode.window.tabGroups.all) for (const t of g.tabs) if (t.input instanceof vscode.TabInputText) open.add(t.input.uri.toString());
    for (const t of closed) {
      if (t.input instanceof vscode.TabInputText && !open.has(t.input.uri.toString())) this.close({ uri: t.input.uri });
    }
  }

  private close(doc: { uri: vscode.Uri }): void {
    const key = doc.uri.toString();
    const s = this.docs.get(key);
    if (s?.timer) clearTimeout(s.timer);
    this.docs.delete(key);
    this.collection.delete(doc.uri);
    this.changed.fire(doc.uri);
  }

  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (this.docs.has(doc.uri.toString()) || DiagnosticsService.isDataset(doc)) void this.fullPass(doc);
    }
  }

  private async fullPass(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const previous = this.docs.get(key);
    const generation = (previous?.generation ?? 0) + 1;
    const effective = await configFor(doc.uri);
    const linter = new IncrementalLinter({
      config: effective.config,
      userSchema: effective.userSchema,
      path: doc.uri.fsPath,
      kind: /\.json$/i.test(doc.fileName) ? 'json' : 'jsonl',
    });
    const state: DocState = { linter, generation, ready: false, configError: effective.error };
    if (previous?.timer) clearTimeout(previous.timer);
    this.docs.set(key, state);
    if (effective.error && !this.shownConfigErrors.has(effective.error)) {
      this.shownConfigErrors.add(effective.error);
      void vscode.window.showWarningMessage(effective.error);
    }
    const text = doc.getText();
    const version = doc.version;
    let slice = 2000;
    const run = linter.reset(text, slice);
    for (;;) {
      const started = Date.now();
      const step = run.next();
      if (step.done) break;
      const took = Date.now() - started;
      // keep each slice under the budget: resize for the next one
      if (took > SLICE_BUDGET_MS) slice = Math.max(200, Math.floor(slice / 2));
      else if (took < SLICE_BUDGET_MS / 4) slice = Math.min(50000, slice * 2);
      await new Promise((r) => setImmediate(r));
      if (this.docs.get(key) !== state) return; // overtaken by a newer pass or closed
    }
    if (this.docs.get(key) !== state) return;
    state.ready = true;
    if (doc.version !== version) {
      // edits arrived during the pass: start over on the current text (rare, large files only)
      void this.fullPass(doc);
      return;
    }
    this.publish(doc.uri, state);
  }

  private change(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const state = this.docs.get(key);
    if (!state) {
      if (DiagnosticsService.isDataset(e.document)) void this.fullPass(e.document);
      return;
    }
    if (!e.contentChanges.length) return;
    if (!state.ready) {
      void this.fullPass(e.document); // the running pass is stale
      return;
    }
    if (state.linter.isJsonArray) {
      state.linter.resetSync(e.document.getText());
    } else {
      state.linter.applyChanges(e.contentChanges.map((c) => this.toLineChange(state.linter, c)));
    }
    state.generation++;
    this.schedule(e.document.uri, state);
  }

  /** One editor change -> one line change, built from the linter's own copy of the old lines. */
  private toLineChange(linter: IncrementalLinter, c: vscode.TextDocumentContentChangeEvent): LineChange {
    const { start, end } = c.range;
    const prefix = linter.lineText(start.line).slice(0, start.character);
    const suffix = linter.lineText(end.line).slice(end.character);
    return { startLine: start.line, deleteCount: end.line - start.line + 1, lines: (prefix + c.text + suffix).split(/\r\n|\r|\n/) };
  }

  private schedule(uri: vscode.Uri, state: DocState): void {
    if (state.timer) clearTimeout(state.timer);
    const delay = vscode.workspace.getConfiguration('instructStudio', uri).get<number>('lintDelay', 150);
    const generation = state.generation;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (this.docs.get(uri.toString()) !== state || state.generation !== generation) return;
      this.publish(uri, state);
    }, delay);
  }

  private publish(uri: vscode.Uri, state: DocState): void {
    const result = state.linter.result();
    this.collection.set(uri, result.findings.map((f) => toDiagnostic(f, uri, this.extensionUri)));
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const s of this.docs.values()) if (s.timer) clearTimeout(s.timer);
    for (const d of this.disposables) d.dispose();
  }
}
