/**
 * The dataset editor's webview: a virtualized record table (fixed row height; only the rows in view plus a
 * margin exist in the DOM, and only those are requested from the host) and a form for the selected record.
 * Every edit is sent to the host as an intent; the document there is the only model, so what this view shows
 * always comes back from the host.
 */
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import css from './editor.css';
import type { Column, DiagnosticView, EditorRequest, FieldSpecView, FilterSpec, HostMessage, RecordView, Row } from '../../src/protocol/editor';

interface VsCodeApi {
  postMessage(m: EditorRequest): void;
  getState(): unknown;
  setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

interface SavedState {
  selected: number;
  scrollTop: number;
  filter: FilterSpec;
}

const ROW_H = 24;
/** Browsers cap an element's height (Chromium near 33.5 M px): past this, the scrollbar maps onto the rows proportionally. */
const MAX_SCROLL_PX = 8_000_000;
const MARGIN = 30;
const CHUNK = 100;
const EDIT_DELAY = 350;

const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const saved = (vscode.getState() ?? undefined) as SavedState | undefined;
const state = {
  columns: [] as Column[],
  rowCount: 0,
  version: 0,
  rows: new Map<number, Row>(),
  requested: new Set<number>(),
  requestId: 0,
  selected: saved?.selected ?? -1,
  /** Index of the selected line in the current view, if known. */
  selectedIndex: -1,
  filter: saved?.filter ?? { query: '', field: '', onlyProblems: false, rule: '' },
  record: undefined as RecordView | undefined,
  formKey: '',
  rules: [] as string[],
  format: '' as string,
};

const send = (m: EditorRequest) => vscode.postMessage(m);
const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
};
const el = (tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
};
const icon = (name: string) => h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });

// ---------------------------------------------------------------------------------------------------------
// layout

