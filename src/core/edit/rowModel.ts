/**
 * The dataset editor's view of a document's lines, computed on demand: nothing is parsed up front. A row is
 * parsed (JSON.parse) only when it is shown, selected or searched, through a small bounded cache keyed by the
 * line's text, so a 1 M-line file opens as fast as its first screen. Pure: the host passes a `LineSource`
 * (VS Code's TextDocument, or an array in tests and benchmarks).
 */
import type { FieldSpec, Format } from '../types';
import type { Column, Row, RowKind } from '../../protocol/editor';
import { detectFormat } from '../formats/detect';
import { getFormat } from '../formats/registry';
import { parsePointer } from './editRecord';

export interface LineSource {
  readonly lineCount: number;
  lineText(line: number): string;
}

export type Parsed = { kind: 'record' | 'value'; value: unknown } | { kind: 'blank' } | { kind: 'broken'; error: string };

const CELL_MAX = 240;
const CACHE_MAX = 4096;
const USER = /^(user|human|prompter|question)$/i;
const ASSISTANT = /^(assistant|gpt|model|bot|chatgpt|bing|answer)$/i;

/** One column of the table: a text field, or a view of a turns field. */
interface ColumnSpec extends Column {
  cell(value: unknown): string;
}

export function clip(text: string, max = CELL_MAX): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/\t/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

export function valueAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const seg of parsePointer(pointer)) {
    if (Array.isArray(v)) v = v[Number(seg)];
    else if (v && typeof v === 'object') v = (v as Record<string, unknown>)[seg];
    else return undefined;
  }
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return clip(v);
  return clip(JSON.stringify(v) ?? '');
}

