import type { IncomingHttpHeaders } from 'node:http';

export interface LoopbackRequest {
  /** 0-based order of arrival. */
  index: number;
  provider: 'openai-compatible' | 'ollama';
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  model: string;
  messages: { role: string; content: string }[];
}

/** How to answer one request. */
export interface LoopbackReply {
  /** The answer (streamed as deltas of 4 characters unless `chunks`). */
  text?: string;
  chunks?: string[];
  /** An HTTP error instead of an answer (401, 404, 429, 500, 503 …), with `message` or a raw `body`. */
  status?: number;
  message?: string;
  body?: string | object;
  /** Seconds, sent as Retry-After with an error status. */
  retryAfter?: number;
  /** Wait before answering (headers included). */
  delayMs?: number;
  /** Wait between writes (default 1 ms): a slow drip. */
  dripMs?: number;
  /** Send headers, then nothing: the client's idle timeout must fire. */
  stall?: boolean;
  /** Destroy the socket after this many writes. */
  dropAfter?: number;
  /** Insert an event / line that is not JSON. */
  malformed?: boolean;
  /** End the stream without finish_reason / [DONE] (or Ollama's done line). */
  truncated?: boolean;
  /** Cut events at arbitrary points across writes (default true). */
  splitMidJson?: boolean;
  /** Usage to report, or false to report none (default: word count of the prompt, number of deltas). */
  usage?: { prompt: number; completion: number } | false;
  finishReason?: string;
}

export interface LoopbackOptions {
  /** Decides each answer; default echoes "You asked: <last message>". */
  reply?: (request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>;
  /** Require `Authorization: Bearer <apiKey>` on OpenAI routes (401 otherwise). */
  apiKey?: string;
  /** Known models (listed by /v1/models and /api/tags); another model name gets a 404. */
  models?: string[];
  port?: number;
}

export interface LoopbackModel {
  /** http://127.0.0.1:PORT — the Ollama base URL. */
  url: string;
  /** url + /v1 — the OpenAI-compatible base URL. */
  openaiBaseUrl: string;
  requests: LoopbackRequest[];
  readonly maxInflight: number;
  readonly inflight: number;
  setReply(fn: (request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>): void;
  close(): Promise<void>;
}

export function startLoopbackModel(options?: LoopbackOptions): Promise<LoopbackModel>;