const app = document.getElementById('app')!;
const search = el('vscode-textfield', { class: 'search', placeholder: 'Search records', 'aria-label': 'Search records' }) as HTMLElement & { value: string };
search.append(h('span', { slot: 'content-before', class: 'codicon codicon-search', 'aria-hidden': 'true' }));
const fieldSelect = el('vscode-single-select', { 'aria-label': 'Search in field' }) as HTMLElement & { value: string };
const problemsBox = el('vscode-checkbox', { label: 'Only records with problems' }) as HTMLElement & { checked: boolean };
const ruleSelect = el('vscode-single-select', { 'aria-label': 'Filter by rule' }) as HTMLElement & { value: string };
const formatBadge = h('span', { class: 'format', title: 'Detected dataset format' });
const status = h('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
const addButton = el('vscode-toolbar-button', { icon: 'add', label: 'Add record after the selected one', title: 'Add record' });
app.append(h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Search and filter' }, search, fieldSelect, problemsBox, ruleSelect, addButton, formatBadge, status));

const thead = h('div', { class: 'thead', role: 'row' });
const spacer = h('div', { class: 'spacer' });
const rowsEl = h('div', { class: 'rows', role: 'rowgroup' });
const viewport = h('div', { class: 'viewport', tabindex: '0', role: 'grid', 'aria-label': 'Records' }, spacer, rowsEl);
const table = h('div', { class: 'table' }, thead, viewport);
const form = h('div', { class: 'form', role: 'form', 'aria-label': 'Selected record' });
app.append(h('div', { class: 'main' }, table, form));
const notice = h('div', { class: 'notice', role: 'alert', hidden: '' });
document.body.append(notice);

function showError(message: string): void {
  notice.textContent = message;
  notice.hidden = false;
  clearTimeout((showError as { t?: number }).t);
  (showError as { t?: number }).t = window.setTimeout(() => (notice.hidden = true), 6000);
}

function saveState(): void {
  vscode.setState({ selected: state.selected, scrollTop: viewport.scrollTop, filter: state.filter } satisfies SavedState);
}

function setOptions(select: HTMLElement & { value: string }, options: [string, string][], value: string): void {
  select.replaceChildren(...options.map(([v, label]) => {
    const o = el('vscode-option', { value: v }, label);
    if (v === value) o.setAttribute('selected', '');
    return o;
  }));
  select.value = value;
}

// ---------------------------------------------------------------------------------------------------------
// table

function setColumns(cols: Column[]): void {
  state.columns = cols;
  setTemplate();
  thead.replaceChildren(h('div', { class: 'num', role: 'columnheader' }, 'Line'), h('div', { role: 'columnheader', 'aria-label': 'Problems' }, icon('warning')), ...cols.map((c) => h('div', { role: 'columnheader', title: c.label }, c.label)));
  viewport.setAttribute('aria-colcount', String(cols.length + 2));
  setOptions(fieldSelect, [['', 'All fields'], ...cols.map((c): [string, string] => [c.id, c.label])], state.filter.field);
}

/** Grid columns: the line-number column fits the largest line number. */
function setTemplate(): void {
  const digits = String(Math.max(1, state.rowCount)).length;
  const num = `${Math.max(56, 16 + digits * 8)}px`;
  table.style.setProperty('--cols', [num, '52px', ...state.columns.map((c) => (c.id.endsWith('#count') ? '60px' : 'minmax(80px, 1fr)'))].join(' '));
}

function setRules(rules: string[]): void {
  state.rules = rules;
  if (state.filter.rule && !rules.includes(state.filter.rule)) rules = [...rules, state.filter.rule];
  setOptions(ruleSelect, [['', 'Any rule'], ...rules.map((r): [string, string] => [r, r])], state.filter.rule);
}

function setRowCount(n: number): void {
  state.rowCount = n;
  setTemplate();
  spacer.style.height = `${Math.min(n * ROW_H, MAX_SCROLL_PX)}px`;
  viewport.setAttribute('aria-rowcount', String(n));
  updateStatus();
}

function updateStatus(text?: string): void {
  const active = state.filter.query || state.filter.onlyProblems || state.filter.rule;
  status.textContent = text ?? (active ? `${state.rowCount.toLocaleString()} matching` : `${state.rowCount.toLocaleString()} lines`);
}

const scaled = () => state.rowCount * ROW_H > MAX_SCROLL_PX;
const maxScroll = () => Math.max(1, MAX_SCROLL_PX - viewport.clientHeight);
const maxFirst = () => Math.max(0, state.rowCount - viewport.clientHeight / ROW_H);

/** The (fractional) index of the row at the top of the viewport. */
function firstRow(): number {
  return scaled() ? (viewport.scrollTop / maxScroll()) * maxFirst() : viewport.scrollTop / ROW_H;
}

/** Where row `i` is drawn, in the viewport's content coordinates. */
function rowTop(i: number): number {
  return scaled() ? viewport.scrollTop + (i - firstRow()) * ROW_H : i * ROW_H;
}

/** Scrolls so row `index` is in view: to the nearest edge, or (`third`) a third of the way down. */
function scrollToIndex(index: number, third = false): void {
  const top = rowTop(index);
  const inView = top >= viewport.scrollTop && top + ROW_H <= viewport.scrollTop + viewport.clientHeight;
  if (inView) return;
  const wantTop = third ? viewport.clientHeight / 3 : top < viewport.scrollTop ? 0 : viewport.clientHeight - ROW_H;
  if (!scaled()) viewport.scrollTop = Math.max(0, index * ROW_H - wantTop);
  else viewport.scrollTop = Math.max(0, ((index - wantTop / ROW_H) / maxFirst()) * maxScroll());
}

function visibleRange(): [number, number] {
  const first = Math.floor(firstRow());
  const count = Math.ceil(viewport.clientHeight / ROW_H) + 1;
  return [Math.max(0, first - MARGIN), Math.min(state.rowCount, first + count + MARGIN)];
}

function requestRows(): void {
  const [a, b] = visibleRange();
  for (let c = Math.floor(a / CHUNK) * CHUNK; c < b; c += CHUNK) {
    if (state.requested.has(c)) continue;
    let missing = false;
    for (let i = c; i < Math.min(c + CHUNK, state.rowCount); i++) if (!state.rows.has(i)) { missing = true; break; }
    if (!missing) continue;
    state.requested.add(c);
    send({ type: 'getRows', requestId: ++state.requestId, start: c, count: CHUNK });
  }
}

function renderRows(): void {
  const [a, b] = visibleRange();
  const frag = document.createDocumentFragment();
  for (let i = a; i < b; i++) {
    const r = state.rows.get(i);
    const top = `${rowTop(i)}px`;
    const rowEl = h('div', { class: 'row', role: 'row', 'aria-rowindex': String(i + 1) });
    rowEl.style.position = 'absolute';
    rowEl.style.top = top;
    rowEl.style.left = '0';
    rowEl.style.right = '0';
    rowEl.dataset.index = String(i);
    if (!r) {
      rowEl.classList.add('pending');
      rowEl.append(h('div', { class: 'num' }, ''), h('div'), h('div', {}, '…'));
    } else {
      rowEl.id = `row-${r.line}`;
      rowEl.dataset.line = String(r.line);
      rowEl.classList.add(r.kind);
      if (r.line === state.selected) {
        rowEl.classList.add('selected');
        rowEl.setAttribute('aria-selected', 'true');
        state.selectedIndex = i;
      }
      const badges = h('div', { class: 'badges', role: 'gridcell' });
      const p = r.problems;
      const label: string[] = [];
      for (const [n, kind, ic] of [[p.errors, 'error', 'error'], [p.warnings, 'warning', 'warning'], [p.infos, 'info', 'info']] as const) {
        if (!n) continue;
        badges.append(h('span', { class: `badge ${kind}`, title: `${n} ${kind}${n > 1 ? 's' : ''}` }, icon(ic), String(n)));
        label.push(`${n} ${kind}${n > 1 ? 's' : ''}`);
      }
      rowEl.append(h('div', { class: 'num', role: 'rowheader' }, String(r.line + 1)), badges);
      if (r.kind === 'record') {
        r.cells.forEach((c) => rowEl.append(h('div', { role: 'gridcell', title: c.length > 60 ? c.slice(0, 500) : '' }, c)));
      } else {
        const text = r.kind === 'blank' ? 'blank line' : r.kind === 'broken' ? `${r.cells[0]}` : r.cells[0];
        const cell = h('div', { role: 'gridcell', class: 'raw', title: r.error ?? '' }, text);
        cell.style.gridColumn = `3 / span ${Math.max(1, state.columns.length)}`;
        rowEl.append(cell);
        if (r.error) label.push(`invalid JSON: ${r.error}`);
      }
      rowEl.setAttribute('aria-label', `Line ${r.line + 1}${label.length ? ', ' + label.join(', ') : ''}: ${r.cells.join(' | ').slice(0, 200)}`);
    }
    frag.append(rowEl);
  }
  rowsEl.replaceChildren(frag);
  if (state.rowCount === 0) rowsEl.append(h('div', { class: 'empty' }, state.filter.query || state.filter.onlyProblems || state.filter.rule ? 'No record matches the filter.' : 'The file is empty. Add a record with +.'));
  const sel = state.selected >= 0 ? document.getElementById(`row-${state.selected}`) : null;
  if (sel) viewport.setAttribute('aria-activedescendant', sel.id);
  else viewport.removeAttribute('aria-activedescendant');
  requestRows();
}

function resetRows(): void {
  state.rows.clear();
  state.requested.clear();
  renderRows();
}

let scrollFrame = 0;
viewport.addEventListener('scroll', () => {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    renderRows();
    saveState();
  });
});
new ResizeObserver(() => renderRows()).observe(viewport);

