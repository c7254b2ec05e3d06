// The prompt preview webview: the record rendered through a chat template with trained tokens shaded, special
// tokens marked, token boundaries and ids on hover (or with the arrow keys), counts per role, and the model's
// streamed answer beside the dataset's with a word diff and the final-answer check. State goes to setState.
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { h, el, icon, fmt, adoptCss } from '../shared/dom';
import css from './preview.css';
import type { PreviewRequest, PreviewSettingsView, PreviewToView, RecordSource, RunAction } from '../../src/protocol/preview';
import type { PreviewRender, PreviewSegment } from '../../src/core/preview/render';
import type { AnswerCheck } from '../../src/core/preview/answers';

interface VsCodeApi {
  postMessage(m: PreviewRequest): void;
  getState(): unknown;
  setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();
const send = (m: PreviewRequest) => vscode.postMessage(m);

adoptCss(css);

type Select = HTMLElement & { value: string };
type Checkbox = HTMLElement & { checked: boolean };

// ---------------------------------------------------------------------------------------------------------
// layout

const app = document.getElementById('app')!;
const templateSelect = el('vscode-single-select', { 'aria-label': 'Chat template', class: 'template' }) as Select;
const tokenizerSelect = el('vscode-single-select', { 'aria-label': 'Tokenizer', class: 'tokenizer' }) as Select;
const trainInputs = el('vscode-checkbox', { label: 'Train on inputs', title: 'Compute the loss on every token, prompts included (train_on_inputs)' }) as Checkbox;
const sourceLink = h('button', { class: 'source', type: 'button', title: 'Show the record in the text editor' });
const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Preview settings' },
  h('label', { class: 'field' }, h('span', {}, 'Template'), templateSelect),
  h('label', { class: 'field' }, h('span', {}, 'Tokenizer'), tokenizerSelect),
  trainInputs,
  h('span', { class: 'grow' }),
  sourceLink,
);
const notice = h('div', { class: 'notice', role: 'alert', hidden: '' });
const counts = h('div', { class: 'counts', 'aria-label': 'Token counts' });
const warning = h('div', { class: 'warning', role: 'status', hidden: '' });
const prompt = h('pre', { class: 'prompt', tabindex: '0', 'aria-label': 'Rendered prompt. Arrow keys move between tokens.' });
const tokenInfo = h('div', { class: 'token-info', 'aria-live': 'polite' });
const legend = h('div', { class: 'legend', 'aria-hidden': 'true' },
  h('span', { class: 'swatch trained' }), 'trained', h('span', { class: 'swatch masked' }), 'masked', h('span', { class: 'swatch special' }), 'special token',
);
const empty = h('div', { class: 'empty', hidden: '' });

const runButton = el('vscode-button', { class: 'run' }, 'Run against model') as HTMLElement & { disabled: boolean };
runButton.prepend(h('span', { slot: 'content-before', class: 'codicon codicon-play', 'aria-hidden': 'true' }));
const cancelButton = el('vscode-button', { secondary: '', class: 'cancel', hidden: '' }, 'Cancel') as HTMLElement;
const modelLabel = h('span', { class: 'model' });
const ring = el('vscode-progress-ring', { class: 'ring', hidden: '', 'aria-label': 'Waiting for the model' });
const runStatus = h('span', { class: 'run-status', 'aria-live': 'polite' });
const modelAnswer = h('pre', { class: 'answer model-answer', tabindex: '0', 'aria-label': "Model's answer" });
const datasetAnswer = h('pre', { class: 'answer dataset-answer', tabindex: '0', 'aria-label': "Dataset's answer" });
const finalBox = h('div', { class: 'final', hidden: '' });
const errorBox = h('div', { class: 'run-error', role: 'alert', hidden: '' });
const quickPrompt = h('div', { class: 'quick-prompt', hidden: '' });
const answers = h('div', { class: 'answers' },
  h('section', {}, h('h3', {}, icon('sparkle'), ' Model'), modelAnswer),
  h('section', { class: 'dataset-col' }, h('h3', {}, icon('database'), ' Dataset'), datasetAnswer),
);
const runPanel = h('section', { class: 'run-panel', 'aria-label': 'Model run' },
  h('div', { class: 'run-head' }, runButton, cancelButton, ring, runStatus, h('span', { class: 'grow' }), modelLabel),
  errorBox, quickPrompt, finalBox, answers,
);
const recordView = h('div', { class: 'record' }, counts, warning, h('div', { class: 'prompt-head' }, h('h2', {}, 'Rendered prompt'), legend), prompt, tokenInfo);
app.append(toolbar, notice, empty, recordView, runPanel);