function turnText(turn: unknown, contentKey: string): string {
  const c = turn && typeof turn === 'object' ? (turn as Record<string, unknown>)[contentKey] : undefined;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((p) => (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join(' ');
  return c === undefined || c === null ? '' : JSON.stringify(c);
}

function columnsFor(fields: FieldSpec[]): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  for (const f of fields) {
    if (f.kind === 'turns') {
      const { roleKey, contentKey } = f.turns ?? { roleKey: 'role', contentKey: 'content' };
      const turns = (v: unknown) => (Array.isArray(valueAt(v, f.pointer)) ? (valueAt(v, f.pointer) as unknown[]) : undefined);
      const roleOf = (t: unknown) => String(t && typeof t === 'object' ? (t as Record<string, unknown>)[roleKey] : '');
      out.push({ id: f.pointer + '#user', label: 'First user turn', cell: (v) => clip(turnText(turns(v)?.find((t) => USER.test(roleOf(t))), contentKey)) });
      out.push({ id: f.pointer + '#assistant', label: 'Last assistant turn', cell: (v) => clip(turnText([...(turns(v) ?? [])].reverse().find((t) => ASSISTANT.test(roleOf(t))), contentKey)) });
      out.push({ id: f.pointer + '#count', label: 'Turns', cell: (v) => (turns(v) ? String(turns(v)!.length) : '') });
    } else if (f.kind !== 'json') {
      out.push({ id: f.pointer, label: f.label, cell: (v) => show(valueAt(v, f.pointer)) });
    }
  }
  return out;
}

export class RowModel {
  private cache = new Map<number, { text: string; parsed: Parsed }>();
  private readonly format: Format | undefined;
  private readonly cols: ColumnSpec[];

  constructor(private readonly src: LineSource, formatId?: string) {
    const sample = this.sample();
    this.format = formatId ? getFormat(formatId) : detectFormatOf(sample);
    // columns: the format's fields the first records use (its required ones when none does)
    const fields = this.format?.fields ?? [];
    const present = fields.filter((f) => sample.some((r) => valueAt(r, f.pointer) !== undefined));
    const used = present.length ? present : fields.filter((f) => f.required);
    const cols = columnsFor(used);
    this.cols = cols.length ? cols : [{ id: '', label: 'Record', cell: (v) => show(v) }];
  }

  /** The first records (at most 200 parsed, among the first 2000 lines): enough to detect the format. */
  private sample(): unknown[] {
    const sample: unknown[] = [];
    for (let i = 0; i < Math.min(this.src.lineCount, 2000) && sample.length < 200; i++) {
      const p = this.parse(i);
      if (p.kind === 'record') sample.push(p.value);
    }
    return sample;
  }

  get formatInfo(): { id: string; label: string } | undefined {
    return this.format ? { id: this.format.id, label: this.format.label } : undefined;
  }

  columns(): Column[] {
    return this.cols.map(({ id, label }) => ({ id, label }));
  }

  /** Lines shown as rows: all of them but the empty one after a final line break. */
  get rowCount(): number {
    const n = this.src.lineCount;
    return n > 0 && this.src.lineText(n - 1) === '' ? n - 1 : n;
  }

  parse(line: number): Parsed {
    const text = this.src.lineText(line);
    const hit = this.cache.get(line);
    if (hit && hit.text === text) return hit.parsed;
    const parsed = parseLine(text);
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(line, { text, parsed });
    return parsed;
  }

  /** Forget cached parses (after edits that shift lines; a stale entry is also caught by its text). */
  invalidate(): void {
    this.cache.clear();
  }

  row(line: number): Omit<Row, 'problems'> {
    const p = this.parse(line);
    const kind: RowKind = p.kind;
    if (p.kind === 'blank') return { line, kind, cells: this.cols.map(() => '') };
    if (p.kind === 'broken') return { line, kind, cells: [clip(this.src.lineText(line))], error: p.error };
    if (p.kind === 'value') return { line, kind, cells: [show(p.value)] };
    return { line, kind, cells: this.cols.map((c) => safe(() => c.cell(p.value))) };
  }

  /** The form's fields for a record (a format may vary them by record, e.g. ShareGPT's key). */
  fieldsFor(value: unknown): FieldSpec[] {
    if (!this.format) return [];
    try {
      return this.format.fieldsFor?.(value) ?? this.format.fields;
    } catch {
      return this.format.fields;
    }
  }

  /** Does the line contain `query` (lower-cased) in the column `columnId` ('' = anywhere, decoded)? */
  matches(line: number, query: string, columnId: string): boolean {
    if (!query) return true;
    const text = this.src.lineText(line);
    if (!columnId) {
      // fast path: raw text holds the query and no escape can hide or fake a match
      const lower = text.toLowerCase();
      if (!text.includes('\\')) return lower.includes(query);
      const p = this.parse(line);
      if (p.kind === 'broken') return lower.includes(query);
      if (p.kind === 'blank') return false;
      return anyString(p.value, (s) => s.toLowerCase().includes(query));
    }
    const p = this.parse(line);
    if (p.kind !== 'record') return false;
    const col = this.cols.find((c) => c.id === columnId);
    if (!col) return false;
    if (columnId.includes('#')) return safe(() => col.cell(p.value)).toLowerCase().includes(query);
    const v = valueAt(p.value, columnId);
    return anyString(v, (s) => s.toLowerCase().includes(query));
  }
}

function detectFormatOf(sample: unknown[]): Format | undefined {
  const id = detectFormat(sample).format;
  return id ? getFormat(id) : undefined;
}

function safe(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

function anyString(v: unknown, test: (s: string) => boolean): boolean {
  if (typeof v === 'string') return test(v);
  if (typeof v === 'number' || typeof v === 'boolean') return test(String(v));
  if (Array.isArray(v)) return v.some((x) => anyString(x, test));
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => test(k) || anyString(x, test));
  return false;
}

export function parseLine(text: string): Parsed {
  if (!text.trim()) return { kind: 'blank' };
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return value && typeof value === 'object' && !Array.isArray(value) ? { kind: 'record', value } : { kind: 'value', value };
  } catch (e) {
    return { kind: 'broken', error: (e instanceof Error ? e.message : String(e)).replace(/^JSON\.parse: /, '') };
  }
}

/**
 * Lines kept by `keep`, scanned in time slices so the host stays responsive; reports progress and stops
 * early (returning undefined) when `signal` is aborted.
 */
export async function filterLines(count: number, keep: (line: number) => boolean, opts: { signal?: AbortSignal; sliceMs?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<number[] | undefined> {
  const out: number[] = [];
  const sliceMs = opts.sliceMs ?? 20;
  let line = 0;
  while (line < count) {
    if (opts.signal?.aborted) return undefined;
    const end = Date.now() + sliceMs;
    do {
      if (keep(line)) out.push(line);
      line++;
    } while (line < count && (line & 63 || Date.now() < end));
    opts.onProgress?.(line, count);
    if (line < count) await new Promise((r) => setImmediate(r));
  }
  return opts.signal?.aborted ? undefined : out;
}
