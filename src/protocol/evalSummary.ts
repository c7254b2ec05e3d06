/** Messages between the batch-evaluation summary webview (webview/evalSummary) and its host (src/extension/eval). */
import type { EvalSummary } from '../core/eval/types';

/** One record worth a look: a wrong final answer or an error. */
export interface EvalIssue {
  record: number;
  kind: 'mismatch' | 'error' | 'no-final-answer';
  dataset?: string;
  model?: string;
  message?: string;
}

export type EvalSummaryToView = {
  type: 'summary';
  file: string;
  results: string;
  model: string;
  scope: string;
  summary: EvalSummary;
  issues: EvalIssue[];
  /** More issues than listed. */
  moreIssues: number;
};

export type EvalSummaryFromView =
  | { type: 'ready' }
  | { type: 'openRecord'; record: number }
  | { type: 'openResults' };

export function isEvalSummaryRequest(m: unknown): m is EvalSummaryFromView {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.type === 'ready' || o.type === 'openResults') return true;
  return o.type === 'openRecord' && typeof o.record === 'number' && Number.isInteger(o.record) && o.record > 0;
}
