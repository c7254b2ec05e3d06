/**
 * Messages between the dataset editor's webview (webview/editor) and its host (src/extension/editor).
 * Row indices are positions in the current view (all lines, or the lines a filter kept); `line` is always a
 * 0-based line of the document. The host validates every webview message with `isEditorRequest`.
 */

export interface Column {
  id: string;
  label: string;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export type RowKind = 'record' | 'broken' | 'blank' | 'value';

export interface Row {
  line: number;
  kind: RowKind;
  /** One clipped, single-line text per column (for broken/blank rows: the raw text / empty). */
  cells: string[];
  /** For broken rows: the parse error, located. */
  error?: string;
  problems: ProblemCounts;
}

export interface FieldSpecView {
  pointer: string;
  label: string;
  kind: 'text' | 'turns' | 'json' | 'boolean' | 'number';
  turns?: { roleKey: string; contentKey: string; roles: string[] };
}

export interface DiagnosticView {
  severity: 'error' | 'warning' | 'info';
  message: string;
  code: string;
  /** JSON pointer of the value the problem is about ('' = the record). */
  pointer: string;
}

export interface RecordView {
  line: number;
  version: number;
  kind: RowKind;
  /** The line's raw text. */
  text: string;
  error?: string;
  /** The parsed value (records only). */
  value?: unknown;
  fields: FieldSpecView[];
  /** Top-level keys the format does not have a field for (edited as raw JSON). */
  extra: Record<string, unknown>;
  diagnostics: DiagnosticView[];
}

export interface FilterSpec {
  query: string;
  /** Column id to search in; '' = every string in the record (and raw text of broken lines). */
  field: string;
  onlyProblems: boolean;
  /** Rule code to keep ('' = any). */
  rule: string;
}

export type HostMessage =
  | { type: 'init'; fileName: string; format: { id: string; label: string } | undefined; columns: Column[]; rowCount: number; lineCount: number; version: number; rules: string[] }
  | { type: 'rows'; requestId: number; start: number; rows: Row[]; rowCount: number; version: number }
  | { type: 'changed'; rowCount: number; lineCount: number; version: number; rules: string[] }
  | { type: 'record'; record: RecordView }
  | { type: 'reveal'; line: number; index: number }
  | { type: 'filterProgress'; done: number; total: number }
  | { type: 'filterDone'; rowCount: number; active: boolean; cancelled: boolean }
  | { type: 'error'; message: string };

export type EditorRequest =
  | { type: 'ready' }
  | { type: 'getRows'; requestId: number; start: number; count: number }
  | { type: 'select'; line: number }
  | { type: 'setField'; line: number; pointer: string; value: unknown }
  | { type: 'removeField'; line: number; pointer: string }
  | { type: 'setExtra'; line: number; extra: Record<string, unknown> }
  | { type: 'setLine'; line: number; text: string }
  | { type: 'addRecord'; after: number }
  | { type: 'duplicate'; line: number }
  | { type: 'delete'; line: number }
  | { type: 'move'; line: number; delta: -1 | 1 }
  | { type: 'filter'; filter: FilterSpec }
  | { type: 'cancelFilter' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'showInText'; line: number };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isStr = (v: unknown): v is string => typeof v === 'string';

/** True when `m` is a well-formed request (the host ignores anything else). */
export function isEditorRequest(m: unknown): m is EditorRequest {
  if (!isObj(m) || !isStr(m.type)) return false;
  switch (m.type) {
    case 'ready':
    case 'undo':
    case 'redo':
    case 'cancelFilter':
      return true;
    case 'getRows':
      return isLine(m.requestId) && isLine(m.start) && isLine(m.count) && m.count <= 1000;
    case 'select':
    case 'duplicate':
    case 'delete':
    case 'showInText':
      return isLine(m.line);
    case 'setField':
      return isLine(m.line) && isStr(m.pointer) && 'value' in m;
    case 'removeField':
      return isLine(m.line) && isStr(m.pointer);
    case 'setExtra':
      return isLine(m.line) && isObj(m.extra);
    case 'setLine':
      return isLine(m.line) && isStr(m.text) && !/[\r\n]/.test(m.text);
    case 'addRecord':
      return isLine(m.after) || m.after === -1;
    case 'move':
      return isLine(m.line) && (m.delta === 1 || m.delta === -1);
    case 'filter': {
      const f = m.filter;
      return isObj(f) && isStr(f.query) && isStr(f.field) && typeof f.onlyProblems === 'boolean' && isStr(f.rule);
    }
    default:
      return false;
  }
}
