import * as vscode from 'vscode';
import { lintText } from '../../core/lint';
import { configFor } from '../config';
import type { DiagnosticsService } from '../diagnostics';
import { toDiagnostic } from '../findings';

/** Instruct Studio: Validate Workspace Datasets — lints every .jsonl (open or not) into the Problems panel. */
export function registerValidateWorkspace(diagnostics: DiagnosticsService, extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('instructStudio.validateWorkspace', async () => {
    const files = await vscode.workspace.findFiles('**/*.jsonl', '**/{node_modules,.git}/**');
    let problems = 0;
    let done = 0;
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Instruct Studio: validating datasets', cancellable: true },
      async (progress, token) => {
        for (const uri of files) {
          if (token.isCancellationRequested) return true;
          progress.report({ message: `${vscode.workspace.asRelativePath(uri)} (${done + 1}/${files.length})`, increment: 100 / files.length });
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (open) {
            await diagnostics.settled(uri);
            problems += diagnostics.findings(uri).length;
          } else {
            const effective = await configFor(uri);
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
            const result = lintText(text, { config: effective.config, userSchema: effective.userSchema, path: uri.fsPath });
            diagnostics.collection.set(uri, result.findings.map((f) => toDiagnostic(f, uri, extensionUri)));
            problems += result.findings.length;
          }
          done++;
          await new Promise((r) => setImmediate(r));
        }
        return false;
      },
    );
    const summary = `${cancelled ? 'Stopped after' : 'Validated'} ${done} dataset file${done === 1 ? '' : 's'}: ${problems} problem${problems === 1 ? '' : 's'}.`;
    if (problems) {
      void vscode.window.showInformationMessage(summary, 'Show Problems').then((a) => a && vscode.commands.executeCommand('workbench.actions.view.problems'));
    } else void vscode.window.showInformationMessage(summary);
    return { files: done, problems, cancelled };
  });
}
