/**
 * The `vscode-lm` provider: VS Code's language-model API (Copilot and other chat models an extension
 * contributes) behind the same chat(request, onDelta, {signal, timeoutMs}) shape as the core HTTP clients.
 */
import * as vscode from 'vscode';
import { ModelError, type ChatRequest, type ChatResult } from '../../core/model';
import { idleWatch, type StreamOptions } from '../../core/model/http';

/** The chat models VS Code offers, "vendor/id" as the instructStudio.model.model value. */
export async function lmModels(): Promise<{ id: string; label: string; detail: string }[]> {
  const models = await vscode.lm.selectChatModels({});
  return models.map((m) => ({ id: `${m.vendor}/${m.id}`, label: m.name, detail: `${m.vendor} · ${m.family} · ${m.maxInputTokens.toLocaleString('en-US')} input tokens` }));
}

async function pick(model: string): Promise<vscode.LanguageModelChat> {
  const slash = model.indexOf('/');
  const selector: vscode.LanguageModelChatSelector = !model ? {} : slash > 0 ? { vendor: model.slice(0, slash), id: model.slice(slash + 1) } : { id: model };
  let found = await vscode.lm.selectChatModels(selector);
  if (!found.length && model && slash < 0) found = await vscode.lm.selectChatModels({ family: model });
  if (!found.length) {
    throw new ModelError('not-found', model
      ? `VS Code has no chat model "${model}" — run "Instruct Studio: Select Model" (a chat extension such as GitHub Copilot Chat must be installed and signed in)`
      : 'VS Code offers no chat model — install and sign in to a chat extension (e.g. GitHub Copilot Chat), or choose another provider');
  }
  return found[0];
}

function toModelError(e: unknown): ModelError {
  if (e instanceof ModelError) return e;
  if (e instanceof vscode.LanguageModelError) {
    if (e.code === vscode.LanguageModelError.NoPermissions.name) return new ModelError('auth', `VS Code did not allow this extension to use the model: ${e.message} — allow it when VS Code asks`);
    if (e.code === vscode.LanguageModelError.Blocked.name) return new ModelError('rate-limit', `the model's provider blocked the request (quota or policy): ${e.message}`);
    if (e.code === vscode.LanguageModelError.NotFound.name) return new ModelError('not-found', `the chat model is gone: ${e.message} — run "Instruct Studio: Select Model"`);
    return new ModelError('server', `the chat model failed: ${e.message}`);
  }
  return new ModelError('server', `the chat model failed: ${e instanceof Error ? e.message : String(e)}`);
}

export async function lmChat(req: ChatRequest, onDelta: (text: string) => void, options: StreamOptions = {}): Promise<ChatResult> {
  const started = Date.now();
  // throws "cancelled" before anything is created when the signal is already aborted; the timer only starts at arm()
  const watch = idleWatch(options, () => source.cancel());
  const source = new vscode.CancellationTokenSource();
  const ended = () => {
    if (options.signal?.aborted) return new ModelError('cancelled', 'cancelled');
    if (watch.timedOut) return new ModelError('timeout', `no answer from the chat model within ${watch.label}`);
    return undefined;
  };
  watch.arm();
  try {
    const model = await pick(req.model);
    // the API has no system role: a system prompt goes first as a user message
    const messages = req.messages.map((m) => (m.role === 'assistant' ? vscode.LanguageModelChatMessage.Assistant(m.content) : vscode.LanguageModelChatMessage.User(m.content)));
    const modelOptions: Record<string, unknown> = { ...(req.temperature !== undefined ? { temperature: req.temperature } : {}), ...(req.maxTokens ? { max_tokens: req.maxTokens } : {}) };
    const response = await model.sendRequest(messages, { justification: 'Instruct Studio asks the model a dataset record\'s prompt.', modelOptions }, source.token);
    let text = '';
    for await (const part of response.text) {
      watch.arm();
      const stop = ended();
      if (stop) throw stop;
      text += part;
      onDelta(part);
    }
    const stop = ended();
    if (stop) throw stop;
    return { text, latencyMs: Date.now() - started, finishReason: 'stop' };
  } catch (e) {
    throw ended() ?? toModelError(e);
  } finally {
    watch.dispose();
    source.dispose();
  }
}