// ---------------------------------------------------------------------------------------------------------
// state

let settings: PreviewSettingsView | undefined;
let expected: string | undefined;
let currentRun = 0;
let streamed = '';
let runnable = false;
let running = false;
/** Flat list of token spans in the prompt, for keyboard navigation. */
let tokenSpans: HTMLElement[] = [];
let activeToken = -1;

function option(value: string, label: string, selected: boolean): HTMLElement {
  const o = el('vscode-option', { value }, label);
  if (selected) o.setAttribute('selected', '');
  return o;
}

function showSettings(s: PreviewSettingsView): void {
  settings = s;
  templateSelect.replaceChildren(...s.templates.map((t) => option(t.id, t.label, t.id === s.template)));
  templateSelect.value = s.template;
  tokenizerSelect.replaceChildren(...s.tokenizers.map((t) => option(t.id, t.label, t.id === s.tokenizer)));
  tokenizerSelect.value = s.tokenizer;
  trainInputs.checked = s.trainOnInputs;
  if (!running) modelLabel.textContent = s.model;
  if (!running && !streamed) placeholder();
}

/** The model column before any answer. */
function placeholder(text = runnable ? 'Run the prompt against the model (Ctrl+Enter) to compare its answer with the dataset\'s.' : 'No answer yet.'): void {
  modelAnswer.classList.add('none');
  modelAnswer.textContent = text;
}

function showSource(source: RecordSource | undefined): void {
  sourceLink.hidden = !source;
  if (source) sourceLink.replaceChildren(icon('go-to-file'), ` ${source.file}:${source.line}`, ...(source.format ? [h('span', { class: 'format' }, source.format)] : []));
}

function chip(label: string, value: number, cls = ''): HTMLElement {
  return h('span', { class: `chip ${cls}`, 'aria-label': `${label}: ${value}` }, h('span', { class: 'chip-label' }, label), h('span', { class: 'chip-value' }, fmt(value)));
}

const ROLE_ORDER = ['system', 'user', 'assistant', 'tool', 'template'];

function showCounts(r: PreviewRender): void {
  const roles = Object.entries(r.byRole).sort((a, b) => ROLE_ORDER.indexOf(a[0]) - ROLE_ORDER.indexOf(b[0]));
  const max = settings?.maxContextTokens ?? 0;
  counts.replaceChildren(
    chip('tokens', r.total, 'total'),
    chip('trained', r.trained, 'trained'),
    chip('masked', r.masked, 'masked'),
    h('span', { class: 'sep', 'aria-hidden': 'true' }),
    ...roles.map(([role, n]) => chip(role === 'template' ? 'template text' : role, n, `role role-${role}`)),
    ...(max ? [h('span', { class: 'ctx', title: 'instructStudio.preview.maxContextTokens' }, `${fmt(r.total)} / ${fmt(max)} context`)] : []),
  );
  warning.hidden = !r.warning;
  warning.replaceChildren(...(r.warning ? [icon('warning'), ` ${r.warning}`] : []));
}

function tokenTitle(seg: PreviewSegment, text: string, ids: number[]): string {
  const shown = JSON.stringify(text);
  const state = seg.trained ? 'trained' : 'masked';
  if (seg.special) return `special token ${shown} · ${seg.role} · ${state}`;
  return `${shown} · id ${ids.join(' ')} · ${seg.role} · ${state}`;
}

