/**
 * The prompt preview panel (host side): follows a record of a dataset document, renders it through the chosen
 * chat template and tokenizer (src/core/preview), and streams the configured model's answer for its prompt.
 * A view of the TextDocument: it keeps the followed URI and line, never a copy of the data. Its state (template,
 * tokenizer, followed record) goes to the webview's setState, so the serializer restores it after a reload.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { builtinTemplates, getTemplate, templateFromTokenizerConfig, TemplateError, type ChatTemplate, type TokenizerConfig } from '../../core/templates';
import { TOKENIZERS, hfTokenCounter, TokenizerFileError, type TokenCounter, type TokenizerId } from '../../core/tokens';
import { promptMessages, ModelError, type ChatMessage } from '../../core/model';
import { renderForPreview } from '../../core/preview/render';
import { checkAnswer } from '../../core/preview/answers';
import { jsonArrayRecordAt, jsonlRecordAt, type RecordAt } from '../../core/preview/recordAt';
import { parseJsonArrayFile } from '../../core/jsonl/jsonArray';
import type { Role } from '../../core/types';
import { isPreviewRequest, PICK_HF_TEMPLATE, PICK_HF_TOKENIZER, type PreviewSettingsView, type PreviewState, type PreviewToView, type RecordSource } from '../../protocol/preview';
import { webviewHtml } from '../webviewHtml';
import { actionsFor, runAction, type ModelService } from '../model/modelService';
import type { DiagnosticsService } from '../diagnostics';

export const PREVIEW_VIEW_TYPE = 'instructStudio.preview';
const ROLES: readonly Role[] = ['system', 'user', 'assistant', 'tool'];
const UNTRUSTED = 'Custom chat templates and tokenizer files run code or load data from files the workspace supplies, so they are refused in an untrusted workspace: trust this folder ("Workspaces: Manage Workspace Trust") or use a built-in template and tokenizer.';

export interface PreviewServices {
  extensionUri: vscode.Uri;
  models: ModelService;
  diagnostics: DiagnosticsService;
}

interface Run {
  id: number;
  abort: AbortController;
  /** What to send again on Retry. */
  messages: ChatMessage[];
  expected?: string;
  prompt?: string;
}

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private state: PreviewState;
  private hf: ChatTemplate | undefined;
  private hfTokenizer: TokenCounter | undefined;
  private record: RecordAt | undefined;
  private run: Run | undefined;
  private runIds = 0;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private arrayCache: { key: string; file: ReturnType<typeof parseJsonArrayFile> } | undefined;
  private ready = false;
  private readonly queue: PreviewToView[] = [];
  /** The messages of the current or last run, replayed when the webview is recreated (hidden and shown again). */
  private runLog: PreviewToView[] = [];
  /** Every message sent to the webview (kept only for the extension-host tests). */
  readonly sent: PreviewToView[] = [];
  private readonly keepSent = !!(process.env.INSTRUCT_STUDIO_TEST || process.env.INSTRUCT_STUDIO_MOCHA);
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(readonly panel: vscode.WebviewPanel, private readonly services: PreviewServices, state: PreviewState = {}) {
    this.state = sanitize(state);
    const roots = [vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(services.extensionUri, 'media')];
    panel.webview.options = { enableScripts: true, localResourceRoots: roots };
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'preview.svg');
    panel.webview.html = webviewHtml(panel.webview, services.extensionUri, { script: 'preview.js', title: 'Prompt preview', label: 'Prompt preview' });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.handle(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && e.document.uri.toString() === this.state.uri) this.scheduleRender();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('instructStudio.model')) this.sendSettings();
        if (e.affectsConfiguration('instructStudio.preview') || e.affectsConfiguration('instructStudio.format')) {
          this.sendSettings();
          this.scheduleRender();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.loadFiles().then(() => { this.sendSettings(); this.scheduleRender(); })),
    );
    void this.loadFiles().then(() => { this.sendSettings(); this.scheduleRender(); });
  }

  private async loadFiles(): Promise<void> {
    await this.loadHf();
    await this.loadHfTokenizer();
  }

  /** The record the panel follows. */
  get source(): { uri?: string; line?: number } {
    return { uri: this.state.uri, line: this.state.line };
  }

  follow(uri: vscode.Uri, line: number): void {
    const u = uri.toString();
    if (u === this.state.uri && line === this.state.line) return;
    this.state = { ...this.state, uri: u, line };
    this.saveState();
    this.scheduleRender(30);
  }

  /** Handles one webview message (also the entry point of the extension-host tests). */
  async handle(m: unknown): Promise<void> {
    if (!isPreviewRequest(m)) return;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        for (const q of this.queue.splice(0)) void this.panel.webview.postMessage(q);
        this.sendSettings();
        this.saveState();
        this.renderNow();
        for (const r of compactRunLog(this.runLog)) void this.panel.webview.postMessage(r);
        return;
      case 'setTemplate':
        await this.setTemplate(m.id);
        return;
      case 'setTokenizer':
        await this.setTokenizer(m.id);
        return;
      case 'setTrainOnInputs':
        this.state = { ...this.state, trainOnInputs: m.value };
        this.afterChoice();
        return;
      case 'run':
        await this.testRecord();
        return;
      case 'cancel':
        this.cancel();
        return;
      case 'action':
        if (m.action === 'retry') await this.retry();
        else await runAction(m.action);
        return;
      case 'showRecord':
        await this.showRecord();
        return;
    }
  }

  private afterChoice(): void {
    this.saveState();
    this.sendSettings();
    this.renderNow();
  }

  private async setTemplate(id: string): Promise<void> {
    if (id === PICK_HF_TEMPLATE) {
      const picked = await this.pickFile('Hugging Face tokenizer_config.json with a chat_template', 'Use this chat template', { 'Tokenizer config': ['json'] });
      if (!picked) return;
      this.state = { ...this.state, hfConfig: picked.toString(), template: 'hf' };
      await this.loadHf();
      this.afterChoice();
      return;
    }
    if (id === 'hf' && this.state.hfConfig) this.state = { ...this.state, template: 'hf' };
    else if (getTemplate(id)) this.state = { ...this.state, template: id };
    else return;
    this.afterChoice();
  }

  private async setTokenizer(id: string): Promise<void> {
    if (id === PICK_HF_TOKENIZER) {
      const picked = await this.pickFile('Hugging Face tokenizer.json of the model', 'Use this tokenizer', { 'Tokenizer': ['json'] });
      if (!picked) return;
      this.state = { ...this.state, tokenizerFile: picked.toString(), tokenizer: 'hf' };
      await this.loadHfTokenizer();
    } else if (id === 'hf' && this.state.tokenizerFile) this.state = { ...this.state, tokenizer: 'hf' };
    else if (TOKENIZERS.some((t) => t.id === id)) this.state = { ...this.state, tokenizer: id };
    else return;
    this.afterChoice();
  }

  /** A file the user picks (trusted workspaces only); undefined when refused or cancelled (the pickers are reset). */
  private async pickFile(title: string, openLabel: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
    if (!vscode.workspace.isTrusted) {
      this.post({ type: 'templateError', message: UNTRUSTED });
      this.sendSettings();
      return undefined;
    }
    const picked = await vscode.window.showOpenDialog({ title, openLabel, canSelectMany: false, filters });
    if (!picked?.[0]) this.sendSettings();
    return picked?.[0];
  }

  /** Reads and parses a JSON file; errors name the file. */
  private async readJson(uri: vscode.Uri, name: string): Promise<unknown> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      throw new TemplateError(`cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      throw new TemplateError(`${name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Loads a user file the state names (trusted workspaces only). `inUse`: the panel currently wants it (only
   * then is a refusal or failure worth a message); a failure falls back to the built-in choice.
   */
  private async loadUserFile<T>(file: string | undefined, inUse: boolean, fallback: string, load: (uri: vscode.Uri, name: string) => Promise<T>): Promise<T | undefined> {
    if (!file) return undefined;
    if (!vscode.workspace.isTrusted) {
      if (inUse) this.post({ type: 'templateError', message: UNTRUSTED });
      return undefined;
    }
    const uri = vscode.Uri.parse(file);
    try {
      return await load(uri, shortName(uri));
    } catch (e) {
      const message = e instanceof TemplateError || e instanceof TokenizerFileError ? e.message : String(e);
      this.post({ type: 'templateError', message: `${message} — ${fallback} instead.` });
      return undefined;
    }
  }

  /** The Hugging Face chat template of the tokenizer_config.json the state names. */
  private async loadHf(): Promise<void> {
    this.hf = await this.loadUserFile(this.state.hfConfig, this.state.template === 'hf', 'showing the default template',
      async (uri, name) => templateFromTokenizerConfig((await this.readJson(uri, name)) as TokenizerConfig, name));
    if (!this.hf && this.state.template === 'hf' && vscode.workspace.isTrusted) this.state = { ...this.state, template: undefined };
  }

  /** The tokenizer.json the state names (with the tokenizer_config.json beside it, when there is one). */
  private async loadHfTokenizer(): Promise<void> {
    this.hfTokenizer = await this.loadUserFile(this.state.tokenizerFile, this.state.tokenizer === 'hf', 'counting with cl100k_base', async (uri, name) => {
      const json = await this.readJson(uri, name);
      const configUri = vscode.Uri.joinPath(uri, '..', 'tokenizer_config.json');
      const config = await vscode.workspace.fs.stat(configUri).then(() => this.readJson(configUri, shortName(configUri)), () => ({}));
      return hfTokenCounter(json, config, name);
    });
    if (!this.hfTokenizer && this.state.tokenizer === 'hf' && vscode.workspace.isTrusted) this.state = { ...this.state, tokenizer: undefined };
  }

  private settingsView(): PreviewSettingsView {
    const c = vscode.workspace.getConfiguration('instructStudio.preview');
    const templates = builtinTemplates.map((t) => ({ id: t.id, label: t.label }));
    if (this.hf) templates.push({ id: 'hf', label: this.hf.label });
    templates.push({ id: PICK_HF_TEMPLATE, label: 'Hugging Face tokenizer_config.json…' });
    return {
      template: this.templateId(),
      templates,
      tokenizer: this.tokenizerId(),
      tokenizers: [
        ...TOKENIZERS.map((t) => ({ id: t.id, label: t.label })),
        ...(this.hfTokenizer ? [{ id: 'hf', label: this.hfTokenizer.label }] : []),
        { id: PICK_HF_TOKENIZER, label: 'Hugging Face tokenizer.json…' },
      ],
      trainOnInputs: this.trainOnInputs(),
      trainedRoles: this.trainedRoles(),
      maxContextTokens: c.get<number>('maxContextTokens', 4096),
      model: this.services.models.describe(),
    };
  }

  private templateId(): string {
    if (this.state.template === 'hf' && this.hf) return 'hf';
    const t = this.state.template ?? vscode.workspace.getConfiguration('instructStudio.preview').get<string>('template', 'chatml');
    return getTemplate(t) ? t : 'chatml';
  }

  private template(): ChatTemplate {
    return this.templateId() === 'hf' && this.hf ? this.hf : getTemplate(this.templateId())!;
  }

  private tokenizerId(): TokenizerId | 'hf' {
    if (this.state.tokenizer === 'hf' && this.hfTokenizer) return 'hf';
    const t = this.state.tokenizer ?? vscode.workspace.getConfiguration('instructStudio.preview').get<string>('tokenizer', 'cl100k_base');
    return (TOKENIZERS.find((x) => x.id === t)?.id ?? 'cl100k_base');
  }

  private tokenizer(): TokenizerId | TokenCounter {
    const id = this.tokenizerId();
    return id === 'hf' ? this.hfTokenizer! : id;
  }

  private trainOnInputs(): boolean {
    return this.state.trainOnInputs ?? vscode.workspace.getConfiguration('instructStudio.preview').get<boolean>('trainOnInputs', false);
  }

  private trainedRoles(): Role[] {
    const raw = vscode.workspace.getConfiguration('instructStudio.preview').get<unknown>('trainedRoles', ['assistant']);
    return Array.isArray(raw) ? ROLES.filter((r) => raw.includes(r)) : ['assistant'];
  }

  private sendSettings(): void {
    this.post({ type: 'settings', settings: this.settingsView() });
  }

  private saveState(): void {
    this.post({ type: 'state', state: this.state });
  }

  private scheduleRender(delay = 150): void {
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => this.renderNow(), delay);
  }

  private document(): vscode.TextDocument | undefined {
    return this.state.uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.state.uri) : undefined;
  }

  /** The records of a .json array document, parsed once per document version (the cursor moves often, the text less). */
  private parsedArray(doc: vscode.TextDocument): ReturnType<typeof parseJsonArrayFile> {
    const key = `${doc.uri.toString()}@${doc.version}`;
    if (this.arrayCache?.key !== key) this.arrayCache = { key, file: parseJsonArrayFile(doc.getText()) };
    return this.arrayCache.file;
  }

  /** Finds the followed record and sends its rendering (or why there is none). */
  renderNow(): void {
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    const doc = this.document();
    if (!doc) {
      this.record = undefined;
      this.post({ type: 'empty', message: this.state.uri ? 'The followed dataset is closed: open a .jsonl file and put the cursor on a record.' : 'Open a .jsonl dataset and put the cursor on a record (or select one in the Dataset Editor) to see it as the model will.' });
      return;
    }
    const line = Math.min(this.state.line ?? 0, Math.max(0, doc.lineCount - 1));
    const configured = this.services.diagnostics.result(doc.uri)?.format ?? vscode.workspace.getConfiguration('instructStudio', doc.uri).get<string>('format', 'auto');
    const rec = /\.json$/i.test(doc.fileName)
      ? jsonArrayRecordAt(this.parsedArray(doc), line, configured)
      : jsonlRecordAt({ lineCount: doc.lineCount, lineText: (i) => doc.lineAt(i).text }, line, configured);
    this.record = rec;
    const file = vscode.workspace.asRelativePath(doc.uri);
    if (!rec.ok) {
      this.post({ type: 'empty', message: rec.message, source: { file, line: rec.line + 1, format: '' } });
      return;
    }
    const source: RecordSource = { file, line: rec.line + 1, format: rec.format.label };
    try {
      const s = this.settingsView();
      const render = renderForPreview(rec.conversation, this.template(), {
        tokenizer: this.tokenizer(), trainOnInputs: s.trainOnInputs, trainedRoles: this.trainedRoles(), maxContextTokens: s.maxContextTokens,
      });
      const { messages, expected } = promptMessages(rec.conversation);
      this.post({ type: 'render', source, render, expected, runnable: messages.length > 0 });
    } catch (e) {
      this.post({ type: 'empty', message: e instanceof TemplateError ? e.message : `rendering failed: ${e instanceof Error ? e.message : String(e)}`, source });
    }
  }

  /** Asks the model the followed record's prompt (everything before its last assistant turn). */
  async testRecord(): Promise<void> {
    this.renderNow();
    const rec = this.record;
    if (!rec?.ok) {
      this.post({ type: 'runError', runId: ++this.runIds, message: rec ? rec.message : 'No record to test: put the cursor on a record of a .jsonl dataset.', actions: [] });
      return;
    }
    const { messages, expected } = promptMessages(rec.conversation);
    if (!messages.length) {
      this.post({ type: 'runError', runId: ++this.runIds, message: 'This record has no prompt before its answer: nothing to ask the model.', actions: [] });
      return;
    }
    await this.start({ messages, expected });
  }

  /** Quick Test Prompt: a free prompt, answered in the panel. */
  async testPrompt(prompt: string): Promise<void> {
    await this.start({ messages: [{ role: 'user', content: prompt }], prompt });
  }

  private async retry(): Promise<void> {
    const last = this.lastRun;
    if (last) await this.start(last);
    else await this.testRecord();
  }

  private lastRun: Omit<Run, 'id' | 'abort'> | undefined;

  private async start(what: Omit<Run, 'id' | 'abort'>): Promise<void> {
    this.cancel();
    const run: Run = { ...what, id: ++this.runIds, abort: new AbortController() };
    this.run = run;
    this.lastRun = what;
    const models = this.services.models;
    this.post({ type: 'runStart', runId: run.id, model: models.describe(), prompt: what.prompt, expected: what.expected });
    // deltas are batched per animation-ish tick: a fast model must not flood the message channel
    let pending = '';
    let flush: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      flush = undefined;
      if (pending && this.run === run) this.post({ type: 'runDelta', runId: run.id, text: pending });
      pending = '';
    };
    try {
      const result = await models.chat(what.messages, (t) => {
        pending += t;
        flush ??= setTimeout(send, 30);
      }, run.abort.signal);
      if (flush) clearTimeout(flush);
      send();
      if (this.run !== run) return;
      this.post({ type: 'runDone', runId: run.id, answer: result.text, latencyMs: result.latencyMs, completionTokens: result.usage?.completionTokens, check: checkAnswer(what.expected, result.text) });
    } catch (e) {
      if (flush) clearTimeout(flush);
      if (this.run !== run && !(e instanceof ModelError && e.kind === 'cancelled')) return;
      if (e instanceof ModelError && e.kind === 'cancelled') this.post({ type: 'runCancelled', runId: run.id });
      else this.post({ type: 'runError', runId: run.id, message: e instanceof Error ? e.message : String(e), actions: actionsFor(e) });
    } finally {
      if (this.run === run) this.run = undefined;
    }
  }

  cancel(): void {
    this.run?.abort.abort();
  }

  private async showRecord(): Promise<void> {
    const doc = this.document();
    if (!doc) return;
    const line = this.record?.line ?? this.state.line ?? 0;
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, 0), preserveFocus: false });
  }

  private post(m: PreviewToView): void {
    if (this.keepSent) this.sent.push(m);
    if (m.type === 'runStart') this.runLog = [m];
    else if (m.type.startsWith('run')) this.runLog.push(m);
    if (!this.ready) {
      // before 'ready' only the latest of each kind matters (state, settings, render/empty)
      const i = this.queue.findIndex((q) => q.type === m.type);
      if (i >= 0 && !m.type.startsWith('run')) this.queue.splice(i, 1);
      this.queue.push(m);
      return;
    }
    void this.panel.webview.postMessage(m);
  }

  dispose(): void {
    this.cancel();
    if (this.renderTimer) clearTimeout(this.renderTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
  }
}

