/** OpenAI-compatible chat completions (OpenAI, vLLM, llama.cpp server, LM Studio, TGI…): SSE streaming. */
import { requestLines, type StreamOptions } from './http';
import { ModelError, type ChatRequest, type ChatResult, type ModelEndpoint } from './types';

const join = (base: string, path: string) => base.replace(/\/+$/, '') + path;

function headers(ep: ModelEndpoint): Record<string, string> {
  return { 'content-type': 'application/json', accept: 'text/event-stream', ...(ep.apiKey ? { authorization: `Bearer ${ep.apiKey}` } : {}) };
}

export async function openaiChat(ep: ModelEndpoint, req: ChatRequest, onDelta: (text: string) => void, options: StreamOptions = {}): Promise<ChatResult> {
  const started = Date.now();
  const url = join(ep.baseUrl, '/chat/completions');
  const body = JSON.stringify({
    model: req.model, messages: req.messages, stream: true, stream_options: { include_usage: true },
    ...(req.temperature !== undefined ? { temperature: req.temperature } : {}), ...(req.maxTokens ? { max_tokens: req.maxTokens } : {}),
  });
  let text = '';
  let usage: ChatResult['usage'];
  let finishReason: string | undefined;
  let done = false;
  for await (const line of requestLines(url, { method: 'POST', headers: headers(ep), body }, { timeoutMs: ep.timeoutMs, ...options })) {
    if (!line.startsWith('data:')) continue; // comments, event names, keep-alives
    const data = line.slice(5).trim();
    if (data === '[DONE]') {
      done = true;
      break;
    }
    let chunk: { choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[]; usage?: { prompt_tokens?: number; completion_tokens?: number }; error?: { message?: string } };
    try {
      chunk = JSON.parse(data);
    } catch {
      throw new ModelError('protocol', `the server sent an event that is not JSON: ${data.slice(0, 120)}`);
    }
    if (chunk.error) throw new ModelError('server', `the server reported an error mid-stream: ${chunk.error.message ?? JSON.stringify(chunk.error)}`);
    const delta = chunk.choices?.[0]?.delta?.content;
    if (delta) {
      text += delta;
      onDelta(delta);
    }
    finishReason = chunk.choices?.[0]?.finish_reason ?? finishReason;
    if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
  }
  if (!done && !finishReason) throw new ModelError('network', 'the connection closed before the answer was complete');
  return { text, usage, latencyMs: Date.now() - started, finishReason };
}

export async function openaiModels(ep: ModelEndpoint, options: StreamOptions = {}): Promise<string[]> {
  let raw = '';
  for await (const line of requestLines(join(ep.baseUrl, '/models'), { headers: headers(ep) }, { timeoutMs: ep.timeoutMs ?? 15000, ...options })) raw += line + '\n';
  try {
    const j = JSON.parse(raw) as { data?: { id: string }[] };
    return (j.data ?? []).map((m) => m.id).sort();
  } catch {
    throw new ModelError('protocol', 'the /models answer is not the expected JSON');
  }
}
