/** Ollama's native API: /api/chat streams NDJSON, /api/tags lists local models. */
import { requestLines, type StreamOptions } from './http';
import { ModelError, type ChatRequest, type ChatResult, type ModelEndpoint } from './types';

const join = (base: string, path: string) => base.replace(/\/+$/, '') + path;

export async function ollamaChat(ep: ModelEndpoint, req: ChatRequest, onDelta: (text: string) => void, options: StreamOptions = {}): Promise<ChatResult> {
  const started = Date.now();
  const body = JSON.stringify({
    model: req.model, messages: req.messages, stream: true,
    options: { ...(req.temperature !== undefined ? { temperature: req.temperature } : {}), ...(req.maxTokens ? { num_predict: req.maxTokens } : {}) },
  });
  let text = '';
  let result: ChatResult | undefined;
  for await (const line of requestLines(join(ep.baseUrl, '/api/chat'), { method: 'POST', headers: { 'content-type': 'application/json' }, body }, { timeoutMs: ep.timeoutMs, ...options })) {
    if (!line.trim()) continue;
    let chunk: { message?: { content?: string }; done?: boolean; done_reason?: string; error?: string; prompt_eval_count?: number; eval_count?: number };
    try {
      chunk = JSON.parse(line);
    } catch {
      throw new ModelError('protocol', `Ollama sent a line that is not JSON: ${line.slice(0, 120)}`);
    }
    if (chunk.error) throw new ModelError(/not found/i.test(chunk.error) ? 'not-found' : 'server', `Ollama: ${chunk.error}`);
    const delta = chunk.message?.content;
    if (delta) {
      text += delta;
      onDelta(delta);
    }
    if (chunk.done) {
      result = { text, latencyMs: Date.now() - started, finishReason: chunk.done_reason, usage: { promptTokens: chunk.prompt_eval_count, completionTokens: chunk.eval_count } };
      break;
    }
  }
  if (!result) throw new ModelError('network', 'the connection closed before the answer was complete');
  return result;
}

export async function ollamaModels(ep: ModelEndpoint, options: StreamOptions = {}): Promise<string[]> {
  let raw = '';
  for await (const line of requestLines(join(ep.baseUrl, '/api/tags'), {}, { timeoutMs: ep.timeoutMs ?? 15000, ...options })) raw += line + '\n';
  try {
    return ((JSON.parse(raw) as { models?: { name: string }[] }).models ?? []).map((m) => m.name).sort();
  } catch {
    throw new ModelError('protocol', 'the /api/tags answer is not the expected JSON');
  }
}