/** "folder/file.json": enough to tell files apart in a picker. */
function shortName(uri: vscode.Uri): string {
  return path.basename(path.dirname(uri.path)) + '/' + path.basename(uri.path);
}

/** A run's messages with its deltas joined into one. */
function compactRunLog(log: PreviewToView[]): PreviewToView[] {
  const out: PreviewToView[] = [];
  for (const m of log) {
    const prev = out[out.length - 1];
    if (m.type === 'runDelta' && prev?.type === 'runDelta') out[out.length - 1] = { ...prev, text: prev.text + m.text };
    else out.push(m);
  }
  return out;
}

/** The state the webview gave back is untrusted: keep only well-formed fields. */
function sanitize(s: unknown): PreviewState {
  if (!s || typeof s !== 'object') return {};
  const o = s as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.length < 4000 ? v : undefined);
  return {
    template: str(o.template),
    hfConfig: str(o.hfConfig),
    tokenizer: str(o.tokenizer),
    tokenizerFile: str(o.tokenizerFile),
    trainOnInputs: typeof o.trainOnInputs === 'boolean' ? o.trainOnInputs : undefined,
    uri: str(o.uri),
    line: typeof o.line === 'number' && Number.isInteger(o.line) && o.line >= 0 ? o.line : undefined,
  };
}
