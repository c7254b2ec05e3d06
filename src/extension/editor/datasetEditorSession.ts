/**
 * One open dataset editor: answers the webview's row requests from the live TextDocument, turns its intents
 * into minimal WorkspaceEdits of the affected line(s), and forwards document, diagnostics and text-editor
 * cursor changes to it. The TextDocument is the only model; nothing here holds a copy of the data.
 */
import * as vscode from 'vscode';
import { getLocation } from 'jsonc-parser';
import type { DiagnosticView, EditorRequest, FilterSpec, HostMessage, ProblemCounts, RecordView } from '../../protocol/editor';
import { isEditorRequest } from '../../protocol/editor';
import { RowModel, filterLines, type LineSource } from '../../core/edit/rowModel';
import { detectStyle, styleOfLine, stringifyStyled, type RecordStyle } from '../../core/edit/recordStyle';
import { RecordEditError, escapeSegment, replaceOtherMembers, setValueAt, removeValueAt } from '../../core/edit/editRecord';
import { editorHtml } from './editorHtml';
import { recordSelected } from './recordSelection';

const SOURCE = 'instruct-studio';
const SEVERITY: Record<number, DiagnosticView['severity']> = { 0: 'error', 1: 'warning', 2: 'info', 3: 'info' };

export class DatasetEditorSession implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly model: RowModel;
  private readonly style: RecordStyle;
  private view: number[] | undefined;
  private filter: FilterSpec | undefined;
  private filterAbort: AbortController | undefined;
  private problems: Map<number, vscode.Diagnostic[]> | undefined;
  private selected = -1;
  private lastOwnEdit = 0;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Every message sent to the webview (only kept for the extension-host tests). */
  readonly sent: HostMessage[] = [];
  readonly keepSent = !!(process.env.INSTRUCT_STUDIO_TEST || process.env.INSTRUCT_STUDIO_MOCHA);

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly onDispose: (s: DatasetEditorSession) => void,
  ) {
    const src: LineSource = {
      get lineCount() {
        return document.lineCount;
      },
      lineText: (i) => document.lineAt(i).text,
    };
    this.model = new RowModel(src);
    const sample: string[] = [];
    for (let i = 0; i < Math.min(document.lineCount, 50); i++) sample.push(document.lineAt(i).text);
    this.style = detectStyle(sample);
    const roots = [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
    panel.webview.options = { enableScripts: true, localResourceRoots: roots };
    panel.webview.html = editorHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.handle(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && e.contentChanges.length) this.onDocumentChanged(e.contentChanges);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === document.uri.toString())) {
          this.problems = undefined;
          this.scheduleChanged();
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document !== document) return;
        // a cursor pushed along by our own edit is not the user moving it
        if (e.kind === undefined && Date.now() - this.lastOwnEdit < 500) return;
        this.reveal(e.selections[0].active.line);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get selectedLine(): number {
    return this.selected;
  }

  /** Handles one webview message (also the entry point of the extension-host tests). */
  async handle(m: unknown): Promise<void> {
    if (!isEditorRequest(m)) return;
    try {
      await this.dispatch(m);
    } catch (e) {
      const message = e instanceof RecordEditError || e instanceof Error ? e.message : String(e);
      this.post({ type: 'error', message });
    }
  }

  private async dispatch(m: EditorRequest): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post({ type: 'init', fileName: this.document.uri.path.split('/').pop() ?? '', format: this.model.formatInfo, columns: this.model.columns(), rowCount: this.rowCount(), lineCount: this.document.lineCount, version: this.document.version, rules: this.rules() });
        return;
      case 'getRows': {
        const rows = [];
        const total = this.rowCount();
        for (let i = m.start; i < Math.min(total, m.start + m.count); i++) {
          const line = this.view ? this.view[i] : i;
          rows.push({ ...this.model.row(line), problems: this.counts(line) });
        }
        this.post({ type: 'rows', requestId: m.requestId, start: m.start, rows, rowCount: total, version: this.document.version });
        return;
      }
      case 'select':
        this.selected = this.checkLine(m.line);
        this.sendRecord();
        recordSelected.fire({ document: this.document, line: this.selected });
        return;
      case 'setField': {
        const text = this.text(m.line);
        await this.replaceLine(m.line, setValueAt(text, m.pointer, m.value, styleOfLine(text, this.style)));
        return;
      }
      case 'removeField':
        await this.replaceLine(m.line, removeValueAt(this.text(m.line), m.pointer));
        return;
      case 'setExtra': {
        const text = this.text(m.line);
        const p = this.model.parse(m.line);
        if (p.kind !== 'record') throw new RecordEditError('the line is not a JSON object; edit it as text');
        const keep = new Set(this.model.fieldsFor(p.value).map((f) => f.pointer.split('/')[1]).filter(Boolean));
        await this.replaceLine(m.line, replaceOtherMembers(text, keep, m.extra, styleOfLine(text, this.style)));
        return;
      }
      case 'setLine':
        await this.replaceLine(m.line, m.text);
        return;
      case 'addRecord':
        await this.insertAfter(m.after, this.newRecord());
        return;
      case 'duplicate':
        await this.insertAfter(m.line, this.text(m.line));
        return;
      case 'delete':
        await this.deleteLine(m.line);
        return;
      case 'move':
        await this.move(m.line, m.delta);
        return;
      case 'filter':
        await this.runFilter(m.filter);
        return;
      case 'cancelFilter':
        this.filterAbort?.abort();
        return;
      case 'undo':
      case 'redo':
        this.panel.reveal(undefined, false);
        await vscode.commands.executeCommand(m.type);
        return;
      case 'showInText':
        await this.showInText(this.checkLine(m.line));
        return;
    }
  }

  async showInText(line: number): Promise<void> {
    const l = Math.max(0, Math.min(line, this.document.lineCount - 1));
    const range = new vscode.Range(l, 0, l, 0);
    await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.Beside, selection: range, preview: false });
  }

  // ---------------------------------------------------------------------------------------------------------
  // edits: each one is a single WorkspaceEdit that touches only the affected line(s)

  private eol(): string {
    return this.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  }

  private rowLineCount(): number {
    return this.model.rowCount;
  }

  private checkLine(line: number): number {
    if (line >= this.rowLineCount()) throw new RecordEditError(`line ${line + 1} no longer exists (the file has ${this.rowLineCount()} lines)`);
    return line;
  }

  private text(line: number): string {
    return this.document.lineAt(this.checkLine(line)).text;
  }

  private async apply(edit: vscode.WorkspaceEdit, select: number): Promise<void> {
    this.lastOwnEdit = Date.now();
    const ok = await vscode.workspace.applyEdit(edit);
    if (!ok) throw new RecordEditError('VS Code refused the edit (is the file read-only?)');
    this.selected = select;
    this.flushChanged();
  }

  private async replaceLine(line: number, next: string): Promise<void> {
    const prev = this.text(line);
    if (/[\r\n]/.test(next)) throw new RecordEditError('a record must stay on one line');
    if (prev === next) return;
    // replace only the changed middle of the line, so cursors in a text editor elsewhere on it stay put
    let a = 0;
    while (a < prev.length && a < next.length && prev.charCodeAt(a) === next.charCodeAt(a)) a++;
    let b = 0;
    while (b < prev.length - a && b < next.length - a && prev.charCodeAt(prev.length - 1 - b) === next.charCodeAt(next.length - 1 - b)) b++;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this.document.uri, new vscode.Range(line, a, line, prev.length - b), next.slice(a, next.length - b));
    await this.apply(edit, line);
  }

  private async insertAfter(after: number, text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    if (after < 0) {
      edit.insert(this.document.uri, new vscode.Position(0, 0), text + this.eol());
      await this.apply(edit, 0);
      return;
    }
    const end = this.document.lineAt(this.checkLine(after)).range.end;
    edit.insert(this.document.uri, end, this.eol() + text);
    await this.apply(edit, after + 1);
  }

  private async deleteLine(line: number): Promise<void> {
    this.checkLine(line);
    const edit = new vscode.WorkspaceEdit();
    const last = line === this.document.lineCount - 1;
    const range = !last
      ? new vscode.Range(line, 0, line + 1, 0)
      : line > 0
        ? new vscode.Range(this.document.lineAt(line - 1).range.end, this.document.lineAt(line).range.end)
        : this.document.lineAt(line).range;
    edit.delete(this.document.uri, range);
    await this.apply(edit, Math.min(line, Math.max(0, this.rowLineCount() - 2)));
  }

  private async move(line: number, delta: -1 | 1): Promise<void> {
    const other = line + delta;
    this.checkLine(line);
    if (other < 0 || other >= this.rowLineCount()) return;
    const [a, b] = delta < 0 ? [other, line] : [line, other];
    const ta = this.document.lineAt(a).text;
    const tb = this.document.lineAt(b).text;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this.document.uri, new vscode.Range(a, 0, b, tb.length), tb + this.eol() + ta);
    await this.apply(edit, other);
  }

  /** An empty record of the file's format (its text fields empty, chats with an empty user and assistant turn). */
  private newRecord(): string {
    const sample = this.selected >= 0 && this.selected < this.rowLineCount() ? this.model.parse(this.selected) : undefined;
    const fields = this.model.fieldsFor(sample?.kind === 'record' ? sample.value : undefined);
    const rec: Record<string, unknown> = {};
    for (const f of fields) {
      const key = f.pointer.split('/')[1];
      if (!key || f.pointer.split('/').length > 2) continue;
      // required fields, and the optional ones the record next to it uses
      const near = sample?.kind === 'record' ? (sample.value as Record<string, unknown>) : undefined;
      if (!f.required && !(near && key in near)) continue;
      if (f.kind === 'text') rec[key] = '';
      else if (f.kind === 'turns' && f.turns) {
        const roles = f.turns.roles;
        const user = roles.find((r) => /^(user|human)$/i.test(r)) ?? roles[0] ?? 'user';
        const asst = roles.find((r) => /^(assistant|gpt)$/i.test(r)) ?? roles[1] ?? 'assistant';
        rec[key] = [user, asst].map((role) => ({ [f.turns!.roleKey]: role, [f.turns!.contentKey]: '' }));
      } else if (f.required && f.kind === 'boolean') rec[key] = true;
    }
    return stringifyStyled(rec, this.style);
  }

  // ---------------------------------------------------------------------------------------------------------
  // views of the document

  private rowCount(): number {
    return this.view ? this.view.length : this.rowLineCount();
  }

  private problemMap(): Map<number, vscode.Diagnostic[]> {
    if (!this.problems) {
      this.problems = new Map();
      for (const d of vscode.languages.getDiagnostics(this.document.uri)) {
        if (d.source !== SOURCE) continue;
        const l = d.range.start.line;
        const list = this.problems.get(l);
        if (list) list.push(d);
        else this.problems.set(l, [d]);
      }
    }
    return this.problems;
  }

  private counts(line: number): ProblemCounts {
    const c = { errors: 0, warnings: 0, infos: 0 };
    for (const d of this.problemMap().get(line) ?? []) {
      if (d.severity === vscode.DiagnosticSeverity.Error) c.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) c.warnings++;
      else c.infos++;
    }
    return c;
  }

  private rules(): string[] {
    const codes = new Set<string>();
    for (const list of this.problemMap().values()) for (const d of list) codes.add(codeOf(d));
    return [...codes].sort();
  }

  private sendRecord(): void {
    const line = this.selected;
    if (line < 0 || line >= this.rowLineCount()) return;
    const text = this.document.lineAt(line).text;
    const p = this.model.parse(line);
    const fields = p.kind === 'record' ? this.model.fieldsFor(p.value) : [];
    const top = new Set(fields.map((f) => f.pointer.split('/')[1]));
    const extra: Record<string, unknown> = {};
    if (p.kind === 'record') for (const [k, v] of Object.entries(p.value as Record<string, unknown>)) if (!top.has(k)) extra[k] = v;
    const diagnostics: DiagnosticView[] = (this.problemMap().get(line) ?? []).map((d) => ({
      severity: SEVERITY[d.severity] ?? 'info',
      message: d.message,
      code: codeOf(d),
      pointer: pointerAt(text, d.range.start.line === line ? d.range.start.character : 0),
    }));
    const record: RecordView = {
      line,
      version: this.document.version,
      kind: p.kind,
      text,
      error: p.kind === 'broken' ? p.error : undefined,
      value: p.kind === 'record' || p.kind === 'value' ? p.value : undefined,
      fields: fields.map((f) => ({ pointer: f.pointer, label: f.label, kind: f.kind, turns: f.turns })),
      extra,
      diagnostics,
    };
    this.post({ type: 'record', record });
  }

  reveal(line: number): void {
    if (line >= this.rowLineCount()) return;
    const index = this.view ? this.view.indexOf(line) : line;
    this.selected = line;
    this.post({ type: 'reveal', line, index });
    this.sendRecord();
  }

  private async runFilter(f: FilterSpec): Promise<void> {
    this.filterAbort?.abort();
    const active = !!(f.query || f.onlyProblems || f.rule);
    this.filter = active ? f : undefined;
    if (!active) {
      this.view = undefined;
      this.post({ type: 'filterDone', rowCount: this.rowCount(), active: false, cancelled: false });
      return;
    }
    const abort = new AbortController();
    this.filterAbort = abort;
    const q = f.query.toLowerCase();
    const problems = this.problemMap();
    const keep = (line: number) => {
      if (f.onlyProblems || f.rule) {
        const ds = problems.get(line);
        if (!ds || (f.rule && !ds.some((d) => codeOf(d) === f.rule))) return false;
      }
      return this.model.matches(line, q, f.field);
    };
    const total = this.rowLineCount();
    let lastReport = 0;
    const lines = await filterLines(total, keep, {
      signal: abort.signal,
      onProgress: (done) => {
        const now = Date.now();
        if (now - lastReport > 100) {
          lastReport = now;
          this.post({ type: 'filterProgress', done, total });
        }
      },
    });
    if (abort !== this.filterAbort) return; // a newer filter replaced this one
    this.filterAbort = undefined;
    if (!lines) {
      this.post({ type: 'filterDone', rowCount: this.rowCount(), active: !!this.view, cancelled: true });
      return;
    }
    this.view = lines;
    this.post({ type: 'filterDone', rowCount: lines.length, active: true, cancelled: false });
  }

  private onDocumentChanged(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    // keep the selection on the same record when lines above it are added or removed
    for (const c of changes) {
      const removed = c.range.end.line - c.range.start.line;
      const added = (c.text.match(/\r\n|\r|\n/g) ?? []).length;
      if (this.selected > c.range.end.line) this.selected += added - removed;
      else if (this.selected > c.range.start.line + added) this.selected = c.range.start.line + added;
    }
    this.problems = undefined;
    this.scheduleChanged();
  }

  private scheduleChanged(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => this.flushChanged(), 40);
  }

  private flushChanged(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    this.problems = undefined;
    if (this.filter) void this.runFilter(this.filter);
    this.post({ type: 'changed', rowCount: this.rowCount(), lineCount: this.document.lineCount, version: this.document.version, rules: this.rules() });
    this.sendRecord();
  }

  post(m: HostMessage): void {
    if (this.keepSent) this.sent.push(m);
    void this.panel.webview.postMessage(m);
  }

  dispose(): void {
    this.filterAbort?.abort();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose(this);
  }
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** The JSON pointer of the value at a column of a record line ('' when it is not inside one). */
export function pointerAt(text: string, column: number): string {
  try {
    const loc = getLocation(text, column);
    return loc.path.map((s) => '/' + escapeSegment(String(s))).join('');
  } catch {
    return '';
  }
}
