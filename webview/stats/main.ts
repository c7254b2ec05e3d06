/** Statistics view: cards and charts drawn as inline SVG/HTML with the theme's chart colours. */
import type { StatsFromView, StatsToView } from '../../src/protocol/stats';
import type { DatasetStats, Histogram } from '../../src/core/stats/stats';

declare function acquireVsCodeApi(): { postMessage(m: StatsFromView): void; setState(s: unknown): void; getState(): unknown };
const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const fmt = (n: number) => n.toLocaleString('en-US');
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const COLOURS = ['var(--vscode-charts-blue)', 'var(--vscode-charts-orange)', 'var(--vscode-charts-green)', 'var(--vscode-charts-purple)', 'var(--vscode-charts-red)', 'var(--vscode-charts-yellow)'];

function card(label: string, value: string, hint = ''): string {
  return `<div class="card" role="group" aria-label="${esc(label)}"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div>${hint ? `<div class="hint">${esc(hint)}</div>` : ''}</div>`;
}

function bars(title: string, rows: { name: string; count: number }[], colour = COLOURS[0]): string {
  if (!rows.length) return '';
  const max = Math.max(...rows.map((r) => r.count));
  return `<section><h2>${esc(title)}</h2><div class="bars">${rows.map((r) => `<div class="bar-row" title="${esc(r.name)}: ${fmt(r.count)}"><span class="bar-label">${esc(r.name)}</span><span class="bar-track"><span class="bar" style="width:${(100 * r.count) / max}%;background:${colour}"></span></span><span class="bar-value">${fmt(r.count)}</span></div>`).join('')}</div></section>`;
}

function histogram(title: string, h: Histogram, colour: string, unit: string, extra = ''): string {
  const max = Math.max(1, ...h.counts);
  const w = 28;
  const height = 110;
  const labels = h.counts.map((_, i) => (i === 0 ? `≤${h.bounds[0]}` : i < h.bounds.length ? `≤${h.bounds[i]}` : `>${h.bounds[h.bounds.length - 1]}`));
  const cols = h.counts.map((c, i) => {
    const bh = Math.round((c / max) * height);
    return `<g><title>${labels[i]} ${unit}: ${fmt(c)}</title><rect x="${i * (w + 6)}" y="${height - bh}" width="${w}" height="${bh}" rx="2" fill="${colour}"></rect><text x="${i * (w + 6) + w / 2}" y="${height + 14}" text-anchor="middle">${labels[i]}</text></g>`;
  }).join('');
  return `<section class="hist"><h2>${esc(title)}</h2>${extra ? `<div class="hint">${esc(extra)}</div>` : ''}<svg role="img" aria-label="${esc(title)}" width="${h.counts.length * (w + 6)}" height="${height + 20}">${cols}</svg></section>`;
}

function render(file: string, s: DatasetStats): void {
  const roles = Object.entries(s.lengths);
  root.innerHTML = `
    <header><h1>${esc(file)}</h1><span class="format">${esc(s.format ?? 'unknown format')}</span></header>
    <div class="cards">
      ${card('records', fmt(s.records))}
      ${card('≈ tokens', fmt(s.tokens.total), 'characters / 4')}
      ${card('exact duplicates', fmt(s.duplicates), s.records ? `${((100 * s.duplicates) / s.records).toFixed(1)} % of records` : '')}
      ${card('invalid lines', fmt(s.invalid))}
    </div>
    <div class="grid">
      ${roles.map(([role, h], i) => histogram(`${role} length`, h, COLOURS[i % COLOURS.length], 'tokens', `median ${fmt(h.median)} · max ${fmt(h.max)} tokens`)).join('')}
      ${s.turns.counts.some((c) => c) ? histogram('turns per conversation', s.turns, COLOURS[3], 'turns') : ''}
    </div>
    ${bars('categories', s.categories, COLOURS[1])}
    ${bars('turns by role', s.roles.map((r) => ({ name: r.role, count: r.count })), COLOURS[2])}
    ${bars('≈ tokens by role', Object.entries(s.tokens.byRole).map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count), COLOURS[0])}
  `;
}

window.addEventListener('message', (e: MessageEvent<StatsToView>) => {
  if (e.data?.type === 'stats') {
    vscode.setState(e.data);
    render(e.data.file, e.data.stats);
  }
});
const saved = vscode.getState() as StatsToView | undefined;
if (saved?.type === 'stats') render(saved.file, saved.stats);
vscode.postMessage({ type: 'ready' });
