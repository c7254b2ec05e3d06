/**
 * Instruct Studio: Run Batch Evaluation — asks the configured model every record's prompt (the first N records,
 * the selected lines or the whole file), a few at a time with retries, with progress and Cancel; writes one
 * result line per record to `<file>.eval-<time>.jsonl` next to the dataset and shows the summary.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { createWriteStream, type WriteStream } from 'node:fs';
import { runBatchEvaluation, evalRecordOfLine, type EvalRecord, type EvalResult, type EvalSummary } from '../../core/eval';
import { parseJsonArrayFile } from '../../core/jsonl/jsonArray';
import { countTokens } from '../../core/tokens';
import { ModelError } from '../../core/model';
import { ACTION_LABELS, actionsFor, runAction, type ModelService } from '../model/modelService';
import { DiagnosticsService } from '../diagnostics';
import { EvalSummaryPanel } from '../eval/summaryPanel';
import type { EvalIssue } from '../../protocol/evalSummary';

const MAX_ISSUES = 200;

export interface BatchRunResult {
  summary: EvalSummary;
  results: vscode.Uri;
}

interface Scope {
  label: string;
  /** 0-based lines [from, to). */
  from: number;
  to: number;
  limit?: number;
}

function datasetDocument(arg: unknown): vscode.TextDocument | undefined {
  const uri = arg instanceof vscode.Uri ? arg : undefined;
  if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const ed = vscode.window.activeTextEditor;
  if (ed && DiagnosticsService.isDataset(ed.document)) return ed.document;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri.toString());
  return undefined;
}

/** Records of the snapshot `text` within the scope's lines: JSONL lines, or the elements of a .json array. */
function* recordsOf(text: string, isArray: boolean, scope: Scope): Generator<EvalRecord> {
  if (isArray) {
    const file = parseJsonArrayFile(text);
    for (const r of file?.records ?? []) if (r.line >= scope.from && r.line < scope.to) yield { line: r.line + 1, value: r.value };
    return;
  }
  let line = 0;
  let at = 0;
  while (at <= text.length && line < scope.to) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (line >= scope.from) {
      const t = text.slice(at, end).replace(/\r$/, '');
      if (t.trim()) yield evalRecordOfLine(t, line + 1);
    }
    if (nl < 0) break;
    at = nl + 1;
    line++;
  }
}

function countRecords(doc: vscode.TextDocument, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < Math.min(to, doc.lineCount); i++) if (doc.lineAt(i).text.trim()) n++;
  return n;
}

