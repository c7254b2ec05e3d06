/**
 * `instruct-studio report --format html`: one self-contained page (no scripts, no network) with the charts
 * rendered to SVG in Node by vega (View#toSVG) from the Vega-Lite specs in core/report/charts.ts.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { reportCharts, LIGHT_THEME } from '../../core/report/charts';
import type { DatasetReport } from '../../core/report/types';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const fmt = (n: number) => n.toLocaleString('en-US');

export async function chartSvg(spec: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function table(head: string[], rows: (string | number)[][]): string {
  if (!rows.length) return '<p class="none">none</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${esc(typeof c === 'number' ? fmt(c) : c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

async function section(r: DatasetReport, shownPath: string): Promise<string> {
  const charts = reportCharts(r, LIGHT_THEME);
  const svg = new Map<string, string>();
  for (const c of charts) svg.set(c.id, await chartSvg(c.spec));
  const fig = (id: string) => {
    const c = charts.find((x) => x.id === id);
    return c ? `<figure><figcaption>${esc(c.title)}</figcaption>${svg.get(id)}</figure>` : '';
  };
  const d = r.diversity;
  const cards = [
    ['records', fmt(r.records)],
    ['distinct-1 / distinct-2', `${d.distinct1} / ${d.distinct2}`],
    ['near-duplicate records', fmt(d.nearDuplicates.records)],
    ['languages', fmt(r.languages.length)],
    ['tic and refusal matches', fmt(r.artifacts.reduce((n, a) => n + a.count, 0))],
    ['leaked evaluation items', r.contamination.length ? fmt(r.contamination.reduce((n, c) => n + c.exact + c.ngram, 0)) : '–'],
  ];
  return `<section class="file"><h1>${esc(shownPath)}</h1><p class="meta">format ${esc(r.format ?? 'unknown')}${r.invalid ? ` · ${fmt(r.invalid)} lines are not valid JSON (first: line ${r.invalidLines.join(', ')})` : ''}</p>
<div class="cards">${cards.map(([k, v]) => `<div class="card"><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`).join('')}</div>
<h2>How varied are the instructions?</h2>
<p>Root verbs of ${fmt(d.verbSample.parsed)} of ${fmt(d.verbSample.prompts)} prompts (seeded random sample), with their most frequent objects; questions count under their question word.</p>
<div class="row">${fig('verbs')}<div>${table(['verb', 'prompts', 'top objects'], d.topVerbs.slice(0, 12).map((v) => [v.verb, v.count, v.nouns.map((n) => n.noun).join(', ')]))}</div></div>
<h3>Near-duplicate clusters (MinHash ≥ ${d.nearDuplicates.threshold})</h3>${table(['size', 'lines', 'prompt'], d.nearDuplicates.largest.map((c) => [c.size, c.lines.slice(0, 10).join(', '), c.prompt]))}
<h2>What dominates?</h2><div class="row">${fig('categories')}${fig('languages')}</div><div class="row">${fig('lengths')}${fig('turns')}</div>
${r.lengthOutliers.length ? `<h3>Categories with much shorter or longer responses</h3>${table(['category', 'records', 'median ≈ tokens', 'overall median', 'ratio'], r.lengthOutliers.map((o) => [o.category, o.records, o.medianTokens, o.overallMedian, `${o.ratio}×`]))}` : ''}
<h2>Model tics, refusals and bias signals</h2><div class="row">${fig('artifacts')}${fig('demographics')}</div>
${table(['pattern', 'records', 'examples'], r.artifacts.filter((a) => a.count).map((a) => [a.pattern, a.count, a.examples.slice(0, 3).map((e) => `line ${e.line}: ${e.text}`).join('  ·  ')]))}
<p class="caveat">${esc(r.demographics.caveat)}${r.demographics.genderRatio !== undefined ? ` Masculine : feminine words = ${r.demographics.genderRatio} : 1.` : ''}</p>
<h2>What leaked from evaluation sets?</h2>${r.contamination.length ? fig('contamination') + r.contamination.map((c) => `<h3>${esc(c.evalFile)}: ${fmt(c.exact)} same prompts, ${fmt(c.ngram)} shared 13-word sequences</h3>${table(['training line', 'eval line', 'match', 'prompt'], c.pairs.map((p) => [p.line, p.evalLine, p.kind === 'exact' ? 'same prompt' : '13-gram', p.text]))}`).join('') : '<p class="none">No evaluation files given (--eval FILE, or evalFiles in .instructlint.jsonc).</p>'}
</section>`;
}

export async function reportHtml(reports: { report: DatasetReport; path: string }[]): Promise<string> {
  const body = (await Promise.all(reports.map((r) => section(r.report, r.path)))).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Dataset report</title><style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#fff;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:20px;margin:0}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #d1d9e0;padding-bottom:4px}h3{font-size:14px}
.meta,.caveat,.none{color:#59636e}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{border:1px solid #d1d9e0;border-radius:6px;padding:8px 14px;min-width:130px}
.card .v{font-size:20px;font-weight:600}.card .k{color:#59636e;font-size:12px}.row{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}table{border-collapse:collapse;margin:8px 0;font-size:13px}
th,td{border:1px solid #d1d9e0;padding:3px 8px;text-align:left;vertical-align:top;max-width:520px}td.n{text-align:right;font-variant-numeric:tabular-nums}
</style></head><body>${body}</body></html>
`;
}
