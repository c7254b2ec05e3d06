/** One entry point for both HTTP providers, plus retries with exponential backoff for batch runs. */
import type { StreamOptions } from './http';
import { openaiChat, openaiModels } from './openaiCompatible';
import { ollamaChat, ollamaModels } from './ollama';
import { ModelError, type ChatRequest, type ChatResult, type ModelEndpoint } from './types';

export function chat(ep: ModelEndpoint, req: ChatRequest, onDelta: (t: string) => void = () => {}, options: StreamOptions = {}): Promise<ChatResult> {
  return ep.provider === 'ollama' ? ollamaChat(ep, req, onDelta, options) : openaiChat(ep, req, onDelta, options);
}

export function listModels(ep: ModelEndpoint, options: StreamOptions = {}): Promise<string[]> {
  return ep.provider === 'ollama' ? ollamaModels(ep, options) : openaiModels(ep, options);
}

export interface RetryOptions {
  retries?: number;
  baseDelayMs?: number;
  signal?: AbortSignal;
  onRetry?: (attempt: number, error: ModelError, delayMs: number) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(new ModelError('cancelled', 'cancelled')); }, { once: true });
  });

/** Retries 429, 5xx, timeouts and dropped connections with exponential backoff (honouring Retry-After). */
export async function withRetries<T>(run: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 3;
  const base = options.baseDelayMs ?? 1000;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof ModelError) || !e.retryable || attempt >= retries || options.signal?.aborted) throw e;
      const delay = e.retryAfterMs ?? base * 2 ** attempt;
      options.onRetry?.(attempt + 1, e, delay);
      await sleep(delay, options.signal);
    }
  }
}
