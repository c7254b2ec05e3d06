// The batch-evaluation summary: cards (records, final-answer accuracy, exact match, latency, tokens, errors)
// and a table of the records worth a look (wrong final answer, none stated, errors), each opening its line.
import { h, icon, fmt, adoptCss } from '../shared/dom';
import css from './evalSummary.css';
import type { EvalSummaryFromView, EvalSummaryToView } from '../../src/protocol/evalSummary';

interface VsCodeApi {
  postMessage(m: EvalSummaryFromView): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

adoptCss(css);

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const ms = (x: number | null) => (x === null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);

function card(label: string, value: string, detail = '', cls = ''): HTMLElement {
  return h('div', { class: `card ${cls}`, 'aria-label': label }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), h('div', { class: 'detail' }, detail));
}

function show(m: EvalSummaryToView): void {
  const s = m.summary;
  const app = document.getElementById('app')!;
  const open = h('button', { class: 'link', type: 'button' }, icon('go-to-file'), ` ${m.results}`);
  open.addEventListener('click', () => vscode.postMessage({ type: 'openResults' }));
  const cards = h('div', { class: 'cards' },
    card('records', fmt(s.records), `${fmt(s.answered)} answered${s.cancelled ? ' · cancelled' : ''}`),
    card('final-answer accuracy', pct(s.finalAnswerAccuracy), s.finalAnswerCompared ? `${fmt(s.finalAnswerMatches)} of ${fmt(s.finalAnswerCompared)} match` : 'no final answers to compare', s.finalAnswerAccuracy === null ? '' : 'accent'),
    card('exact match', pct(s.exactMatch), `${fmt(s.exactMatches)} identical answers`),
    card('latency', ms(s.meanLatencyMs), `p50 ${ms(s.p50LatencyMs)} · p95 ${ms(s.p95LatencyMs)}`),
    card('tokens', fmt(s.tokens.prompt + s.tokens.completion), `${fmt(s.tokens.prompt)} prompt · ${fmt(s.tokens.completion)} answer${s.tokens.estimated ? ' (estimated)' : ''}`),
    card('errors', fmt(s.errors), Object.entries(s.errorKinds).map(([k, n]) => `${k} ${n}`).join(' · ') || 'none', s.errors ? 'bad' : ''),
  );
  const rows = m.issues.map((i) => {
    const go = h('button', { class: 'link', type: 'button', title: `Show line ${i.record}` }, `line ${i.record}`);
    go.addEventListener('click', () => vscode.postMessage({ type: 'openRecord', record: i.record }));
    const what = i.kind === 'error' ? h('span', { class: 'bad' }, icon('error'), ' error') : i.kind === 'mismatch' ? h('span', { class: 'warn' }, icon('close'), ' wrong answer') : h('span', { class: 'warn' }, icon('question'), ' no final answer');
    return h('tr', {}, h('td', {}, go), h('td', {}, what), h('td', {}, i.kind === 'error' ? '' : i.dataset ?? '—'), h('td', {}, i.kind === 'error' ? i.message ?? '' : i.model ?? '—'));
  });
  const table = m.issues.length
    ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'record'), h('th', {}, 'problem'), h('th', {}, 'dataset answer'), h('th', {}, 'model answer / message'))), h('tbody', {}, ...rows))
    : h('p', { class: 'ok' }, icon('pass'), ' Every answered record matches, and nothing failed.');
  app.replaceChildren(
    h('header', {}, h('h1', {}, `Evaluation of ${m.file}`), h('div', { class: 'meta' }, `${m.scope} · ${m.model}`), h('div', { class: 'meta' }, 'Results: ', open)),
    cards,
    h('section', {}, h('h2', {}, 'Records worth a look'), table, ...(m.moreIssues ? [h('p', { class: 'meta' }, `… and ${fmt(m.moreIssues)} more in the results file.`)] : [])),
  );
}

window.addEventListener('message', (e: MessageEvent<EvalSummaryToView>) => {
  if (e.data?.type === 'summary') show(e.data);
});
vscode.postMessage({ type: 'ready' });
