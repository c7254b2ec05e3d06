// The prompt preview and model commands in a real VS Code, against a loopback OpenAI-compatible server on
// 127.0.0.1: the API key goes to SecretStorage and the Authorization header but never into settings or the
// webview; Test Current Record and Quick Test Prompt stream into the panel; every failure becomes a message
// with an action; Cancel stops a run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startLoopbackModel, type LoopbackModel } from '../support/loopbackModel.mjs';
import type { PreviewToView, PreviewRequest } from '../../src/protocol/preview';
import { until } from './until';

const EXTENSION_ID = 'instruct-studio.instruct-studio';
const KEY = 'sk-loopback-secret-4242';

interface Panel {
  sent: PreviewToView[];
  handle(m: PreviewRequest): Promise<void>;
  renderNow(): void;
  source: { uri?: string; line?: number };
}
interface Api {
  preview: { panel: Panel | undefined };
}


function lastOf<T extends PreviewToView['type']>(p: Panel, type: T, from = 0): Extract<PreviewToView, { type: T }> | undefined {
  for (let i = p.sent.length - 1; i >= from; i--) if (p.sent[i].type === type) return p.sent[i] as Extract<PreviewToView, { type: T }>;
  return undefined;
}

/** Waits for the end of the run started after `from`: done, error or cancelled. */
function runEnd(p: Panel, from: number) {
  return until('the end of the run', () => p.sent.slice(from).find((m) => m.type === 'runDone' || m.type === 'runError' || m.type === 'runCancelled'));
}

const GSM = [
  '{"question": "Tom has 48 apples and gives half away. How many are left?", "answer": "48 / 2 = <<48/2=24>>24\\n#### 24"}',
  '{"question": "What is 3 + 4?", "answer": "3 + 4 = 7\\n#### 7"}',
];

