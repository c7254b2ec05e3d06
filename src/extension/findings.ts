/** Findings (core) -> Diagnostics and WorkspaceEdits (VS Code). */
import * as vscode from 'vscode';
import type { Finding, Fix } from '../core/types';

export const SOURCE = 'instruct-studio';

const severity: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Each diagnostic we publish remembers its finding (for quick fixes). */
export const findingOf = new WeakMap<vscode.Diagnostic, Finding>();

export function docsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

export function toDiagnostic(f: Finding, uri: vscode.Uri, extensionUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(f.line, f.startColumn, f.endLine, f.endColumn), f.message, severity[f.severity]);
  d.source = SOURCE;
  d.code = { value: f.ruleId, target: docsUri(extensionUri, f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, new vscode.Position(r.line, 0)), r.message));
  }
  findingOf.set(d, f);
  return d;
}

/** The edits of a fix as VS Code edits (a TextEdit's line defaults to the finding's line). */
export function fixEdits(f: Finding, fix: Fix): vscode.TextEdit[] {
  return fix.edits.map((e) => {
    const line = e.line ?? f.line;
    return vscode.TextEdit.replace(new vscode.Range(line, e.startColumn, e.endLine ?? line, e.endColumn), e.text);
  });
}

/** Fixes of many findings in one edit, skipping any that overlap an earlier one. */
export function combinedFixes(uri: vscode.Uri, findings: Finding[]): { edit: vscode.WorkspaceEdit; count: number } {
  const edit = new vscode.WorkspaceEdit();
  const taken: vscode.Range[] = [];
  let count = 0;
  for (const f of findings) {
    if (!f.fix) continue;
    const edits = fixEdits(f, f.fix);
    if (edits.some((e) => taken.some((t) => t.intersection(e.range) && !(t.end.isEqual(e.range.start) || e.range.end.isEqual(t.start))))) continue;
    for (const e of edits) {
      edit.replace(uri, e.range, e.newText);
      taken.push(e.range);
    }
    count++;
  }
  return { edit, count };
}
