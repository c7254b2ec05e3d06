/**
 * Vega-Lite specifications of the report's charts, built from a DatasetReport. Shared by the HTML report (rendered
 * to SVG in Node with vega's View#toSVG) and the VS Code webview (vega-embed with the CSP-safe interpreter).
 * Pure data: no vega import here. Colours come from `theme` so the webview can pass VS Code's.
 */
import type { DatasetReport } from './types';

export interface ChartTheme {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  palette: string[];
  font: string;
}

export const LIGHT_THEME: ChartTheme = {
  foreground: '#1f2328',
  muted: '#59636e',
  grid: '#d1d9e0',
  background: '#ffffff',
  palette: ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#d62728', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'],
  font: 'system-ui, -apple-system, Segoe UI, sans-serif',
};

export interface Chart {
  id: 'verbs' | 'categories' | 'languages' | 'lengths' | 'turns' | 'artifacts' | 'demographics' | 'contamination';
  title: string;
  /** A Vega-Lite v5 specification. */
  spec: Record<string, unknown>;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

function config(t: ChartTheme): Record<string, unknown> {
  return {
    background: t.background,
    font: t.font,
    view: { stroke: null },
    axis: { labelColor: t.muted, titleColor: t.foreground, gridColor: t.grid, domainColor: t.grid, tickColor: t.grid, labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
    legend: { labelColor: t.foreground, titleColor: t.foreground, labelFontSize: 11, titleFontSize: 11 },
    title: { color: t.foreground, fontSize: 13, anchor: 'start' },
    text: { color: t.foreground },
    range: { category: t.palette },
  };
}

/** The common head of a spec: schema, themed config, size and inline data. */
function base(t: ChartTheme, width: number, height: number | { step: number }, values: unknown[]): Record<string, unknown> {
  return { $schema: SCHEMA, config: config(t), width, height, data: { values } };
}

function hbar(rows: { name: string; count: number }[], xTitle: string, t: ChartTheme, colour = t.palette[0]): Record<string, unknown> {
  return {
    ...base(t, 280, { step: 18 }, rows),
    mark: { type: 'bar', color: colour, cornerRadiusEnd: 2, tooltip: true },
    encoding: {
      y: { field: 'name', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 220 } },
      x: { field: 'count', type: 'quantitative', title: xTitle },
    },
  };
}

/**
 * Verb–noun sunburst (Self-Instruct, Figure 2): inner ring the top root verbs, outer ring each verb's top objects.
 * Angles are computed here (radians) so both rings line up exactly.
 */
function sunburst(r: DatasetReport, t: ChartTheme): Record<string, unknown> {
  const verbs = r.diversity.topVerbs;
  const total = verbs.reduce((n, v) => n + v.count, 0) || 1;
  const rows: Record<string, unknown>[] = [];
  let a = 0;
  verbs.forEach((v, i) => {
    const span = (v.count / total) * 2 * Math.PI;
    rows.push({ ring: 'verb', label: v.verb, verb: v.verb, count: v.count, t0: a, t1: a + span, r0: 40, r1: 120, colour: i % t.palette.length, mid: a + span / 2, show: span > 0.2 });
    let b = a;
    for (const n of v.nouns) {
      const s = (n.count / total) * 2 * Math.PI;
      rows.push({ ring: 'noun', label: n.noun, verb: v.verb, count: n.count, t0: b, t1: b + s, r0: 122, r1: 200, colour: i % t.palette.length, mid: b + s / 2, show: s > 0.07 });
      b += s;
    }
    // the verb's prompts whose object is not among its top ones, or that have none
    if (a + span - b > 1e-6) rows.push({ ring: 'other', label: 'other', verb: v.verb, count: v.count - v.nouns.reduce((n, x) => n + x.count, 0), t0: b, t1: a + span, r0: 122, r1: 200, colour: i % t.palette.length, mid: (b + a + span) / 2, show: false });
    a += span;
  });
  const enc = {
    theta: { field: 't0', type: 'quantitative', scale: null },
    theta2: { field: 't1' },
    radius: { field: 'r0', type: 'quantitative', scale: null },
    radius2: { field: 'r1' },
  };
  return {
    ...base(t, 420, 420, rows),
    layer: [
      {
        mark: { type: 'arc', stroke: t.background, strokeWidth: 1, tooltip: true },
        encoding: {
          ...enc,
          color: { field: 'colour', type: 'nominal', scale: { range: t.palette }, legend: null },
          opacity: { condition: [{ test: "datum.ring === 'verb'", value: 1 }, { test: "datum.ring === 'other'", value: 0.15 }], value: 0.6 },
          tooltip: [{ field: 'verb', title: 'verb' }, { field: 'label', title: 'word' }, { field: 'count', title: 'prompts' }],
        },
      },
      {
        transform: [{ filter: 'datum.show' }, { calculate: '(datum.r0 + datum.r1) / 2', as: 'rm' }],
        mark: { type: 'text', fontSize: 10, color: t.foreground },
        encoding: { theta: { field: 'mid', type: 'quantitative', scale: null }, radius: { field: 'rm', type: 'quantitative', scale: null }, text: { field: 'label' } },
      },
    ],
  };
}

function histograms(r: DatasetReport, t: ChartTheme): Record<string, unknown> | undefined {
  const rows: { role: string; bin: string; order: number; count: number }[] = [];
  for (const [role, h] of Object.entries(r.lengths)) {
    h.counts.forEach((count, i) => {
      const bin = i < h.bounds.length ? `≤${h.bounds[i]}` : `>${h.bounds[h.bounds.length - 1]}`;
      rows.push({ role, bin, order: i, count });
    });
  }
  if (!rows.length) return undefined;
  return {
    ...base(t, 360, 160, rows),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'bin', type: 'ordinal', sort: { field: 'order' }, title: '≈ tokens (characters / 4)', axis: { labelAngle: 0 } },
      xOffset: { field: 'role' },
      y: { field: 'count', type: 'quantitative', title: 'records' },
      color: { field: 'role', type: 'nominal', title: 'text role' },
    },
  };
}