function showPrompt(r: PreviewRender): void {
  const frag = document.createDocumentFragment();
  tokenSpans = [];
  activeToken = -1;
  let n = 0;
  for (const seg of r.segments) {
    const cls = `seg role-${seg.role} ${seg.trained ? 'trained' : 'masked'}${seg.special ? ' special' : ''}`;
    const s = h('span', { class: cls });
    if (seg.pieces) {
      seg.pieces.forEach((p, i) => {
        const end = i + 1 < seg.pieces!.length ? seg.pieces![i + 1].start : seg.text.length;
        const text = seg.text.slice(p.start, end);
        const t = h('span', { class: `tok${n % 2 ? ' odd' : ''}`, title: tokenTitle(seg, text, p.ids), 'data-i': String(n) }, text);
        tokenSpans.push(t);
        n++;
        s.append(t);
      });
    } else {
      s.append(seg.text);
      s.title = `${seg.role} · ${seg.tokens} tokens · ${seg.trained ? 'trained' : 'masked'}`;
    }
    frag.append(s);
  }
  prompt.replaceChildren(frag);
  tokenInfo.textContent = r.piecesOmitted
    ? `${fmt(r.total)} tokens: too many to draw one by one; counts are exact.`
    : 'Hover a token (or focus the prompt and use ←/→) to see its text and id.';
}

function describeToken(t: HTMLElement): void {
  tokenInfo.textContent = `Token ${fmt(Number(t.dataset.i) + 1)} of ${fmt(tokenSpans.length)}: ${t.title}`;
}

