/**
 * Quick fixes for Instruct Studio diagnostics: the rule's own fix, "fix all of this rule in the file",
 * "disable this rule in .instructlint.jsonc", "show rule documentation", and source.fixAll.instructStudio.
 */
import * as vscode from 'vscode';
import type { DiagnosticsService } from './diagnostics';
import { SOURCE, combinedFixes, findingOf, fixEdits, docsUri } from './findings';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('instructStudio');

export class CodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly diagnostics: DiagnosticsService, private readonly extensionUri: vscode.Uri) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && FIX_ALL_KIND.contains(context.only)) return this.fixAll(doc);
    const out: vscode.CodeAction[] = [];
    const all = this.diagnostics.findings(doc.uri);
    const seenRules = new Set<string>();
    for (const d of context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const f = findingOf.get(d);
      if (!f) continue;
      if (f.fix) {
        const a = new vscode.CodeAction(f.fix.title, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.set(doc.uri, fixEdits(f, f.fix));
        a.diagnostics = [d];
        a.isPreferred = true;
        out.push(a);
      }
      if (seenRules.has(f.ruleId)) continue;
      seenRules.add(f.ruleId);
      const same = all.filter((x) => x.ruleId === f.ruleId && x.fix);
      if (same.length > 1) {
        const a = new vscode.CodeAction(`Fix all ${same.length} ${f.ruleId} (${f.ruleName}) problems in this file`, vscode.CodeActionKind.QuickFix);
        a.edit = combinedFixes(doc.uri, same).edit;
        out.push(a);
      }
      const disable = new vscode.CodeAction(`Disable ${f.ruleId} (${f.ruleName}) in .instructlint.jsonc`, vscode.CodeActionKind.QuickFix);
      disable.command = { command: 'instructStudio.disableRule', title: disable.title, arguments: [f.ruleId, doc.uri] };
      out.push(disable);
      const docs = new vscode.CodeAction(`Show documentation for ${f.ruleId} (${f.ruleName})`, vscode.CodeActionKind.QuickFix);
      docs.command = { command: 'markdown.showPreview', title: docs.title, arguments: [docsUri(this.extensionUri, f.ruleId)] };
      out.push(docs);
    }
    return out;
  }

  private fixAll(doc: vscode.TextDocument): vscode.CodeAction[] {
    const { edit, count } = combinedFixes(doc.uri, this.diagnostics.findings(doc.uri));
    if (!count) return [];
    const a = new vscode.CodeAction(`Fix ${count} Instruct Studio problem${count === 1 ? '' : 's'}`, FIX_ALL_KIND);
    a.edit = edit;
    return [a];
  }
}
