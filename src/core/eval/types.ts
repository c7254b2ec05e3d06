/** Contracts of the batch evaluation: what goes in (records, a chat function), what comes out (results, a summary). */
import type { Conversation } from '../types';
import type { ChatMessage, ChatRequest, ChatResult, ModelEndpoint, ModelErrorKind } from '../model/types';

/**
 * One record to evaluate. `line` is the 1-based line (JSONL) or record number (JSON array) shown to the
 * user. Give the parsed `value` (its format is detected, or `format` of the options is used), or an
 * already built `conversation`, or the `parseError` of a line that is not JSON (reported, not asked).
 */
export interface EvalRecord {
  line: number;
  value?: unknown;
  conversation?: Conversation;
  parseError?: string;
}

/**
 * Streams one answer. Throw a ModelError (kinds 'rate-limit', 'server', 'network', 'timeout' are retried)
 * or any Error (reported as is). The VS Code side plugs `vscode.lm` in here.
 */
export type ChatFunction = (request: ChatRequest, onDelta: (text: string) => void, options: { signal?: AbortSignal }) => Promise<ChatResult>;

export interface BatchProgress {
  /** Records finished (answered or failed). */
  done: number;
  /** Records started so far (a lower bound of the total while the input is still being read). */
  started: number;
  errors: number;
  /** Requests waiting for a retry right now. */
  retrying: number;
}

export interface BatchOptions {
  /** How to ask the model: an HTTP endpoint (openai-compatible / ollama), or an injected chat function. */
  endpoint?: ModelEndpoint;
  chat?: ChatFunction;
  model: string;
  temperature?: number;
  maxTokens?: number;
  /** Requests in flight at once (default 4, at least 1). */
  concurrency?: number;
  /** Retries of one record on 429 / 5xx / timeouts / dropped connections (default 3); Retry-After is honoured. */
  retries?: number;
  /** First backoff delay, doubled on every retry (default 1000 ms). */
  baseDelayMs?: number;
  /** Stop at this many records (after skipping none). */
  limit?: number;
  /** The dataset's format id; detected per record when absent. */
  format?: string;
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  /** Called once per record in record order; awaited (a writer's back-pressure slows the run down). */
  onResult?: (result: EvalResult) => void | Promise<void>;
  /** The answer of a record as it streams in (for a live view; results still come through onResult). */
  onDelta?: (record: number, text: string) => void;
  /** Counts tokens when the server does not report them (results then say `estimated`). */
  countTokens?: (text: string) => number;
  /** For tests: replaces the backoff sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface EvalTokens {
  prompt?: number;
  completion?: number;
  /** true when counted locally rather than reported by the server. */
  estimated?: boolean;
}

export interface EvalResult {
  /** 1-based line (JSONL) or record number. */
  record: number;
  /** The messages sent to the model. */
  prompt: ChatMessage[];
  /** The dataset's answer (the record's last assistant turn), when it has one. */
  datasetAnswer?: string;
  modelAnswer?: string;
  /** Final answers extracted from both ("#### 72", "The answer is 72", \boxed{72}, a short bare answer). */
  finalAnswers: { dataset?: string; model?: string };
  /** The final answers agree (numbers by value, choices by letter…); null when the dataset has no final answer or the model did not answer. */
  match: boolean | null;
  /** The whole answers are equal up to surrounding and repeated whitespace; null when either is missing. */
  exactMatch: boolean | null;
  latencyMs?: number;
  tokens?: EvalTokens;
  /** Retries this record needed. */
  retries: number;
  finishReason?: string;
  error?: { kind: ModelErrorKind | 'record' | 'other'; message: string };
}

export interface EvalSummary {
  /** Records evaluated (answered + errors). */
  records: number;
  answered: number;
  errors: number;
  /** Final-answer matches / records whose dataset answer has a final answer and that were answered; null when there are none. */
  finalAnswerAccuracy: number | null;
  finalAnswerMatches: number;
  finalAnswerCompared: number;
  /** Exact matches / answered records with a dataset answer; null when there are none. */
  exactMatch: number | null;
  exactMatches: number;
  exactMatchCompared: number;
  meanLatencyMs: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  tokens: { prompt: number; completion: number; estimated: boolean };
  /** Error counts by kind ("rate-limit": 3 …). */
  errorKinds: Record<string, number>;
  /** The run was stopped before the end of the input. */
  cancelled: boolean;
}