describe('prompt preview and model runs', function () {
  this.timeout(60000);
  let server: LoopbackModel;
  let api: Api;
  const config = () => vscode.workspace.getConfiguration('instructStudio.model');

  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as Api;
    server = await startLoopbackModel({ apiKey: KEY, models: ['tiny-model', 'other-model'] });
    await config().update('provider', 'openai-compatible', vscode.ConfigurationTarget.Workspace);
    await config().update('baseUrl', server.openaiBaseUrl, vscode.ConfigurationTarget.Workspace);
    await config().update('model', 'tiny-model', vscode.ConfigurationTarget.Workspace);
    await config().update('timeoutMs', 3000, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await server.close();
    for (const k of ['provider', 'baseUrl', 'model', 'timeoutMs']) await config().update(k, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function openDataset(name: string, lines: string[], line = 0): Promise<Panel> {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n') + '\n'));
    const ed = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    ed.selection = new vscode.Selection(line, 0, line, 0);
    await vscode.commands.executeCommand('instructStudio.openPreview');
    const p = await until('the preview panel', () => api.preview.panel);
    await until('the panel follows the record', () => p.source.uri === uri.toString() && p.source.line === line);
    return p;
  }

  it('renders the record under the cursor and follows the cursor', async () => {
    const p = await openDataset('pv-gsm.jsonl', GSM);
    await p.handle({ type: 'ready' });
    const r = await until('a render', () => lastOf(p, 'render'));
    assert.equal(r.source.line, 1);
    assert.ok(r.render.trained > 0 && r.render.masked > 0);
    assert.ok(r.render.segments.some((s) => s.trained && s.text.includes('#### 24')));
    assert.equal(r.expected, '48 / 2 = <<48/2=24>>24\n#### 24');
    const ed = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('pv-gsm.jsonl'))!;
    const from = p.sent.length;
    ed.selection = new vscode.Selection(1, 3, 1, 3);
    const next = await until('a render of line 2', () => { const m = lastOf(p, 'render', from); return m && m.source.line === 2 ? m : undefined; });
    assert.ok(next.render.segments.some((s) => s.text.includes('3 + 4')));
    // the picker switches the template; the choice goes to the webview's state
    await p.handle({ type: 'setTemplate', id: 'llama3' });
    const llama = lastOf(p, 'render')!;
    assert.ok(llama.render.segments.some((s) => s.special && s.text === '<|eot_id|>'));
    assert.equal(lastOf(p, 'state')!.state.template, 'llama3');
    // a message of the wrong shape is ignored
    await p.handle({ type: 'setTrainOnInputs', value: 'yes' } as unknown as PreviewRequest);
    assert.equal(lastOf(p, 'settings')!.settings.trainOnInputs, false);
  });

  it('follows the record selected in the Dataset Editor', async () => {
    const p = await openDataset('pv-editor.jsonl', GSM);
    const uri = vscode.Uri.parse(p.source.uri!);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'instructStudio.datasetEditor');
    const session = await until('the dataset editor', async () => {
      const s = await vscode.commands.executeCommand<{ document: vscode.TextDocument; handle(m: unknown): Promise<void> } | undefined>('instructStudio.editor._test');
      return s && s.document.uri.toString() === uri.toString() ? s : undefined;
    });
    const from = p.sent.length;
    await session.handle({ type: 'select', line: 1 });
    const r = await until('a render of line 2', () => { const m = lastOf(p, 'render', from); return m && m.source.line === 2 ? m : undefined; });
    assert.ok(r.render.segments.some((s) => s.text.includes('3 + 4')));
  });

  it('Set API Key stores the key in SecretStorage; it reaches the server but no setting or webview message', async () => {
    assert.equal(await vscode.commands.executeCommand('instructStudio.setApiKey', KEY), true);
    const p = await openDataset('pv-key.jsonl', GSM);
    server.setReply(() => ({ text: 'Half of 48 is 24.\n#### 24' }));
    const before = server.requests.length;
    const from = p.sent.length;
    await vscode.commands.executeCommand('instructStudio.testCurrentRecord');
    const end = await runEnd(p, from);
    assert.equal(end.type, 'runDone', JSON.stringify(end));
    const req = server.requests[before];
    assert.equal(req.headers.authorization, `Bearer ${KEY}`);
    assert.equal(req.model, 'tiny-model');
    assert.match(req.messages[req.messages.length - 1].content, /48 apples/);
    const all = JSON.stringify(vscode.workspace.getConfiguration('instructStudio'));
    assert.ok(!all.includes(KEY), 'the key is in a setting');
    const settingsFile = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode', 'settings.json');
    const text = await vscode.workspace.fs.readFile(settingsFile).then((b) => new TextDecoder().decode(b), () => '');
    assert.ok(!text.includes(KEY), 'the key is in .vscode/settings.json');
    assert.ok(!JSON.stringify(p.sent).includes(KEY), 'the key went to the webview');
  });

  it('Test Current Record streams the answer and checks the final answer', async () => {
    const p = await openDataset('pv-stream.jsonl', GSM);
    server.setReply(() => ({ text: 'Tom gives away 24 apples, so 48 - 24 = 24 are left.\n#### 24', dripMs: 15 }));
    const from = p.sent.length;
    await vscode.commands.executeCommand('instructStudio.testCurrentRecord');
    const end = await runEnd(p, from);
    assert.equal(end.type, 'runDone');
    const deltas = p.sent.slice(from).filter((m) => m.type === 'runDelta');
    assert.ok(deltas.length >= 1);
    const done = end as Extract<PreviewToView, { type: 'runDone' }>;
    assert.equal(done.answer, 'Tom gives away 24 apples, so 48 - 24 = 24 are left.\n#### 24');
    assert.equal(done.check.final?.comparison, 'match');
    assert.equal(done.check.final?.model, '24');
    assert.ok(done.check.diff?.some((d) => d.op === 'model'));
    // a wrong answer is a mismatch
    server.setReply(() => ({ text: 'The answer is 25.' }));
    const from2 = p.sent.length;
    await p.handle({ type: 'run' });
    const wrong = (await runEnd(p, from2)) as Extract<PreviewToView, { type: 'runDone' }>;
    assert.equal(wrong.check.final?.comparison, 'mismatch');
  });

  it('Quick Test Prompt streams an answer to a free prompt into the panel', async () => {
    await openDataset('pv-quick.jsonl', GSM);
    server.setReply((r) => ({ text: `echo: ${r.messages[r.messages.length - 1].content}` }));
    const p = api.preview.panel!;
    const from = p.sent.length;
    await vscode.commands.executeCommand('instructStudio.quickTestPrompt', 'Name a prime number.');
    const end = await runEnd(p, from);
    assert.equal(end.type, 'runDone');
    assert.equal((end as Extract<PreviewToView, { type: 'runDone' }>).answer, 'echo: Name a prime number.');
    assert.equal(lastOf(p, 'runStart', from)!.prompt, 'Name a prime number.');
  });

  it('every failure becomes a message with an action, and the panel stays usable', async () => {
    const p = await openDataset('pv-errors.jsonl', GSM);
    const cases: { reply: Parameters<LoopbackModel['setReply']>[0]; message: RegExp; action?: string }[] = [
      { reply: () => ({ status: 401, message: 'Incorrect API key provided' }), message: /refused the API key \(HTTP 401\).*Incorrect API key/, action: 'setApiKey' },
      { reply: () => ({ status: 403, message: 'forbidden' }), message: /HTTP 403/, action: 'setApiKey' },
      { reply: () => ({ status: 429, message: 'Rate limit reached', retryAfter: 1 }), message: /rate limited \(HTTP 429\)/, action: 'retry' },
      { reply: () => ({ status: 503, message: 'overloaded' }), message: /server failed \(HTTP 503\).*overloaded/, action: 'retry' },
      { reply: () => ({ stall: true }), message: /no answer from 127\.0\.0\.1:\d+ within 3 s/, action: 'retry' },
      { reply: () => ({ text: 'partial answer', malformed: true }), message: /not JSON/, action: 'openSettings' },
      { reply: () => ({ text: 'partial answer', truncated: true }), message: /closed before the answer was complete/ },
      { reply: () => ({ text: 'a long answer that will be cut off', dropAfter: 2 }), message: /closed|cannot reach|terminated/ },
    ];
    for (const c of cases) {
      server.setReply(c.reply);
      const from = p.sent.length;
      await p.handle({ type: 'run' });
      const end = await runEnd(p, from);
      assert.equal(end.type, 'runError', `${c.message}: ${JSON.stringify(end)}`);
      const err = end as Extract<PreviewToView, { type: 'runError' }>;
      assert.match(err.message, c.message);
      if (c.action) assert.ok(err.actions.includes(c.action as never), `${err.message}: ${err.actions.join(',')}`);
    }
    // an unknown model: Select Model
    await config().update('model', 'missing-model', vscode.ConfigurationTarget.Workspace);
    server.setReply(() => ({ text: 'never' }));
    let from = p.sent.length;
    await p.handle({ type: 'run' });
    let err = (await runEnd(p, from)) as Extract<PreviewToView, { type: 'runError' }>;
    assert.match(err.message, /HTTP 404.*missing-model/);
    assert.ok(err.actions.includes('selectModel'));
    await config().update('model', 'tiny-model', vscode.ConfigurationTarget.Workspace);
    // nothing listening
    await config().update('baseUrl', 'http://127.0.0.1:9/v1', vscode.ConfigurationTarget.Workspace);
    from = p.sent.length;
    await p.handle({ type: 'run' });
    err = (await runEnd(p, from)) as Extract<PreviewToView, { type: 'runError' }>;
    assert.match(err.message, /cannot reach http:\/\/127\.0\.0\.1:9/);
    assert.ok(err.actions.includes('openSettings'));
    await config().update('baseUrl', server.openaiBaseUrl, vscode.ConfigurationTarget.Workspace);
    // after all that, a run works again
    server.setReply(() => ({ text: '#### 24' }));
    from = p.sent.length;
    await p.handle({ type: 'run' });
    assert.equal((await runEnd(p, from)).type, 'runDone');
  });

  it('Cancel stops a slow answer at once and keeps what arrived', async () => {
    const p = await openDataset('pv-cancel.jsonl', GSM);
    server.setReply(() => ({ text: 'one two three four five six seven eight nine ten eleven twelve', dripMs: 400, splitMidJson: false }));
    const from = p.sent.length;
    const run = p.handle({ type: 'run' });
    await until('a first delta', () => p.sent.slice(from).some((m) => m.type === 'runDelta'));
    const t0 = Date.now();
    await p.handle({ type: 'cancel' });
    await run;
    const end = await runEnd(p, from);
    assert.equal(end.type, 'runCancelled');
    assert.ok(Date.now() - t0 < 2000);
  });

  it('Run Batch Evaluation writes one result line per record next to the file and returns the summary', async () => {
    const ev = vscode.workspace.getConfiguration('instructStudio.eval');
    await ev.update('concurrency', 2, vscode.ConfigurationTarget.Workspace);
    await ev.update('retries', 0, vscode.ConfigurationTarget.Workspace);
    const lines = [
      ...GSM,
      '',
      '{"question": "What is 10 - 3?", "answer": "10 - 3 = 7\\n#### 7"}',
      '{"question": "What is 2 * 5?", "answer": "2 * 5 = 10\\n#### 10"}',
      '{"question": "broken", "answer": ',
    ];
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'pv-batch.jsonl');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n') + '\n'));
    await vscode.window.showTextDocument(uri);
    server.setReply((r) => {
      const q = r.messages[r.messages.length - 1].content;
      if (q.includes('3 + 4')) return { text: 'The answer is 8.' }; // wrong
      if (q.includes('2 * 5')) return { status: 500, message: 'boom' };
      if (q.includes('48 apples')) return { text: '#### 24', delayMs: 200 };
      return { text: '#### 7', delayMs: 50 };
    });
    const before = server.requests.length;
    const res = await vscode.commands.executeCommand<{ summary: Record<string, unknown>; results: vscode.Uri }>('instructStudio.runBatchEvaluation', uri, { whole: true });
    assert.ok(res, 'no result');
    assert.match(res.results.path, /pv-batch\.eval-\d{8}-\d{6}\.jsonl$/);
    const out = new TextDecoder().decode(await vscode.workspace.fs.readFile(res.results)).trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(out.map((r) => r.record), [1, 2, 4, 5, 6]);
    assert.deepEqual(out.map((r) => r.match), [true, false, true, null, null]);
    assert.equal(out[3].error.kind, 'server');
    assert.equal(out[4].error.kind, 'record');
    assert.equal(res.summary.records, 5);
    assert.equal(res.summary.answered, 3);
    assert.equal(res.summary.errors, 2);
    assert.equal(res.summary.finalAnswerAccuracy, 2 / 3);
    assert.equal(server.requests.length - before, 4, 'the broken line is not sent');
    assert.ok(server.maxInflight <= 2, `max in flight ${server.maxInflight}`);
    assert.ok(!JSON.stringify(out).includes(KEY));
    await vscode.workspace.fs.delete(res.results);
    await ev.update('concurrency', undefined, vscode.ConfigurationTarget.Workspace);
    await ev.update('retries', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('Select Model saves a model the endpoint lists', async () => {
    // the quick pick is answered by accepting its first item
    const picking = vscode.commands.executeCommand<string | undefined>('instructStudio.selectModel');
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const chosen = await picking;
    assert.ok(chosen === 'other-model' || chosen === 'tiny-model', String(chosen));
    assert.equal(config().get('model'), chosen);
    await config().update('model', 'tiny-model', vscode.ConfigurationTarget.Workspace);
  });
});
