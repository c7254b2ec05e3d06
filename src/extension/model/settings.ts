/** The instructStudio.model.* settings, read fresh on every call (a change applies to the next request). */
import * as vscode from 'vscode';
import type { ProviderId } from '../../core/model';

export interface ModelSettings {
  provider: ProviderId;
  baseUrl: string;
  model: string;
  temperature: number;
  maxTokens: number;
  timeoutMs: number;
}

const PROVIDERS: readonly ProviderId[] = ['openai-compatible', 'ollama', 'vscode-lm'];
export const DEFAULT_BASE_URL: Record<ProviderId, string> = { 'openai-compatible': 'http://127.0.0.1:8000/v1', ollama: 'http://127.0.0.1:11434', 'vscode-lm': '' };

export function readModelSettings(scope?: vscode.Uri): ModelSettings {
  const c = vscode.workspace.getConfiguration('instructStudio.model', scope);
  const raw = c.get<string>('provider', 'openai-compatible');
  const provider = (PROVIDERS as readonly string[]).includes(raw) ? (raw as ProviderId) : 'openai-compatible';
  const num = (key: string, dflt: number, min: number, max: number) => {
    const v = c.get<number>(key, dflt);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : dflt;
  };
  return {
    provider,
    baseUrl: (c.get<string>('baseUrl', '') || DEFAULT_BASE_URL[provider]).trim(),
    model: (c.get<string>('model', '') ?? '').trim(),
    temperature: num('temperature', 0, 0, 2),
    maxTokens: Math.round(num('maxTokens', 1024, 1, 1_000_000)),
    timeoutMs: Math.round(num('timeoutMs', 60000, 1000, 3_600_000)),
  };
}

/** Where a setting is written: the workspace when one is open, else the user settings. */
export function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}