function select(index: number, focusTable = true): void {
  if (index < 0 || index >= state.rowCount) return;
  state.selectedIndex = index;
  scrollToIndex(index);
  const r = state.rows.get(index);
  if (r) {
    state.selected = r.line;
    send({ type: 'select', line: r.line });
  } else pendingSelectIndex = index;
  renderRows();
  saveState();
  if (focusTable) viewport.focus();
}
let pendingSelectIndex = -1;

rowsEl.addEventListener('click', (e) => {
  const rowEl = (e.target as HTMLElement).closest<HTMLElement>('.row');
  if (rowEl?.dataset.index) select(Number(rowEl.dataset.index));
});
rowsEl.addEventListener('dblclick', () => focusForm());

viewport.addEventListener('keydown', (e) => {
  const page = Math.max(1, Math.floor(viewport.clientHeight / ROW_H) - 1);
  const cur = state.selectedIndex;
  const moves: Record<string, number> = { ArrowDown: cur + 1, ArrowUp: cur - 1, PageDown: cur + page, PageUp: cur - page, Home: 0, End: state.rowCount - 1 };
  if (e.key in moves) {
    e.preventDefault();
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && state.selected >= 0) {
      send({ type: 'move', line: state.selected, delta: e.key === 'ArrowUp' ? -1 : 1 });
      return;
    }
    select(Math.max(0, Math.min(state.rowCount - 1, cur < 0 ? 0 : moves[e.key])));
  } else if (e.key === 'Enter') {
    e.preventDefault();
    focusForm();
  } else if (e.key === 'Delete' && state.selected >= 0) {
    e.preventDefault();
    send({ type: 'delete', line: state.selected });
  }
});

