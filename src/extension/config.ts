/**
 * The effective config of a document: VS Code settings, then the nearest .instructlint.jsonc (shared
 * logic in src/core/config), read through workspace.fs with a cache cleared when a config changes.
 */
import * as vscode from 'vscode';
import { resolveConfigForFile, CONFIG_FILE, ConfigError } from '../core/config/resolve';
import type { LintConfig } from '../core/types';

export { CONFIG_FILE };

export interface EffectiveConfig {
  config: LintConfig;
  userSchema?: Record<string, unknown>;
  configUri?: vscode.Uri;
  /** A problem with the config itself, shown to the user once. */
  error?: string;
}

const cache = new Map<string, Promise<string | undefined>>();

export function clearConfigCache(): void {
  cache.clear();
}

function read(path: string): Promise<string | undefined> {
  let p = cache.get(path);
  if (!p) {
    p = Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.file(path))).then((b) => new TextDecoder().decode(b), () => undefined);
    cache.set(path, p);
  }
  return p;
}

function settingsConfig(uri: vscode.Uri): LintConfig {
  const s = vscode.workspace.getConfiguration('instructStudio', uri);
  const out: LintConfig = {};
  const format = s.get<string>('format');
  if (format && format !== 'auto') out.format = format as LintConfig['format'];
  const rules = s.get<LintConfig['rules']>('rules');
  if (rules && Object.keys(rules).length) out.rules = rules;
  return out;
}

export async function configFor(uri: vscode.Uri): Promise<EffectiveConfig> {
  const base = settingsConfig(uri);
  if (uri.scheme !== 'file') return { config: base };
  try {
    const r = await resolveConfigForFile(uri.fsPath, read, { base, stopAt: vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath });
    return { config: r.config, userSchema: r.userSchema, configUri: r.configPath ? vscode.Uri.file(r.configPath) : undefined };
  } catch (e) {
    if (e instanceof ConfigError) return { config: base, configUri: vscode.Uri.file(e.configPath), error: `${e.message} — the config is ignored until it is fixed` };
    throw e;
  }
}

/** Where a new config goes: the workspace folder of the document (or the first folder). */
export function configUriForNew(uri?: vscode.Uri): vscode.Uri | undefined {
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, CONFIG_FILE) : undefined;
}
