/**
 * One way to ask the configured model: reads the settings, fetches the key from SecretStorage, and calls the
 * core HTTP client (openai-compatible, ollama) or the vscode-lm adapter. Every failure is a ModelError whose
 * message says what to do; `actionsFor` maps it to the buttons the preview and the notifications offer.
 */
import * as vscode from 'vscode';
import { chat, listModels, ModelError, type ChatMessage, type ChatResult, type ModelEndpoint } from '../../core/model';
import type { RunAction } from '../../protocol/preview';
import type { BatchOptions } from '../../core/eval';
import { readModelSettings, type ModelSettings } from './settings';
import { ApiKeys } from './secrets';
import { lmChat, lmModels } from './vscodeLm';

export class ModelService {
  readonly keys: ApiKeys;

  constructor(secrets: vscode.SecretStorage) {
    this.keys = new ApiKeys(secrets);
  }

  settings(): ModelSettings {
    return readModelSettings();
  }

  /** "llama3 · ollama" — shown in the panel; never includes the key. */
  describe(s = this.settings()): string {
    return s.provider === 'vscode-lm' ? `${s.model || 'any chat model'} · VS Code` : `${s.model || '(no model)'} · ${s.baseUrl}`;
  }

  private async endpoint(s: ModelSettings): Promise<ModelEndpoint> {
    if (s.provider === 'vscode-lm') throw new Error('unreachable');
    try {
      const u = new URL(s.baseUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(u.protocol);
    } catch {
      throw new ModelError('bad-request', `instructStudio.model.baseUrl "${s.baseUrl}" is not an http(s) URL — open the settings and fix it`);
    }
    return { provider: s.provider, baseUrl: s.baseUrl, apiKey: (await this.keys.get(s.baseUrl)) || undefined, timeoutMs: s.timeoutMs };
  }

  async chat(messages: ChatMessage[], onDelta: (t: string) => void, signal?: AbortSignal): Promise<ChatResult> {
    const s = this.settings();
    if (s.provider === 'vscode-lm') return lmChat({ messages, model: s.model, temperature: s.temperature, maxTokens: s.maxTokens }, onDelta, { signal, timeoutMs: s.timeoutMs });
    if (!s.model) throw new ModelError('not-found', 'no model is set (instructStudio.model.model) — run "Instruct Studio: Select Model"');
    const ep = await this.endpoint(s);
    return chat(ep, { messages, model: s.model, temperature: s.temperature, maxTokens: s.maxTokens }, onDelta, { signal });
  }

  /** How the batch evaluation asks the configured model: the HTTP endpoint (with its key), or the vscode-lm adapter. */
  async batchOptions(): Promise<Pick<BatchOptions, 'endpoint' | 'chat' | 'model' | 'temperature' | 'maxTokens'>> {
    const s = this.settings();
    const common = { model: s.model, temperature: s.temperature, maxTokens: s.maxTokens };
    if (s.provider === 'vscode-lm') return { ...common, chat: (req, onDelta, o) => lmChat(req, onDelta, { signal: o.signal, timeoutMs: s.timeoutMs }) };
    if (!s.model) throw new ModelError('not-found', 'no model is set (instructStudio.model.model) — run "Instruct Studio: Select Model"');
    return { ...common, endpoint: await this.endpoint(s) };
  }

  /** The models the endpoint offers (ids), or VS Code's chat models. */
  async models(signal?: AbortSignal): Promise<{ id: string; label: string; detail?: string }[]> {
    const s = this.settings();
    if (s.provider === 'vscode-lm') return lmModels();
    const ep = await this.endpoint(s);
    return (await listModels(ep, { signal, timeoutMs: Math.min(s.timeoutMs, 15000) })).map((id) => ({ id, label: id }));
  }
}

/** What a user can do about an error. */
export function actionsFor(e: unknown): RunAction[] {
  if (!(e instanceof ModelError)) return ['openSettings'];
  switch (e.kind) {
    case 'auth':
      return ['setApiKey', 'retry'];
    case 'not-found':
      return ['selectModel', 'openSettings'];
    case 'network':
    case 'bad-request':
    case 'protocol':
      return ['openSettings', 'retry'];
    case 'timeout':
    case 'rate-limit':
    case 'server':
      return ['retry', 'openSettings'];
    default:
      return [];
  }
}

export const ACTION_LABELS: Record<RunAction, string> = { setApiKey: 'Set API Key', selectModel: 'Select Model', openSettings: 'Open Settings', retry: 'Retry' };

/** Runs a RunAction's command (retry is the caller's to handle). */
export async function runAction(action: RunAction): Promise<void> {
  if (action === 'setApiKey') await vscode.commands.executeCommand('instructStudio.setApiKey');
  else if (action === 'selectModel') await vscode.commands.executeCommand('instructStudio.selectModel');
  else if (action === 'openSettings') await vscode.commands.executeCommand('workbench.action.openSettings', 'instructStudio.model');
}
