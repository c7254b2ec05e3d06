/**
 * Train/eval contamination: per evaluation file, the training records whose prompt is the same as an evaluation
 * prompt (normalized) or shares a 13-word sequence with one — the index of rule DS023 — with the pairs listed.
 */
import { EvalIndex } from '../rules/dataset/util/evalIndex';
import type { TextField } from '../types';
import { excerpt } from './text';
import type { ContaminationReport, ReportInput } from './types';

export type EvalRecords = Iterable<{ path: string; line: number; textFields: TextField[] }>;

const MAX_PAIRS = 100;

export class ContaminationAnalysis {
  private readonly files: { report: ContaminationReport; index: EvalIndex }[] = [];

  /** `skip(path)`: evaluation files that are the training file itself. */
  constructor(records: EvalRecords = [], skip: (path: string) => boolean = () => false) {
    const byFile = new Map<string, { path: string; line: number; textFields: TextField[] }[]>();
    for (const r of records) if (!skip(r.path)) (byFile.get(r.path) ?? byFile.set(r.path, []).get(r.path)!).push(r);
    for (const [evalFile, rs] of byFile) {
      this.files.push({ report: { evalFile, evalRecords: rs.length, exact: 0, ngram: 0, pairs: [] }, index: new EvalIndex(rs) });
    }
  }

  add(r: ReportInput): void {
    for (const { report, index } of this.files) {
      const hit = index.match(r.prompt);
      if (!hit) continue;
      report[hit.kind]++;
      if (report.pairs.length < MAX_PAIRS) report.pairs.push({ line: r.line, evalLine: hit.line + 1, kind: hit.kind, text: excerpt(r.prompt, 0, 120) });
    }
  }

  result(): ContaminationReport[] {
    return this.files.map((f) => f.report);
  }
}