prompt.addEventListener('mouseover', (e) => {
  const t = (e.target as HTMLElement).closest<HTMLElement>('.tok');
  if (t) describeToken(t);
});
prompt.addEventListener('keydown', (e) => {
  if (!tokenSpans.length || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End')) return;
  e.preventDefault();
  tokenSpans[activeToken]?.classList.remove('active');
  if (e.key === 'Home') activeToken = 0;
  else if (e.key === 'End') activeToken = tokenSpans.length - 1;
  else activeToken = Math.max(0, Math.min(tokenSpans.length - 1, activeToken + (e.key === 'ArrowRight' ? 1 : -1)));
  const t = tokenSpans[activeToken];
  t.classList.add('active');
  t.scrollIntoView({ block: 'nearest' });
  describeToken(t);
});

function setRunning(on: boolean): void {
  running = on;
  ring.hidden = !on;
  cancelButton.hidden = !on;
  runButton.disabled = on || !runnable;
}

function showExpected(text: string | undefined): void {
  expected = text;
  datasetAnswer.replaceChildren(text ?? '');
  datasetAnswer.classList.toggle('none', text === undefined);
  if (text === undefined) datasetAnswer.textContent = 'This record has no answer to compare with.';
}

function showCheck(answer: string, check: AnswerCheck): void {
  if (check.diff && expected !== undefined) {
    const model = document.createDocumentFragment();
    const data = document.createDocumentFragment();
    for (const p of check.diff) {
      if (p.op !== 'dataset') model.append(p.op === 'same' ? p.text : h('ins', {}, p.text));
      if (p.op !== 'model') data.append(p.op === 'same' ? p.text : h('del', {}, p.text));
    }
    modelAnswer.replaceChildren(model);
    datasetAnswer.replaceChildren(data);
  } else {
    modelAnswer.textContent = answer;
  }
  finalBox.hidden = !check.final && !check.exactMatch;
  if (check.final) {
    const f = check.final;
    const verdict = f.comparison === 'match' ? ['pass', 'match'] : f.comparison === 'mismatch' ? ['error', 'mismatch'] : f.comparison === 'missing' ? ['warning', 'the model stated no final answer'] : ['question', 'not comparable'];
    finalBox.className = `final ${f.comparison}`;
    finalBox.replaceChildren(
      h('span', { class: 'verdict' }, icon(verdict[0]), ` Final answer: ${verdict[1]}`),
      h('span', { class: 'fa' }, 'model ', h('code', {}, f.model ?? '—')),
      h('span', { class: 'fa' }, 'dataset ', h('code', {}, f.dataset)),
      ...(check.exactMatch ? [h('span', { class: 'fa' }, 'exact match')] : []),
    );
  } else if (check.exactMatch) {
    finalBox.className = 'final match';
    finalBox.replaceChildren(h('span', { class: 'verdict' }, icon('pass'), ' Exact match'));
  }
}

const ACTION_LABEL: Record<RunAction, string> = { setApiKey: 'Set API Key', selectModel: 'Select Model', openSettings: 'Open Settings', retry: 'Retry' };

function showError(message: string, actions: RunAction[]): void {
  errorBox.hidden = false;
  errorBox.replaceChildren(
    h('div', { class: 'msg' }, icon('error'), ' ', message),
    h('div', { class: 'actions' }, ...actions.map((a, i) => {
      const b = el('vscode-button', i ? { secondary: '' } : {}, ACTION_LABEL[a]);
      b.addEventListener('click', () => send({ type: 'action', action: a }));
      return b;
    })),
  );
}

function handle(m: PreviewToView): void {
  switch (m.type) {
    case 'state':
      vscode.setState(m.state);
      return;
    case 'settings':
      showSettings(m.settings);
      return;
    case 'templateError':
      notice.hidden = false;
      notice.replaceChildren(icon('warning'), ` ${m.message}`);
      return;
    case 'render':
      empty.hidden = true;
      recordView.hidden = false;
      showSource(m.source);
      showCounts(m.render);
      showPrompt(m.render);
      runnable = m.runnable;
      runButton.disabled = running || !runnable;
      if (!running && !streamed) placeholder();
      if (!running && m.expected !== expected && !streamed) showExpected(m.expected);
      return;
    case 'empty':
      showSource(m.source);
      empty.hidden = false;
      empty.replaceChildren(icon('info'), ` ${m.message}`);
      recordView.hidden = true;
      runnable = false;
      runButton.disabled = true;
      return;
    case 'runStart':
      currentRun = m.runId;
      streamed = '';
      errorBox.hidden = true;
      finalBox.hidden = true;
      modelAnswer.textContent = '';
      modelAnswer.classList.remove('none');
      modelAnswer.classList.add('streaming');
      modelLabel.textContent = m.model;
      runStatus.textContent = 'Waiting for the first token…';
      quickPrompt.hidden = m.prompt === undefined;
      if (m.prompt !== undefined) quickPrompt.replaceChildren(h('span', { class: 'label' }, 'Quick test prompt'), h('pre', {}, m.prompt));
      answers.classList.toggle('single', m.prompt !== undefined);
      showExpected(m.expected);
      setRunning(true);
      return;
    case 'runDelta':
      if (m.runId !== currentRun) return;
      streamed += m.text;
      modelAnswer.textContent = streamed;
      runStatus.textContent = 'Streaming…';
      return;
    case 'runDone':
      if (m.runId !== currentRun) return;
      modelAnswer.classList.remove('streaming');
      streamed = m.answer;
      runStatus.textContent = `Answered in ${(m.latencyMs / 1000).toFixed(1)} s${m.completionTokens ? ` · ${fmt(m.completionTokens)} tokens` : ''}`;
      showCheck(m.answer, m.check);
      setRunning(false);
      return;
    case 'runError':
      if (m.runId < currentRun) return;
      currentRun = m.runId;
      modelAnswer.classList.remove('streaming');
      runStatus.textContent = 'Failed';
      if (!streamed) placeholder('No answer.');
      showError(m.message, m.actions);
      setRunning(false);
      return;
    case 'runCancelled':
      if (m.runId !== currentRun) return;
      modelAnswer.classList.remove('streaming');
      runStatus.textContent = streamed ? 'Cancelled (partial answer)' : 'Cancelled';
      setRunning(false);
      return;
  }
}

templateSelect.addEventListener('change', () => {
  notice.hidden = true;
  send({ type: 'setTemplate', id: templateSelect.value });
});
tokenizerSelect.addEventListener('change', () => send({ type: 'setTokenizer', id: tokenizerSelect.value }));
trainInputs.addEventListener('change', () => send({ type: 'setTrainOnInputs', value: trainInputs.checked }));
sourceLink.addEventListener('click', () => send({ type: 'showRecord' }));
runButton.addEventListener('click', () => {
  streamed = '';
  send({ type: 'run' });
});
cancelButton.addEventListener('click', () => send({ type: 'cancel' }));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && running) send({ type: 'cancel' });
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !running && runnable) send({ type: 'run' });
});
window.addEventListener('message', (e: MessageEvent<PreviewToView>) => handle(e.data));
recordView.hidden = true;
runButton.disabled = true;
showExpected(undefined);
datasetAnswer.textContent = '';
send({ type: 'ready' });
