/**
 * Dataset report view: cards, Vega-Lite charts (vega-embed, SVG renderer, CSP-safe expression interpreter — no
 * 'unsafe-eval'), tables, and artefact / contamination examples that open their record in the text editor.
 * Themed from VS Code's CSS variables (re-rendered when the theme changes); state restored with getState/setState.
 */
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { reportCharts, type ChartTheme } from '../../src/core/report/charts';
import type { DatasetReport } from '../../src/core/report/types';
import type { ReportFromView, ReportToView, ReportViewState } from '../../src/protocol/report';

declare function acquireVsCodeApi(): { postMessage(m: ReportFromView): void; setState(s: ReportViewState): void; getState(): ReportViewState | undefined };
const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const fmt = (n: number) => n.toLocaleString('en-US');
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '–');

let current: ReportViewState | undefined = vscode.getState();

function theme(): ChartTheme {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const fg = v('--vscode-foreground', '#cccccc');
  return {
    foreground: fg,
    muted: v('--vscode-descriptionForeground', fg),
    grid: v('--vscode-editorWidget-border', v('--vscode-panel-border', '#80808040')),
    background: 'transparent',
    palette: ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((c) => v(`--vscode-charts-${c}`, '#3794ff')).concat([v('--vscode-terminal-ansiCyan', '#11a8cd'), v('--vscode-terminal-ansiMagenta', '#bc3fbc')]),
    font: v('--vscode-font-family', 'sans-serif'),
  };
}

