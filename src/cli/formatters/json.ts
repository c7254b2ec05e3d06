/** `--format json`: one JSON document, 1-based lines and columns (the contract in DESIGN.md §3). */
import type { LintResult } from '../../core/types';

export interface FileReport {
  path: string;
  result: LintResult;
}

export function summarize(reports: FileReport[]) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let records = 0;
  for (const r of reports) {
    records += r.result.records;
    for (const f of r.result.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: reports.length, records, errors, warnings, infos };
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify({
    version: 1,
    files: reports.map((r) => ({
      path: r.path,
      format: r.result.format ?? null,
      records: r.result.records,
      diagnostics: r.result.findings.map((f) => ({
        ruleId: f.ruleId,
        ruleName: f.ruleName,
        severity: f.severity,
        message: f.message,
        line: f.line + 1,
        column: f.startColumn + 1,
        endLine: f.endLine + 1,
        endColumn: f.endColumn + 1,
        ...(f.field !== undefined ? { field: f.field } : {}),
        ...(f.fix ? { fixable: true } : {}),
      })),
    })),
    summary: summarize(reports),
  }) + '\n';
}
