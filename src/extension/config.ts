/**
 * Finds the .instructlint.jsonc that applies to a document (from its folder upwards, within the
 * workspace), merges `overrides` by glob, loads the user schema, and merges VS Code settings.
 * Parsed configs are cached until a config file changes.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError, printParseErrorCode } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { LintConfig } from '../core/types';

export const CONFIG_FILE = '.instructlint.jsonc';

export interface EffectiveConfig {
  config: LintConfig;
  userSchema?: Record<string, unknown>;
  /** The config file used, if any. */
  configUri?: vscode.Uri;
  /** A problem with the config itself, shown to the user once. */
  error?: string;
}

const cache = new Map<string, { config?: LintConfig & { root?: boolean }; error?: string }>();

export function clearConfigCache(): void {
  cache.clear();
}

async function readConfig(uri: vscode.Uri): Promise<{ config?: LintConfig & { root?: boolean }; error?: string } | undefined> {
  const key = uri.toString();
  if (cache.has(key)) return cache.get(key);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
  const errors: ParseError[] = [];
  const config = parseJsonc(new TextDecoder().decode(bytes), errors, { allowTrailingComma: true });
  const entry = errors.length
    ? { error: `${vscode.workspace.asRelativePath(uri)}: ${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset} — the config is ignored until it is fixed` }
    : { config: (config ?? {}) as LintConfig & { root?: boolean } };
  cache.set(key, entry);
  return entry;
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

/** The effective config for a document: settings, then the nearest config file (which wins), then its matching overrides. */
export async function configFor(uri: vscode.Uri): Promise<EffectiveConfig> {
  const base = settingsConfig(uri);
  if (uri.scheme !== 'file') return { config: base };
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  let dir = path.dirname(uri.fsPath);
  const stop = folder ? folder.uri.fsPath : path.parse(dir).root;
  for (;;) {
    const candidate = vscode.Uri.file(path.join(dir, CONFIG_FILE));
    const found = await readConfig(candidate);
    if (found) {
      if (found.error) return { config: base, configUri: candidate, error: found.error };
      const file = found.config!;
      const rel = path.relative(dir, uri.fsPath).split(path.sep).join('/');
      let config: LintConfig = { ...base, ...file, rules: { ...(base.rules ?? {}), ...(file.rules ?? {}) } };
      for (const o of file.overrides ?? []) {
        if (!picomatch(o.files, { dot: true })(rel)) continue;
        config = { ...config, ...(o.format ? { format: o.format } : {}), ...(o.schema ? { schema: o.schema } : {}), rules: { ...(config.rules ?? {}), ...(o.rules ?? {}) } };
      }
      let userSchema: Record<string, unknown> | undefined;
      let error: string | undefined;
      if (config.schema) {
        const schemaUri = vscode.Uri.file(path.resolve(dir, config.schema));
        try {
          userSchema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(schemaUri)));
        } catch (e) {
          error = `${CONFIG_FILE}: cannot read the schema "${config.schema}": ${e instanceof Error ? e.message : String(e)}`;
        }
      }
      return { config, userSchema, configUri: candidate, error };
    }
    if (dir === stop || path.dirname(dir) === dir) break;
    dir = path.dirname(dir);
  }
  return { config: base };
}

/** Where a new config goes: the workspace folder of the document (or the first folder). */
export function configUriForNew(uri?: vscode.Uri): vscode.Uri | undefined {
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, CONFIG_FILE) : undefined;
}