function focusForm(): void {
  form.querySelector<HTMLElement>('textarea, vscode-single-select')?.focus();
}

// ---------------------------------------------------------------------------------------------------------
// search and filter

let filterTimer = 0;
/** True between a filter the user asked for and its result. */
let filterRequested = false;
function applyFilter(): void {
  clearTimeout(filterTimer);
  filterTimer = window.setTimeout(() => {
    state.filter = { query: search.value ?? '', field: fieldSelect.value ?? '', onlyProblems: !!problemsBox.checked, rule: ruleSelect.value ?? '' };
    saveState();
    updateStatus('Searching…');
    filterRequested = true;
    send({ type: 'filter', filter: state.filter });
  }, 200);
}
search.addEventListener('input', applyFilter);
search.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') send({ type: 'cancelFilter' });
  if (e.key === 'ArrowDown' || e.key === 'Enter') {
    e.preventDefault();
    select(Math.max(0, state.selectedIndex));
  }
});
fieldSelect.addEventListener('change', applyFilter);
problemsBox.addEventListener('change', applyFilter);
ruleSelect.addEventListener('change', applyFilter);
addButton.addEventListener('click', () => send({ type: 'addRecord', after: state.selected >= 0 ? state.selected : state.rowCount - 1 }));

// ---------------------------------------------------------------------------------------------------------
// record form

/** Pending (not yet sent) edits by element; flushed before undo/redo and when leaving a field. */
const pending = new Map<HTMLElement, { timer: number; flush: () => void }>();
function schedule(target: HTMLElement, flush: () => void): void {
  const p = pending.get(target);
  if (p) clearTimeout(p.timer);
  const timer = window.setTimeout(() => {
    pending.delete(target);
    flush();
  }, EDIT_DELAY);
  pending.set(target, { timer, flush });
}
function flushAll(): void {
  for (const [t, p] of [...pending]) {
    clearTimeout(p.timer);
    pending.delete(t);
    p.flush();
  }
}

function autoGrow(t: HTMLTextAreaElement): void {
  t.style.height = 'auto';
  t.style.height = `${t.scrollHeight + 2}px`;
}