async function chooseScope(doc: vscode.TextDocument, preset?: { limit?: number; whole?: boolean }): Promise<Scope | undefined> {
  const all = { from: 0, to: doc.lineCount };
  if (preset?.whole) return { ...all, label: 'whole file' };
  if (preset?.limit) return { ...all, limit: preset.limit, label: `first ${preset.limit} records` };
  const isArray = /\.json$/i.test(doc.fileName);
  const total = isArray ? (parseJsonArrayFile(doc.getText())?.records.length ?? 0) : countRecords(doc, 0, doc.lineCount);
  const ed = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor : undefined;
  const sel = ed && !ed.selection.isEmpty ? ed.selection : undefined;
  const selTo = sel ? (sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line : sel.end.line + 1) : 0;
  type Item = vscode.QuickPickItem & { id: 'first' | 'selection' | 'all' };
  const items: Item[] = [
    { id: 'first', label: '$(list-ordered) First N records…', description: 'a quick check before a long run' },
    ...(sel ? [{ id: 'selection' as const, label: `$(selection) Selected lines ${sel.start.line + 1}–${selTo}`, description: `${countRecords(doc, sel.start.line, selTo)} records` }] : []),
    { id: 'all', label: '$(file) Whole file', description: `${total.toLocaleString('en-US')} records` },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Evaluate ${path.basename(doc.fileName)}`, placeHolder: 'Which records to ask the model' });
  if (!picked) return undefined;
  if (picked.id === 'all') return { ...all, label: 'whole file' };
  if (picked.id === 'selection' && sel) return { from: sel.start.line, to: selTo, label: `lines ${sel.start.line + 1}–${selTo}` };
  const n = await vscode.window.showInputBox({
    title: 'How many records?', value: String(Math.min(20, total || 20)), ignoreFocusOut: true,
    validateInput: (v) => (/^\s*[1-9]\d*\s*$/.test(v) ? undefined : 'a whole number, 1 or more'),
  });
  if (!n) return undefined;
  const limit = Number(n.trim());
  return { ...all, limit, label: `first ${limit} records` };
}

function resultsUri(doc: vscode.TextDocument): vscode.Uri {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const dir = vscode.Uri.joinPath(doc.uri, '..');
  const stem = path.basename(doc.uri.path).replace(/\.(jsonl|json)$/i, '');
  return vscode.Uri.joinPath(dir, `${stem}.eval-${stamp}.jsonl`);
}

/** Writes result lines as they come: a file stream on disk, else collected and written through workspace.fs at the end. */
class ResultsWriter {
  private stream: WriteStream | undefined;
  private chunks: string[] = [];

  constructor(readonly uri: vscode.Uri) {
    if (uri.scheme === 'file') this.stream = createWriteStream(uri.fsPath, { flags: 'wx' });
  }

  write(line: string): Promise<void> | void {
    if (!this.stream) {
      this.chunks.push(line);
      return;
    }
    if (!this.stream.write(line)) return new Promise((r) => this.stream!.once('drain', () => r()));
  }

  async close(): Promise<void> {
    if (this.stream) {
      const s = this.stream;
      await new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())));
      return;
    }
    await vscode.workspace.fs.writeFile(this.uri, new TextEncoder().encode(this.chunks.join('')));
  }
}

function issueOf(r: EvalResult): EvalIssue | undefined {
  if (r.error) return { record: r.record, kind: 'error', message: r.error.message };
  if (r.match === false) return { record: r.record, kind: r.finalAnswers.model === undefined ? 'no-final-answer' : 'mismatch', dataset: r.finalAnswers.dataset, model: r.finalAnswers.model };
  return undefined;
}

async function showFailure(e: unknown): Promise<void> {
  const actions = actionsFor(e).filter((a) => a !== 'retry');
  const chosen = await vscode.window.showErrorMessage(`Batch evaluation failed: ${e instanceof Error ? e.message : String(e)}`, ...actions.map((a) => ACTION_LABELS[a]));
  const action = actions.find((a) => ACTION_LABELS[a] === chosen);
  if (action) await runAction(action);
}

export function registerRunBatchEvaluation(models: ModelService, extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.runBatchEvaluation', async (arg?: unknown, preset?: { limit?: number; whole?: boolean }): Promise<BatchRunResult | undefined> => {
    const doc = datasetDocument(arg);
    if (!doc) {
      void vscode.window.showInformationMessage('Open a dataset (.jsonl) first, then run "Run Batch Evaluation".');
      return undefined;
    }
    const scope = await chooseScope(doc, preset);
    if (!scope) return undefined;
    let model;
    try {
      model = await models.batchOptions();
    } catch (e) {
      await showFailure(e);
      return undefined;
    }
    const cfg = vscode.workspace.getConfiguration('instructStudio.eval', doc.uri);
    const concurrency = Math.max(1, Math.min(64, Math.round(cfg.get<number>('concurrency', 4))));
    const retries = Math.max(0, Math.min(10, Math.round(cfg.get<number>('retries', 3))));
    const text = doc.getText(); // a snapshot: edits during the run do not shift the records
    const isArray = /\.json$/i.test(doc.fileName);
    const total = scope.limit ?? (isArray ? [...recordsOf(text, true, scope)].length : countRecords(doc, scope.from, scope.to));
    const out = resultsUri(doc);
    let writer: ResultsWriter;
    try {
      writer = new ResultsWriter(out);
    } catch (e) {
      void vscode.window.showErrorMessage(`Cannot write the results next to the dataset (${out.fsPath}): ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    const issues: EvalIssue[] = [];
    let moreIssues = 0;
    const configured = vscode.workspace.getConfiguration('instructStudio', doc.uri).get<string>('format', 'auto');
    let summary: EvalSummary;
    try {
      summary = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Evaluating ${path.basename(doc.fileName)} (${scope.label}) with ${models.describe()}`, cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          let shown = 0;
          return runBatchEvaluation(recordsOf(text, isArray, scope), {
            ...model, concurrency, retries, limit: scope.limit, signal: abort.signal,
            format: configured !== 'auto' ? configured : undefined,
            countTokens: (t) => countTokens(t),
            onProgress: (p) => {
              const pct = total ? (p.done / total) * 100 : 0;
              progress.report({ increment: pct - shown, message: `${p.done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}${p.errors ? ` · ${p.errors} errors` : ''}${p.retrying ? ` · ${p.retrying} retrying` : ''}` });
              shown = pct;
            },
            onResult: (r) => {
              const issue = issueOf(r);
              if (issue && issues.length < MAX_ISSUES) issues.push(issue);
              else if (issue) moreIssues++;
              return writer.write(JSON.stringify(r) + '\n');
            },
          });
        },
      );
      await writer.close();
    } catch (e) {
      await writer.close().catch(() => undefined);
      if (!(e instanceof ModelError && e.kind === 'cancelled')) await showFailure(e);
      return undefined;
    }
    const firstError = issues.find((i) => i.kind === 'error');
    if (!summary.answered && firstError) {
      // nothing got through: say why where the user is looking, with the action that fixes it
      const kind = Object.keys(summary.errorKinds)[0] as ModelError['kind'];
      void showFailure(new ModelError(kind, firstError.message ?? 'every request failed'));
    }
    EvalSummaryPanel.show(extensionUri, { doc: doc.uri, results: out, model: models.describe(), scope: scope.label, summary, issues, moreIssues });
    return { summary, results: out };
  });
}