function card(label: string, value: string, hint = ''): string {
  return `<div class="card" role="group" aria-label="${esc(label)}"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div>${hint ? `<div class="hint">${esc(hint)}</div>` : ''}</div>`;
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const lineLink = (line: number, label = `line ${line}`) => `<a href="#" class="record-link" data-line="${line}" title="Open line ${line} in the text editor">${esc(label)}</a>`;

function render(file: string, r: DatasetReport, seconds?: number): void {
  const d = r.diversity;
  const leaked = r.contamination.reduce((n, c) => n + c.exact + c.ngram, 0);
  const tics = r.artifacts.filter((a) => a.count > 0);
  const charts = reportCharts(r, theme());
  const slot = (id: string) => (charts.some((c) => c.id === id) ? `<figure class="chart" data-chart="${id}" aria-label="${esc(charts.find((c) => c.id === id)!.title)}"><figcaption>${esc(charts.find((c) => c.id === id)!.title)}</figcaption><div class="vega"></div></figure>` : '');
  root.innerHTML = `
  <header><h1>${esc(file)}</h1><span class="format">${esc(r.format ?? 'unknown format')}</span>${seconds !== undefined ? `<span class="hint">computed in ${seconds.toFixed(1)} s; updates on save</span>` : ''}</header>
  ${r.invalid ? `<p class="warning">${fmt(r.invalid)} line${r.invalid === 1 ? ' is' : 's are'} not valid JSON and left out: ${r.invalidLines.map((l) => lineLink(l)).join(', ')}</p>` : ''}
  <div class="cards">
    ${card('records', fmt(r.records))}
    ${card('distinct-1 / distinct-2', `${d.distinct1} / ${d.distinct2}`, 'distinct words / word pairs in prompts')}
    ${card('near-duplicate prompts', fmt(d.nearDuplicates.records), `${fmt(d.nearDuplicates.clusters)} clusters`)}
    ${card('languages', fmt(r.languages.length), r.languages[0] ? `${r.languages[0].lang} ${pct(r.languages[0].count, r.records)}` : '')}
    ${card('tic and refusal matches', fmt(tics.reduce((n, a) => n + a.count, 0)))}
    ${card('leaked evaluation items', r.contamination.length ? fmt(leaked) : '–', r.contamination.length ? '' : 'set evalFiles in .instructlint.jsonc')}
  </div>
  <h2>How varied are the instructions?</h2>
  <p class="hint">Root verbs of ${fmt(d.verbSample.parsed)} of ${fmt(d.verbSample.prompts)} prompts (seeded random sample) with their most frequent objects; questions count under their question word.</p>
  <div class="grid">${slot('verbs')}<div>${table(['verb', 'prompts', 'top objects'], d.topVerbs.slice(0, 12).map((v) => [esc(v.verb), fmt(v.count), esc(v.nouns.map((n) => n.noun).join(', '))]))}</div></div>
  ${d.nearDuplicates.largest.length ? `<h3>Near-duplicate clusters (MinHash ≥ ${d.nearDuplicates.threshold})</h3>${table(['size', 'lines', 'prompt'], d.nearDuplicates.largest.map((c) => [fmt(c.size), c.lines.slice(0, 8).map((l) => lineLink(l, String(l))).join(', '), esc(c.prompt)]))}` : ''}
  <h2>What dominates?</h2>
  <div class="grid">${slot('categories')}${slot('languages')}</div>
  <div class="grid">${slot('lengths')}${slot('turns')}</div>
  ${r.lengthOutliers.length ? `<h3>Categories with much shorter or longer responses</h3>${table(['category', 'records', 'median ≈ tokens', 'ratio to all'], r.lengthOutliers.map((o) => [esc(o.category), fmt(o.records), fmt(o.medianTokens), `${o.ratio}×`]))}` : ''}
  <h2>Model tics, refusals and bias signals</h2>
  <div class="grid">${slot('artifacts')}${slot('demographics')}</div>
  <section class="artifacts" aria-label="artefact examples">${tics.length ? tics.map((a) => `<details><summary><span class="kind ${a.kind}">${a.kind}</span> ${esc(a.pattern)} <span class="count">${fmt(a.count)}</span></summary><ul>${a.examples.map((e) => `<li>${lineLink(e.line)} <span class="excerpt">${esc(e.text)}</span></li>`).join('')}</ul></details>`).join('') : '<p class="hint">No refusals or model tics found.</p>'}</section>
  <p class="hint">${esc(r.demographics.caveat)}${r.demographics.genderRatio !== undefined ? ` Masculine : feminine words = ${r.demographics.genderRatio} : 1.` : ''}</p>
  <h2>What leaked from evaluation sets?</h2>
  ${r.contamination.length ? slot('contamination') + r.contamination.map((c) => `<h3>${esc(c.evalFile)}: ${fmt(c.exact)} same prompts, ${fmt(c.ngram)} shared 13-word sequences</h3>${c.pairs.length ? table(['training', 'evaluation', 'match', 'prompt'], c.pairs.map((p) => [lineLink(p.line), `<a href="#" class="eval-link" data-file="${esc(c.evalFile)}" data-line="${p.evalLine}">${esc(`${c.evalFile}:${p.evalLine}`)}</a>`, p.kind === 'exact' ? 'same prompt' : '13-gram', esc(p.text)])) : ''}`).join('') : '<p class="hint">No evaluation files configured: add <code>"evalFiles": ["eval/*.jsonl"]</code> to .instructlint.jsonc.</p>'}`;
  for (const c of charts) {
    const el = root.querySelector<HTMLElement>(`[data-chart="${c.id}"] .vega`);
    if (!el) continue;
    void embed(el, c.spec as never, { renderer: 'svg', actions: false, ast: true, expr: expressionInterpreter, defaultStyle: false, tooltip: { disableDefaultStyle: true } })
      .then(() => el.closest('figure')!.classList.add('rendered'))
      .catch((e: unknown) => (el.textContent = `chart failed: ${e instanceof Error ? e.message : String(e)}`));
  }
}

root.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement).closest('a');
  if (!a) return;
  e.preventDefault();
  const line = Number(a.dataset.line);
  if (a.classList.contains('record-link')) vscode.postMessage({ type: 'openRecord', line });
  else if (a.classList.contains('eval-link')) vscode.postMessage({ type: 'openEvalRecord', evalFile: a.dataset.file!, line });
});

window.addEventListener('message', (e: MessageEvent<ReportToView>) => {
  const m = e.data;
  if (m.type === 'computing') {
    if (!current?.report) root.textContent = `Computing the report of ${m.file}…`;
  } else if (m.type === 'error') {
    root.innerHTML = `<p class="error">${esc(m.message)}</p>`;
  } else if (m.type === 'report') {
    current = { uri: m.uri, file: m.file, report: m.report, seconds: m.seconds };
    vscode.setState(current);
    render(m.file, m.report, m.seconds);
  }
});

// re-render the charts in the new colours when the theme changes (VS Code swaps the body's classes)
new MutationObserver(() => current?.report && render(current.file ?? '', current.report, current.seconds)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

if (current?.report) render(current.file ?? '', current.report, current.seconds);
vscode.postMessage({ type: 'ready' });