function textArea(value: string, label: string, onEdit: (v: string) => void, opts: { mono?: boolean; validate?: (v: string) => string | undefined } = {}): HTMLElement {
  const t = h('textarea', { class: 'text', spellcheck: 'false', 'aria-label': label, rows: '1' });
  t.value = value;
  const err = h('div', { class: 'msg-error', role: 'alert' });
  t.addEventListener('input', () => {
    autoGrow(t);
    const problem = opts.validate?.(t.value);
    err.textContent = problem ?? '';
    t.classList.toggle('invalid', !!problem);
    if (problem) {
      pending.delete(t);
      return;
    }
    schedule(t, () => onEdit(t.value));
  });
  t.addEventListener('blur', () => {
    const p = pending.get(t);
    if (p) {
      clearTimeout(p.timer);
      pending.delete(t);
      p.flush();
    }
  });
  t.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      viewport.focus();
    }
  });
  requestAnimationFrame(() => autoGrow(t));
  const wrap = h('div', {}, t, err);
  return wrap;
}

function diagList(ds: DiagnosticView[]): HTMLElement {
  const box = h('div', { class: 'diags' });
  for (const d of ds) box.append(h('div', { class: `diag ${d.severity}`, role: 'note' }, icon(d.severity === 'info' ? 'info' : d.severity), h('span', {}, d.message, ' ', h('span', { class: 'code' }, d.code))));
  return box;
}

function pointerOf(f: FieldSpecView, ...rest: (string | number)[]): string {
  return f.pointer + rest.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function getAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const seg of pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (v && typeof v === 'object') v = (v as Record<string, unknown>)[seg];
    else return undefined;
  }
  return v;
}

function jsonError(v: string, mustBeObject = false): string | undefined {
  try {
    const parsed: unknown = JSON.parse(v);
    if (mustBeObject && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) return 'Must be a JSON object ({ … }).';
    return undefined;
  } catch (e) {
    return `Not valid JSON: ${(e as Error).message}`;
  }
}

/** Absent optional fields the user chose to add (shown as empty editors until filled). */
const revealed = new Set<string>();
let revealedLine = -1;