export function reportCharts(r: DatasetReport, t: ChartTheme = LIGHT_THEME): Chart[] {
  const out: Chart[] = [];
  if (r.diversity.topVerbs.length) out.push({ id: 'verbs', title: 'Root verbs and their objects', spec: sunburst(r, t) });
  if (r.categories.length) out.push({ id: 'categories', title: `Categories (${r.categoryField ?? 'category'})`, spec: hbar(r.categories.map((c) => ({ name: c.category, count: c.count })), 'records', t) });
  if (r.languages.length) out.push({ id: 'languages', title: 'Languages of the prompts', spec: hbar(r.languages.map((l) => ({ name: l.lang, count: l.count })), 'records', t, t.palette[2]) });
  const h = histograms(r, t);
  if (h) out.push({ id: 'lengths', title: 'Lengths per text role', spec: h });
  if (r.turns) {
    const rows = r.turns.counts.map((count, i) => ({ name: i < r.turns!.bounds.length ? `≤${r.turns!.bounds[i]}` : `>${r.turns!.bounds[r.turns!.bounds.length - 1]}`, order: i, count }));
    out.push({ id: 'turns', title: 'Turns per conversation', spec: { ...base(t, 360, 140, rows), mark: { type: 'bar', color: t.palette[3], tooltip: true }, encoding: { x: { field: 'name', type: 'ordinal', sort: { field: 'order' }, title: 'turns', axis: { labelAngle: 0 } }, y: { field: 'count', type: 'quantitative', title: 'conversations' } } } });
  }
  const found = r.artifacts.filter((a) => a.count > 0);
  if (found.length) {
    out.push({ id: 'artifacts', title: 'Refusals and model tics in responses', spec: { ...hbar(found.map((a) => ({ name: a.pattern, count: a.count, kind: a.kind })), 'records', t), mark: { type: 'bar', cornerRadiusEnd: 2, tooltip: true }, encoding: { y: { field: 'name', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 200 } }, x: { field: 'count', type: 'quantitative', title: 'records' }, color: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['refusal', 'tic'], range: [t.palette[4], t.palette[1]] } } } } });
  }
  const demo = r.demographics.groups.flatMap((g) => g.members.filter((m) => m.count > 0).map((m) => ({ group: g.name, name: m.group, count: m.count })));
  if (demo.length) {
    out.push({ id: 'demographics', title: 'Demographic words (counts, not verdicts)', spec: { $schema: SCHEMA, config: config(t), data: { values: demo }, facet: { row: { field: 'group', type: 'nominal', title: null, header: { labelColor: t.foreground, labelAngle: 0, labelAlign: 'left' } } }, resolve: { scale: { y: 'independent' } }, spec: { width: 300, height: { step: 16 }, mark: { type: 'bar', tooltip: true }, encoding: { y: { field: 'name', type: 'nominal', sort: '-x', title: null }, x: { field: 'count', type: 'quantitative', title: 'occurrences' }, color: { field: 'group', type: 'nominal', legend: null } } } } });
  }
  if (r.contamination.length) {
    const rows = r.contamination.flatMap((c) => [{ name: c.evalFile, kind: 'same prompt', count: c.exact }, { name: c.evalFile, kind: 'shared 13-gram', count: c.ngram }]);
    out.push({ id: 'contamination', title: 'Training records that leak evaluation items', spec: { ...hbar(rows, 'training records', t), mark: { type: 'bar', tooltip: true }, encoding: { y: { field: 'name', type: 'nominal', title: null, axis: { labelLimit: 260 } }, x: { field: 'count', type: 'quantitative', title: 'training records', stack: true }, color: { field: 'kind', type: 'nominal', title: null, scale: { range: [t.palette[4], t.palette[1]] } } } } });
  }
  return out;
}
