import type { DatasetReport } from '../core/report/types';

/** Host -> report webview. */
export type ReportToView =
  | { type: 'report'; file: string; uri: string; report: DatasetReport; seconds: number }
  | { type: 'computing'; file: string }
  | { type: 'error'; message: string };

/** Report webview -> host. `line` is 1-based (as in the report). */
export type ReportFromView =
  | { type: 'ready' }
  | { type: 'openRecord'; line: number }
  | { type: 'openEvalRecord'; evalFile: string; line: number };

/** What the webview keeps with setState (restored by the WebviewPanelSerializer after a reload). */
export interface ReportViewState {
  uri: string;
  file?: string;
  report?: DatasetReport;
  seconds?: number;
}

export function isReportFromView(m: unknown): m is ReportFromView {
  if (typeof m !== 'object' || m === null) return false;
  const v = m as Record<string, unknown>;
  const line = typeof v.line === 'number' && Number.isInteger(v.line) && v.line >= 1;
  switch (v.type) {
    case 'ready':
      return true;
    case 'openRecord':
      return line;
    case 'openEvalRecord':
      return line && typeof v.evalFile === 'string';
    default:
      return false;
  }
}