function renderForm(rec: RecordView | undefined): void {
  state.record = rec;
  if (rec?.line !== revealedLine) {
    revealed.clear();
    revealedLine = rec?.line ?? -1;
  }
  if (!rec) {
    form.replaceChildren(h('div', { class: 'empty' }, 'Select a record to edit it.'));
    state.formKey = '';
    return;
  }
  const key = `${rec.line}|${rec.kind}|${rec.fields.map((f) => f.pointer + ':' + (Array.isArray(getAt(rec.value, f.pointer)) ? (getAt(rec.value, f.pointer) as unknown[]).length : typeof getAt(rec.value, f.pointer))).join(',')}|${Object.keys(rec.extra).length > 0}|${rec.diagnostics.map((d) => d.pointer + d.code).join(',')}`;
  if (key === state.formKey && form.contains(document.activeElement)) {
    // same structure while the user is in the form: update values in place, never under the caret of a pending edit
    for (const t of form.querySelectorAll<HTMLTextAreaElement>('textarea[data-source]')) {
      if (pending.has(t)) continue;
      const next = sourceText(rec, t.dataset.source!);
      if (next !== undefined && t.value !== next) {
        t.value = next;
        autoGrow(t);
      }
    }
    return;
  }
  state.formKey = key;
  const scroll = form.scrollTop;
  const used = new Set<DiagnosticView>();
  const diagsFor = (pointer: string, exact = false) => {
    const list = rec.diagnostics.filter((d) => !used.has(d) && (exact ? d.pointer === pointer : d.pointer === pointer || d.pointer.startsWith(pointer + '/')));
    list.forEach((d) => used.add(d));
    return diagList(list);
  };
  const head = h('div', { class: 'form-head' }, h('h2', {}, `Line ${(rec.line + 1).toLocaleString('en-US')}`), h('span', { class: 'spacer-flex' }));
  const tool = (ic: string, label: string, on: () => void) => {
    const b = el('vscode-toolbar-button', { icon: ic, label, title: label });
    b.addEventListener('click', on);
    head.append(b);
  };
  tool('go-to-file', 'Show in text editor', () => send({ type: 'showInText', line: rec.line }));
  tool('arrow-up', 'Move record up (Alt+Up)', () => send({ type: 'move', line: rec.line, delta: -1 }));
  tool('arrow-down', 'Move record down (Alt+Down)', () => send({ type: 'move', line: rec.line, delta: 1 }));
  tool('copy', 'Duplicate record', () => send({ type: 'duplicate', line: rec.line }));
  tool('trash', 'Delete record (Delete)', () => send({ type: 'delete', line: rec.line }));
  const body: HTMLElement[] = [head];

  const sourced = (node: HTMLElement, source: string) => {
    node.querySelector('textarea')!.dataset.source = source;
    return node;
  };

  if (rec.kind !== 'record') {
    const what = rec.kind === 'broken' ? 'This line is not valid JSON' : rec.kind === 'blank' ? 'Blank line' : 'This line is a JSON value, not an object';
    body.push(h('div', { class: 'field' }, h('div', { class: 'label' }, 'Raw line', h('span', { class: 'hint' }, what)), rec.error ? h('div', { class: 'msg-error' }, rec.error) : '', diagsFor(''),
      sourced(textArea(rec.text, `Raw text of line ${rec.line + 1}`, (v) => send({ type: 'setLine', line: rec.line, text: v.replace(/\r?\n/g, ' ') }), { mono: true }), '#raw')));
    form.replaceChildren(...body);
    form.scrollTop = scroll;
    return;
  }

  const absent: FieldSpecView[] = [];
  for (const f of rec.fields) {
    const v = getAt(rec.value, f.pointer);
    // absent optional non-text fields are offered as "add" chips instead of empty editors
    if (v === undefined && f.kind !== 'text' && !revealed.has(f.pointer)) {
      absent.push(f);
      continue;
    }
    if (f.kind === 'turns' && Array.isArray(v)) {
      body.push(turnsField(rec, f, v, diagsFor));
      continue;
    }
    const label = h('label', {}, f.label, h('span', { class: 'hint' }, v === undefined ? 'absent' : f.kind === 'text' && typeof v === 'string' ? `${v.length.toLocaleString()} chars` : ''));
    if (f.kind === 'text' && (typeof v === 'string' || v === undefined)) {
      body.push(h('div', { class: 'field' }, label, sourced(textArea(typeof v === 'string' ? v : '', f.label, (t) => send({ type: 'setField', line: rec.line, pointer: f.pointer, value: t })), f.pointer), diagsFor(f.pointer)));
    } else {
      body.push(h('div', { class: 'field' }, label, sourced(textArea(v === undefined ? '' : JSON.stringify(v), `${f.label} (JSON)`, (t) => (t.trim() === '' ? send({ type: 'removeField', line: rec.line, pointer: f.pointer }) : send({ type: 'setField', line: rec.line, pointer: f.pointer, value: JSON.parse(t) as unknown })), { mono: true, validate: (t) => (t.trim() === '' ? undefined : jsonError(t)) }), 'json:' + f.pointer), diagsFor(f.pointer)));
    }
  }
  if (absent.length) {
    const chips = h('div', { class: 'add-fields' }, h('span', { class: 'hint' }, 'Add:'));
    for (const f of absent) {
      const b = el('vscode-button', { secondary: '', icon: 'add', title: `Add the optional field ${f.label}` }, f.label);
      b.addEventListener('click', () => {
        if (f.kind === 'turns') {
          send({ type: 'setField', line: rec.line, pointer: f.pointer, value: [] });
          return;
        }
        revealed.add(f.pointer);
        state.formKey = '';
        renderForm(rec);
        form.querySelector<HTMLTextAreaElement>(`textarea[data-source="json:${f.pointer}"]`)?.focus();
      });
      chips.append(b);
    }
    body.push(chips);
  }
  const extraKeys = Object.keys(rec.extra);
  if (extraKeys.length || !rec.fields.length) {
    body.push(h('div', { class: 'field' }, h('label', {}, rec.fields.length ? 'Other keys' : 'Record', h('span', { class: 'hint' }, 'raw JSON object')),
      sourced(textArea(JSON.stringify(rec.extra, null, 2), 'Other keys as raw JSON', (t) => send({ type: 'setExtra', line: rec.line, extra: JSON.parse(t) as Record<string, unknown> }), { mono: true, validate: (t) => jsonError(t, true) }), '#extra'),
      diagsFor('')));
  }
  const rest = rec.diagnostics.filter((d) => !used.has(d));
  form.replaceChildren(...body);
  if (rest.length) head.after(diagList(rest));
  form.scrollTop = scroll;
}

