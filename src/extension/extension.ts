/** Entry point: wires the services and registers the commands; nothing else happens here. */
import * as vscode from 'vscode';
import { DiagnosticsService } from './diagnostics';
import { CodeActions } from './codeActions';
import { DatasetStatusBar } from './statusBar';
import { registerSelectFormat } from './commands/selectFormat';
import { registerDisableRule } from './commands/disableRule';
import { registerCreateConfig } from './commands/createConfig';
import { registerValidateWorkspace } from './commands/validateWorkspace';
import { registerConvertJsonArray } from './commands/convertJsonArray';
import { registerShowVersion } from './commands/showVersion';
import { registerDatasetEditor } from './editor/registerDatasetEditor';
import { registerConvertFormat } from './commands/convertFormat';
import { registerShowStatistics } from './commands/showStatistics';
import { registerShowReport } from './commands/showReport';
import { ModelService } from './model/modelService';
import { PreviewController } from './preview/registerPreview';
import { registerOpenPreview } from './commands/openPreview';
import { registerSetApiKey } from './commands/setApiKey';
import { registerSelectModel } from './commands/selectModel';
import { registerQuickTestPrompt } from './commands/quickTestPrompt';
import { registerTestCurrentRecord } from './commands/testCurrentRecord';
import { registerRunBatchEvaluation } from './commands/runBatchEvaluation';

/** What activate() returns: used by the extension-host tests. */
export interface InstructStudioApi {
  diagnostics: DiagnosticsService;
  preview: PreviewController;
}

export function activate(context: vscode.ExtensionContext): InstructStudioApi {
  const diagnostics = new DiagnosticsService(context.extensionUri);
  const selector: vscode.DocumentSelector = [{ language: 'jsonl' }, { pattern: '**/*.jsonl' }, { language: 'json' }];
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, new CodeActions(diagnostics, context.extensionUri), { providedCodeActionKinds: CodeActions.kinds }),
    new DatasetStatusBar(diagnostics),
    registerSelectFormat(diagnostics),
    registerDisableRule(),
    registerCreateConfig(),
    registerValidateWorkspace(diagnostics, context.extensionUri),
    registerConvertJsonArray(),
    registerShowVersion(context),
    registerConvertFormat(diagnostics),
    registerShowStatistics(context.extensionUri),
    registerShowReport(context.extensionUri),
  );
  registerDatasetEditor(context);
  const models = new ModelService(context.secrets);
  const preview = new PreviewController({ extensionUri: context.extensionUri, models, diagnostics });
  context.subscriptions.push(
    preview,
    registerOpenPreview(preview),
    registerSetApiKey(models),
    registerSelectModel(models),
    registerQuickTestPrompt(preview),
    registerTestCurrentRecord(preview),
    registerRunBatchEvaluation(models, context.extensionUri),
  );
  return { diagnostics, preview };
}

export function deactivate(): void {}
