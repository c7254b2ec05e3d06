/** fetch with a cancellable idle timeout and HTTP errors turned into ModelErrors with the server's own words. */
import { ModelError } from './types';

export interface StreamOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

function serverMessage(body: string): string {
  try {
    const j = JSON.parse(body) as { error?: { message?: string } | string; message?: string };
    if (typeof j.error === 'string') return j.error;
    return j.error?.message ?? j.message ?? body.slice(0, 300);
  } catch {
    return body.slice(0, 300);
  }
}

export function httpError(status: number, body: string, url: string, retryAfter?: string | null): ModelError {
  const said = serverMessage(body).trim();
  const detail = said ? `: ${said}` : '';
  const retryAfterMs = retryAfter && /^\d+(\.\d+)?$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
  if (status === 401 || status === 403) return new ModelError('auth', `the endpoint refused the API key (HTTP ${status})${detail} — run "Instruct Studio: Set API Key"`, status);
  if (status === 404) return new ModelError('not-found', `not found at ${url} (HTTP 404)${detail} — check the base URL and the model name`, status);
  if (status === 429) return new ModelError('rate-limit', `rate limited (HTTP 429)${detail}`, status, retryAfterMs);
  if (status >= 500) return new ModelError('server', `the server failed (HTTP ${status})${detail}`, status, retryAfterMs);
  return new ModelError('bad-request', `the server rejected the request (HTTP ${status})${detail}`, status);
}

/** POST/GET and yield the response body's lines as they arrive; the idle timer restarts on every chunk. */
export async function* requestLines(url: string, init: RequestInit, options: StreamOptions = {}): AsyncGenerator<string> {
  const controller = new AbortController();
  const watch = idleWatch(options, () => controller.abort());
  const fail = (e: unknown): ModelError => {
    if (e instanceof ModelError) return e;
    if (options.signal?.aborted) return new ModelError('cancelled', 'cancelled');
    if (watch.timedOut) return new ModelError('timeout', `no answer from ${new URL(url).host} within ${watch.label} (raise the timeout if the model is slow to load or to start answering)`);
    const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
    return new ModelError('network', `cannot reach ${new URL(url).origin}: ${cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e))} — is the server running, and is the base URL right?`);
  };
  watch.arm();
  try {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: controller.signal });
    } catch (e) {
      throw fail(e);
    }
    if (!res.ok) throw httpError(res.status, await res.text().catch(() => ''), url, res.headers.get('retry-after'));
    if (!res.body) throw new ModelError('protocol', 'the server sent no body');
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let carry = '';
    while (true) {
      let chunk: { done: boolean; value?: Uint8Array };
      try {
        chunk = await reader.read();
      } catch (e) {
        throw fail(e);
      }
      watch.arm();
      if (chunk.done) break;
      carry += decoder.decode(chunk.value, { stream: true });
      let nl: number;
      while ((nl = carry.indexOf('\n')) >= 0) {
        yield carry.slice(0, nl).replace(/\r$/, '');
        carry = carry.slice(nl + 1);
      }
    }
    carry += decoder.decode();
    if (carry) yield carry;
  } finally {
    watch.dispose();
  }
}

/**
 * The idle timeout and the caller's cancel of one request: `arm()` (re)starts the timer, which calls `cancel` when
 * it fires (then `timedOut` is true); the caller's AbortSignal calls `cancel` too. Throws a "cancelled"
 * ModelError when the signal is already aborted. `dispose()` in a finally.
 */
export function idleWatch(options: StreamOptions, cancel: () => void): { arm(): void; readonly timedOut: boolean; readonly label: string; dispose(): void } {
  const timeoutMs = options.timeoutMs ?? 60000;
  if (options.signal?.aborted) throw new ModelError('cancelled', 'cancelled');
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => cancel();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    arm() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => { timedOut = true; cancel(); }, timeoutMs);
    },
    get timedOut() { return timedOut; },
    label: timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`,
    dispose() {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    },
  };
}