function sourceText(rec: RecordView, source: string): string | undefined {
  if (source === '#raw') return rec.text;
  if (source === '#extra') return JSON.stringify(rec.extra, null, 2);
  if (source.startsWith('json:')) {
    const v = getAt(rec.value, source.slice(5));
    return v === undefined ? '' : JSON.stringify(v);
  }
  const v = getAt(rec.value, source);
  return typeof v === 'string' ? v : undefined;
}

function turnsField(rec: RecordView, f: FieldSpecView, turns: unknown[], diagsFor: (p: string, exact?: boolean) => HTMLElement): HTMLElement {
  const { roleKey, contentKey, roles } = f.turns ?? { roleKey: 'role', contentKey: 'content', roles: ['system', 'user', 'assistant'] };
  const box = h('div', { class: 'field', role: 'group', 'aria-label': f.label });
  box.append(h('div', { class: 'label' }, f.label, h('span', { class: 'hint' }, `${turns.length} turn${turns.length === 1 ? '' : 's'}`)), diagsFor(f.pointer, true));
  const setTurns = (next: unknown[]) => send({ type: 'setField', line: rec.line, pointer: f.pointer, value: next });
  turns.forEach((turn, i) => {
    const t = (turn && typeof turn === 'object' ? turn : {}) as Record<string, unknown>;
    const role = String(t[roleKey] ?? '');
    const roleSel = el('vscode-single-select', { 'aria-label': `Role of turn ${i + 1}` }) as HTMLElement & { value: string };
    setOptions(roleSel, [...new Set([...roles, role].filter(Boolean))].map((r): [string, string] => [r, r]), role);
    roleSel.addEventListener('change', () => send({ type: 'setField', line: rec.line, pointer: pointerOf(f, i, roleKey), value: roleSel.value }));
    const head = h('div', { class: 'turn-head' }, h('span', { class: 'idx' }, `#${i + 1}`), roleSel, h('span', { class: 'spacer-flex' }));
    const tool = (ic: string, label: string, on: () => void, enabled = true) => {
      const b = el('vscode-toolbar-button', { icon: ic, label, title: label });
      if (!enabled) b.setAttribute('disabled', '');
      b.addEventListener('click', on);
      head.append(b);
    };
    const moved = (a: number, b: number) => {
      const next = [...turns];
      [next[a], next[b]] = [next[b], next[a]];
      setTurns(next);
    };
    tool('arrow-up', `Move turn ${i + 1} up`, () => moved(i, i - 1), i > 0);
    tool('arrow-down', `Move turn ${i + 1} down`, () => moved(i, i + 1), i < turns.length - 1);
    tool('close', `Remove turn ${i + 1}`, () => setTurns(turns.filter((_, j) => j !== i)));
    const content = t[contentKey];
    const editor = typeof content === 'string' || content === undefined
      ? textArea(typeof content === 'string' ? content : '', `Turn ${i + 1} (${role}) content`, (v) => send({ type: 'setField', line: rec.line, pointer: pointerOf(f, i, contentKey), value: v }))
      : textArea(JSON.stringify(content), `Turn ${i + 1} content (JSON)`, (v) => send({ type: 'setField', line: rec.line, pointer: pointerOf(f, i, contentKey), value: JSON.parse(v) as unknown }), { mono: true, validate: (v) => jsonError(v) });
    editor.querySelector('textarea')!.dataset.source = typeof content === 'string' || content === undefined ? pointerOf(f, i, contentKey) : 'json:' + pointerOf(f, i, contentKey);
    box.append(h('div', { class: 'turn' }, head, editor, diagsFor(pointerOf(f, i))));
  });
  const add = el('vscode-button', { secondary: '', icon: 'add' }, 'Add turn');
  add.addEventListener('click', () => {
    const last = turns.length ? String((turns[turns.length - 1] as Record<string, unknown>)?.[roleKey] ?? '') : '';
    const userish = roles.find((r) => /^(user|human)$/i.test(r)) ?? roles[0] ?? 'user';
    const asst = roles.find((r) => /^(assistant|gpt)$/i.test(r)) ?? roles[1] ?? 'assistant';
    setTurns([...turns, { [roleKey]: last === userish ? asst : userish, [contentKey]: '' }]);
  });
  box.append(add);
  return box;
}

// ---------------------------------------------------------------------------------------------------------
// undo/redo go to VS Code (the document's undo stack), never to a textarea's own history

window.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return;
  const k = e.key.toLowerCase();
  const undo = k === 'z' && !e.shiftKey;
  const redo = (k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey && !e.metaKey);
  if (!undo && !redo) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  flushAll();
  send({ type: undo ? 'undo' : 'redo' });
}, true);

// ---------------------------------------------------------------------------------------------------------
// messages from the host

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  switch (m.type) {
    case 'init':
      state.version = m.version;
      formatBadge.textContent = m.format ? m.format.label : 'Unknown format';
      formatBadge.title = m.format ? `Detected format: ${m.format.label}` : 'No known dataset format detected: records are shown as raw JSON';
      setColumns(m.columns);
      setRules(m.rules);
      setRowCount(m.rowCount);
      search.value = state.filter.query;
      problemsBox.checked = state.filter.onlyProblems;
      if (state.filter.query || state.filter.onlyProblems || state.filter.rule) send({ type: 'filter', filter: state.filter });
      if (saved) viewport.scrollTop = saved.scrollTop;
      resetRows();
      if (state.selected >= 0 && state.selected < m.lineCount) send({ type: 'select', line: state.selected });
      else renderForm(undefined);
      break;
    case 'rows': {
      state.requested.delete(m.start);
      if (m.version !== state.version) state.version = m.version;
      m.rows.forEach((r, i) => state.rows.set(m.start + i, r));
      if (pendingSelectIndex >= 0 && state.rows.has(pendingSelectIndex)) {
        const i = pendingSelectIndex;
        pendingSelectIndex = -1;
        select(i, false);
      }
      renderRows();
      break;
    }
    case 'changed':
      state.version = m.version;
      setRules(m.rules);
      setRowCount(m.rowCount);
      resetRows();
      break;
    case 'record':
      if (m.record.line !== state.selected) {
        state.selected = m.record.line;
        saveState();
      }
      renderForm(m.record);
      renderRows();
      break;
    case 'reveal':
      state.selected = m.line;
      if (m.index >= 0) {
        state.selectedIndex = m.index;
        scrollToIndex(m.index, true);
      }
      saveState();
      renderRows();
      break;
    case 'filterProgress':
      updateStatus(`Searching… ${Math.round((100 * m.done) / Math.max(1, m.total))}%`);
      break;
    case 'filterDone':
      setRowCount(m.rowCount);
      if (m.cancelled) updateStatus('Search cancelled');
      // a new search starts at the top; a re-run after an edit keeps the place
      if (filterRequested) viewport.scrollTop = 0;
      filterRequested = false;
      resetRows();
      break;
    case 'error':
      showError(m.message);
      break;
  }
});

renderForm(undefined);
send({ type: 'ready' });
